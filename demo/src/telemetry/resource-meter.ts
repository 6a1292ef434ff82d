import { MeterProvider } from '@opentelemetry/sdk-metrics';
import type { Attributes, Histogram, ObservableResult } from '@opentelemetry/api';
import type { Resource } from '@opentelemetry/resources';
import type { ResourceMetrics } from '@opentelemetry/sdk-metrics';
import { ManualMetricReader } from './manual-metric-reader';

/** One value of a gauge-like metric in this step. */
export interface GaugePoint {
  value: number;
  attributes: Attributes;
}

/** A metric whose value the emitter sets each step (observed at collection). */
export interface GaugeSpec {
  name: string;
  unit: string;
  description: string;
  /** `updowncounter` for semconv metrics declared as such (hw.status). */
  instrument: 'gauge' | 'updowncounter';
}

/** A duration histogram in seconds (semconv bucket boundaries). */
export interface HistogramSpec {
  name: string;
  description: string;
}

/** Semconv's advised boundaries for HTTP durations (s). */
export const DURATION_BUCKETS_SECONDS = [0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1, 2.5, 5, 7.5, 10];

/**
 * The metrics of one resource: a MeterProvider with a timer-less reader. Gauges are observable
 * and read what `set` left, so a series that is not set in a step is absent from that collection
 * (a crashed host's OS metrics stop instead of repeating their last value).
 */
export interface ResourceMeter {
  set(name: string, points: GaugePoint[]): void;
  histogram(name: string): Histogram;
  collect(): Promise<ResourceMetrics>;
  shutdown(): Promise<void>;
}

export function createResourceMeter(resource: Resource, gauges: readonly GaugeSpec[], histograms: readonly HistogramSpec[]): ResourceMeter {
  const reader = new ManualMetricReader();
  const provider = new MeterProvider({ resource, readers: [reader] });
  const meter = provider.getMeter('twinops-demo');
  const current = new Map<string, GaugePoint[]>();
  for (const spec of gauges) {
    const options = { unit: spec.unit, description: spec.description };
    const instrument = spec.instrument === 'gauge' ? meter.createObservableGauge(spec.name, options) : meter.createObservableUpDownCounter(spec.name, options);
    instrument.addCallback((result: ObservableResult) => {
      for (const point of current.get(spec.name) ?? []) result.observe(point.value, point.attributes);
    });
  }
  const histogramByName = new Map<string, Histogram>();
  for (const spec of histograms) {
    histogramByName.set(spec.name, meter.createHistogram(spec.name, { unit: 's', description: spec.description, advice: { explicitBucketBoundaries: DURATION_BUCKETS_SECONDS } }));
  }
  return {
    set(name, points) {
      current.set(name, points);
    },
    histogram(name) {
      const h = histogramByName.get(name);
      if (!h) throw new Error(`telemetry: no histogram '${name}' on this resource`);
      return h;
    },
    async collect() {
      const { resourceMetrics } = await reader.collect();
      current.clear();
      return resourceMetrics;
    },
    shutdown: () => provider.shutdown(),
  };
}
