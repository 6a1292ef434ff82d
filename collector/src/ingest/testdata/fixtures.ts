import { createTwin, defaultTwinModelConfig, InMemoryMetricsRegistry } from '../../model';
import { defaultTwinConfig } from '../config';
import type { Attributes, Metric, MetricsData, NumberDataPoint } from '../../otlp';
import type { TwinConfig } from '../config';

/** Shared fixtures for the ingest tests (not part of the folder's public surface). */

export const BASE_S = 1_700_000_000;

export function setupTwin(change: (c: TwinConfig) => void = () => {}) {
  const config = defaultTwinConfig();
  change(config);
  let now = BASE_S * 1000;
  const metrics = new InMemoryMetricsRegistry();
  const clock = { now: () => now };
  const twin = createTwin({ ...defaultTwinModelConfig(), limits: config.limits, history: config.history }, { clock, metrics });
  return { twin, config, clock, metrics, advance: (ms: number) => (now += ms) };
}

export const scope = { name: 'test', version: '', attributes: {}, droppedAttributesCount: 0 };

export function metricsData(attributes: Attributes, ...metrics: Metric[]): MetricsData {
  return {
    resourceMetrics: [
      { resource: { attributes, droppedAttributesCount: 0 }, schemaUrl: '', scopeMetrics: [{ scope, metrics, schemaUrl: '' }] },
    ],
  };
}

/** A number point at BASE_S + tS seconds, started at BASE_S + startS (0 = no start time). */
export function numberPoint(tS: number, value: number | undefined, startS?: number, attributes: Attributes = {}): NumberDataPoint {
  return {
    attributes,
    startTimeUnixNano: startS === undefined ? 0 : (BASE_S + startS) * 1e9,
    timeUnixNano: (BASE_S + tS) * 1e9,
    flags: 0,
    value,
  };
}

export const ns = (s: number) => (BASE_S + s) * 1e9;
export const ms = (s: number) => (BASE_S + s) * 1000;
