import { Counter as PromCounter, Gauge as PromGauge, Registry, collectDefaultMetrics } from 'prom-client';
import { createWeightedHistogram } from './weighted-histogram';
import type { Counter, Gauge, Histogram, Labels, MetricsRegistry } from '../model';

/** The MetricsRegistry behind /metrics: what components report, in the Prometheus text format. */
export interface PrometheusRegistry extends MetricsRegistry {
  /** The Content-Type of `metrics()`' text (the Prometheus text exposition format 0.0.4). */
  readonly contentType: string;
  /** Every metric rendered for a scrape; observable gauges are read now. */
  metrics(): Promise<string>;
}

export interface PrometheusRegistrySettings {
  /**
   * Adds prom-client's process and Node.js metrics (memory, CPU, event loop, GC). They keep their
   * standard names (process_resident_memory_bytes, nodejs_eventloop_lag_seconds, ...) so stock
   * dashboards work; true by default, false gives tests a registry holding only what they add.
   */
  defaultMetrics?: boolean;
}

type Kind = 'counter' | 'gauge' | 'observable gauge' | 'histogram';

interface Registered {
  kind: Kind;
  labelNames: readonly string[];
  counter?: Counter;
  gauge?: Gauge;
  histogram?: Histogram;
  /** Observable gauges read through this slot, so a second registration replaces the reader. */
  read?: () => number;
}

/** Creates a prom-client registry wrapped in the narrow MetricsRegistry interface. */
export function createPrometheusRegistry(settings: PrometheusRegistrySettings = {}): PrometheusRegistry {
  const registry = new Registry();
  if (settings.defaultMetrics ?? true) collectDefaultMetrics({ register: registry });
  const registered = new Map<string, Registered>();

  // Components may ask for the same metric twice (two instances, a restart): same name and shape
  // returns the same metric; a different kind or label set is a programming error worth failing on.
  function lookup(name: string, kind: Kind, labelNames: readonly string[]): Registered | undefined {
    const found = registered.get(name);
    if (!found) return undefined;
    if (found.kind !== kind || found.labelNames.join(',') !== labelNames.join(',')) {
      throw new Error(
        `metric ${name} is already registered as a ${found.kind} with labels [${found.labelNames.join(', ')}]; ` +
          `cannot register it as a ${kind} with labels [${labelNames.join(', ')}]`,
      );
    }
    return found;
  }

  return {
    contentType: registry.contentType,
    metrics: () => registry.metrics(),

    counter(name: string, help: string, labelNames: readonly string[] = []): Counter {
      const found = lookup(name, 'counter', labelNames);
      if (found?.counter) return found.counter;
      const metric = new PromCounter({ name, help, labelNames, registers: [registry] });
      const counter: Counter = {
        inc: (labels?: Labels, value = 1) => (labels ? metric.inc(labels, value) : metric.inc(value)),
      };
      registered.set(name, { kind: 'counter', labelNames, counter });
      return counter;
    },

    gauge(name: string, help: string, labelNames: readonly string[] = []): Gauge {
      const found = lookup(name, 'gauge', labelNames);
      if (found?.gauge) return found.gauge;
      const metric = new PromGauge({ name, help, labelNames, registers: [registry] });
      const gauge: Gauge = {
        set: (labels: Labels, value: number) => metric.set(labels, value),
        remove: (labels: Labels) => void metric.remove(labels),
      };
      registered.set(name, { kind: 'gauge', labelNames, gauge });
      return gauge;
    },

    histogram(name: string, help: string, labelNames: readonly string[], buckets: readonly number[]): Histogram {
      const found = lookup(name, 'histogram', labelNames);
      if (found?.histogram) return found.histogram;
      const histogram = createWeightedHistogram(registry, name, help, labelNames, buckets);
      registered.set(name, { kind: 'histogram', labelNames, histogram });
      return histogram;
    },

    observableGauge(name: string, help: string, read: () => number): void {
      const found = lookup(name, 'observable gauge', []);
      if (found) {
        found.read = read;
        return;
      }
      const entry: Registered = { kind: 'observable gauge', labelNames: [], read };
      new PromGauge({
        name,
        help,
        registers: [registry],
        collect() {
          this.set(readSafely(entry.read));
        },
      });
      registered.set(name, entry);
    },
  };
}

/** A reader that throws must not fail the whole scrape: its gauge shows NaN instead. */
function readSafely(read: (() => number) | undefined): number {
  try {
    return read ? read() : Number.NaN;
  } catch {
    return Number.NaN;
  }
}
