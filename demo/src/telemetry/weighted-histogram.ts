import { ValueType } from '@opentelemetry/api';
import { AggregationTemporality, DataPointType, InstrumentType } from '@opentelemetry/sdk-metrics';
import type { Attributes, HrTime } from '@opentelemetry/api';
import type { DataPoint, Histogram, HistogramMetricData } from '@opentelemetry/sdk-metrics';

/** A duration histogram in seconds (semconv bucket boundaries). */
export interface HistogramSpec {
  name: string;
  description: string;
}

/** Semconv's advised boundaries for HTTP durations (s). */
export const DURATION_BUCKETS_SECONDS: readonly number[] = [0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1, 2.5, 5, 7.5, 10];

/**
 * A cumulative explicit-bucket histogram that takes a value with a count. The SDK's
 * `Histogram.record` has none, and a step of the shop stands for tens of thousands of requests
 * that share a few sampled durations: one call per request made the telemetry cost grow with
 * the load. One `record(v, n, attrs)` here adds exactly what `n` SDK calls `record(v, attrs)`
 * add (same bucket rule, count, min and max; the sum as `v × n`, equal within float rounding).
 */
export interface WeightedHistogram {
  record(value: number, count: number, attributes: Attributes): void;
}

/** The histogram with its collection; `collect` gives every series seen since creation (cumulative). */
export interface CollectableHistogram extends WeightedHistogram {
  /** Undefined while nothing was recorded (the SDK leaves such a metric out too). */
  collect(endTimeMs: number): HistogramMetricData | undefined;
}

interface Series {
  attributes: Attributes;
  startTime: HrTime;
  counts: number[];
  count: number;
  sum: number;
  min: number;
  max: number;
}

export function millisToHrTime(ms: number): HrTime {
  const seconds = Math.floor(ms / 1000);
  return [seconds, Math.round((ms - seconds * 1000) * 1e6)];
}

/** The SDK's bucket rule: the first bucket whose upper boundary is >= the value (bounds inclusive). */
export function bucketIndex(boundaries: readonly number[], value: number): number {
  let lo = 0;
  let hi = boundaries.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (boundaries[mid] < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The SDK's attribute key: independent of the attributes' key order. */
function attributesKey(attributes: Attributes): string {
  return JSON.stringify(Object.keys(attributes).sort().map((k) => [k, attributes[k]]));
}

/**
 * A series starts at the previous collection (or at the histogram's creation before the first):
 * its first counts are a whole step's requests, so a reader that divides them by the time since
 * the start gets the step's rate. (The SDK stamps the first record's time; with records made just
 * before the collection that made a new series' first rate many times too high.)
 */
export function createWeightedHistogram(spec: HistogramSpec, createdMs: number = Date.now()): CollectableHistogram {
  const boundaries = [...DURATION_BUCKETS_SECONDS];
  // What the SDK puts in its descriptor for a histogram created with these options and advice.
  const descriptor = {
    name: spec.name,
    description: spec.description,
    unit: 's',
    valueType: ValueType.DOUBLE,
    type: InstrumentType.HISTOGRAM,
    advice: { explicitBucketBoundaries: [...DURATION_BUCKETS_SECONDS] },
  };
  const series = new Map<string, Series>();
  let openedMs = createdMs;
  return {
    record(value, count, attributes) {
      // As the SDK: NaN is dropped; a count below one records nothing.
      if (Number.isNaN(value) || !(count >= 1)) return;
      const n = Math.floor(count);
      const key = attributesKey(attributes);
      let s = series.get(key);
      if (!s) {
        s = { attributes: { ...attributes }, startTime: millisToHrTime(openedMs), counts: new Array<number>(boundaries.length + 1).fill(0), count: 0, sum: 0, min: Infinity, max: -Infinity };
        series.set(key, s);
      }
      s.counts[bucketIndex(boundaries, value)] += n;
      s.count += n;
      s.sum += value * n;
      s.min = Math.min(s.min, value);
      s.max = Math.max(s.max, value);
    },
    collect(endTimeMs) {
      openedMs = endTimeMs;
      if (series.size === 0) return undefined;
      const endTime = millisToHrTime(endTimeMs);
      const dataPoints: DataPoint<Histogram>[] = [...series.values()].map((s) => ({
        attributes: s.attributes,
        startTime: s.startTime,
        endTime,
        // Copies: an exporter may hold a collection while the next step records.
        value: { buckets: { boundaries: [...boundaries], counts: [...s.counts] }, count: s.count, sum: s.sum, min: s.min, max: s.max },
      }));
      return { descriptor, aggregationTemporality: AggregationTemporality.CUMULATIVE, dataPointType: DataPointType.HISTOGRAM, dataPoints };
    },
  };
}
