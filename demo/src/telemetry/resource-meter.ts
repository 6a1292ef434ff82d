import { MeterProvider } from '@opentelemetry/sdk-metrics';
import type { Attributes, ObservableResult } from '@opentelemetry/api';
import type { Resource } from '@opentelemetry/resources';
import type { MetricData, ResourceMetrics } from '@opentelemetry/sdk-metrics';
import { ManualMetricReader } from './manual-metric-reader';
import { createWeightedHistogram } from './weighted-histogram';
import type { CollectableHistogram, HistogramSpec, WeightedHistogram } from './weighted-histogram';

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

const SCOPE_NAME = 'twinops-demo';

/**
 * The metrics of one resource: a MeterProvider with a timer-less reader. Gauges are observable
 * and read what `set` left, so a series that is not set in a step is absent from that collection
 * (a crashed host's OS metrics stop instead of repeating their last value). Duration histograms
 * are the demo's own weighted ones (one call per sampled duration, not per request), joined to
 * the SDK's collection in the same scope, after the gauges as the SDK would order them.
 */
export interface ResourceMeter {
  set(name: string, points: GaugePoint[]): void;
  histogram(name: string): WeightedHistogram;
  collect(): Promise<ResourceMetrics>;
  shutdown(): Promise<void>;
}

export function createResourceMeter(resource: Resource, gauges: readonly GaugeSpec[], histograms: readonly HistogramSpec[], nowMs: () => number = Date.now): ResourceMeter {
  const reader = new ManualMetricReader();
  const provider = new MeterProvider({ resource, readers: [reader] });
  const meter = provider.getMeter(SCOPE_NAME);
  const current = new Map<string, GaugePoint[]>();
  for (const spec of gauges) {
    const options = { unit: spec.unit, description: spec.description };
    const instrument = spec.instrument === 'gauge' ? meter.createObservableGauge(spec.name, options) : meter.createObservableUpDownCounter(spec.name, options);
    instrument.addCallback((result: ObservableResult) => {
      for (const point of current.get(spec.name) ?? []) result.observe(point.value, point.attributes);
    });
  }
  const histogramByName = new Map<string, CollectableHistogram>(histograms.map((spec) => [spec.name, createWeightedHistogram(spec, nowMs())]));
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
      const endTimeMs = nowMs();
      const own: MetricData[] = [];
      for (const h of histogramByName.values()) {
        const data = h.collect(endTimeMs);
        if (data) own.push(data);
      }
      if (own.length === 0) return resourceMetrics;
      const scope = resourceMetrics.scopeMetrics.find((s) => s.scope.name === SCOPE_NAME);
      if (scope) scope.metrics.push(...own);
      // The scope the SDK gives `getMeter(name)`: no version, no schema URL.
      else resourceMetrics.scopeMetrics.push({ scope: { name: SCOPE_NAME, version: '', schemaUrl: undefined }, metrics: own });
      return resourceMetrics;
    },
    shutdown: () => provider.shutdown(),
  };
}
