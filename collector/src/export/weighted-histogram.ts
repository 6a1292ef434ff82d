import type { Metric, Registry } from 'prom-client';
import type { BoundHistogram, Histogram, Labels } from '../model';

interface Series {
  labels: Labels;
  /** Per-bucket (not cumulative) weights; the last slot is the +Inf bucket. */
  counts: Float64Array;
  sum: number;
  count: number;
}

/**
 * A Prometheus histogram that accepts weighted observations (a sampled span stands for 1/p
 * spans). prom-client's Histogram counts whole observations only, so this one keeps its own series
 * and hands prom-client the rendered values through the metric object's `get()`, the hook the
 * Registry calls at scrape time for every registered metric.
 */
export function createWeightedHistogram(
  registry: Registry,
  name: string,
  help: string,
  labelNames: readonly string[],
  buckets: readonly number[],
): Histogram {
  const series = new Map<string, Series>();
  const bounds = [...buckets];
  const les = [...bounds.map((b) => String(b)), '+Inf'];

  const values = () => {
    const out: { labels: Labels; value: number; metricName: string }[] = [];
    for (const s of series.values()) {
      let cumulative = 0;
      for (let i = 0; i < les.length; i++) {
        cumulative += s.counts[i];
        out.push({ labels: { ...s.labels, le: les[i] }, value: cumulative, metricName: `${name}_bucket` });
      }
      out.push({ labels: s.labels, value: s.sum, metricName: `${name}_sum` });
      out.push({ labels: s.labels, value: s.count, metricName: `${name}_count` });
    }
    return out;
  };
  const metric = {
    name,
    help,
    type: 'histogram',
    aggregator: 'sum',
    get: async () => ({ name, help, type: 'histogram', aggregator: 'sum', values: values() }),
  };
  // The Registry only reads name, get() and type from what it is given; the cast bridges its
  // declared union of its own metric classes.
  registry.registerMetric(metric as unknown as Metric);

  // The series of a label set, created at its first observation (a series appears on /metrics
  // only once observed). Shared by `observe` and the bound handles, which find it once.
  const seriesOf = (labels: Labels): Series => {
    const ordered: Labels = {};
    for (const label of labelNames) ordered[label] = labels[label] ?? '';
    const key = labelNames.map((l) => ordered[l]).join('\u0000');
    let s = series.get(key);
    if (!s) {
      s = { labels: ordered, counts: new Float64Array(les.length), sum: 0, count: 0 };
      series.set(key, s);
    }
    return s;
  };
  const add = (s: Series, value: number, weight: number) => {
    let i = 0;
    while (i < bounds.length && value > bounds[i]) i++;
    s.counts[i] += weight;
    s.sum += value * weight;
    s.count += weight;
  };

  return {
    observe(labels: Labels, value: number, weight = 1) {
      if (!Number.isFinite(value) || !(weight > 0)) return;
      add(seriesOf(labels), value, weight);
    },
    bind(labels: Labels): BoundHistogram {
      let s: Series | undefined;
      return {
        observe(value: number, weight = 1) {
          if (!Number.isFinite(value) || !(weight > 0)) return;
          add((s ??= seriesOf(labels)), value, weight);
        },
      };
    },
  };
}
