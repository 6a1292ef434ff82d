import { subtractExponential } from './exponential-delta';
import { explicitBuckets, exponentialBuckets, quantile } from './histogram-math';
import { cumulativeInterval, deltaSeconds } from './cumulative-interval';
import { AggregationTemporality } from '../otlp';
import type {
  ExponentialHistogramDataPoint,
  HistogramDataPoint,
  MetricData,
  NumberDataPoint,
  SummaryDataPoint,
} from '../otlp';
import type { BucketList, ExponentialShape } from './histogram-math';
import type { SeriesState } from './series-state';
import type { Interval } from './cumulative-interval';

/** Where the signals of one data point go. */
export interface PointTarget {
  /** Writes `<metric name><suffix><labels>` on the target entity. */
  emit(suffix: string, unit: string, kind: string, value: number): void;
  /** The metric's unit. */
  unit: string;
  /** Key of the series in the cumulative state. */
  key: string;
}

// Bit 0 of data point flags: no recorded value (a staleness marker).
const NO_RECORDED_VALUE = 1;
const QUANTILES: [string, number][] = [
  ['.p50', 0.5],
  ['.p95', 0.95],
  ['.p99', 0.99],
];

const rateUnit = (unit: string) => (unit === '' || unit === '1' ? '1/s' : `${unit}/s`);
const isDelta = (temporality: number) => temporality === AggregationTemporality.DELTA;

/**
 * Gauge: the value. Sum: `.rate` per second for monotonic cumulative sums (see
 * cumulativeInterval for resets) and for every delta sum (value / (time - start)); the value
 * itself for non-monotonic cumulative sums (up-down counters such as hw.status).
 */
export function ingestNumberPoint(
  target: PointTarget,
  data: Extract<MetricData, { type: 'gauge' | 'sum' }>,
  point: NumberDataPoint,
  state: SeriesState<{ start: number; t: number; value: number }>,
): void {
  const value = point.value;
  if (value === undefined || (point.flags & NO_RECORDED_VALUE) !== 0) return;
  if (data.type === 'gauge') return target.emit('', target.unit, 'gauge', value);
  if (isDelta(data.aggregationTemporality)) {
    const seconds = deltaSeconds(point.startTimeUnixNano, point.timeUnixNano);
    if (seconds !== undefined) target.emit('.rate', rateUnit(target.unit), 'rate', value / seconds);
    return;
  }
  if (!data.isMonotonic) return target.emit('', target.unit, 'sum', value);
  const current = { start: point.startTimeUnixNano, t: point.timeUnixNano, value };
  const interval = cumulativeInterval(
    state,
    target.key,
    current,
    (cur, prev) => (cur.value >= prev.value ? cur.value - prev.value : undefined),
    (cur) => cur.value,
  );
  if (interval?.seconds) target.emit('.rate', rateUnit(target.unit), 'rate', interval.value / interval.seconds);
}

interface Distribution {
  count: number;
  sum: number | undefined;
  buckets: BucketList;
}

/** `.count.rate`, `.mean` (sum / count of the interval), `.p50`, `.p95`, `.p99`. */
function emitDistribution(target: PointTarget, interval: Interval<Distribution>, min?: number, max?: number): void {
  const { count, sum, buckets } = interval.value;
  if (interval.seconds) target.emit('.count.rate', '1/s', 'histogram', count / interval.seconds);
  if (!(count > 0)) return;
  if (sum !== undefined) target.emit('.mean', target.unit, 'histogram', sum / count);
  for (const [suffix, q] of QUANTILES) {
    const value = quantile(buckets, q, min, max);
    if (value !== undefined) target.emit(suffix, target.unit, 'histogram', value);
  }
}

type HistogramState = { start: number; t: number; count: number; sum: number | undefined; counts: number[]; bounds: number[] };

export function ingestHistogramPoint(
  target: PointTarget,
  temporality: number,
  point: HistogramDataPoint,
  state: SeriesState<HistogramState>,
): void {
  if ((point.flags & NO_RECORDED_VALUE) !== 0) return;
  const { min, max, explicitBounds: bounds } = point;
  const toDistribution = (count: number, sum: number | undefined, counts: number[]): Distribution => ({
    count,
    sum,
    buckets: explicitBuckets(bounds, counts, min, max),
  });
  const current: HistogramState = {
    start: point.startTimeUnixNano,
    t: point.timeUnixNano,
    count: point.count,
    sum: point.sum,
    counts: point.bucketCounts,
    bounds,
  };
  const interval = isDelta(temporality)
    ? { value: toDistribution(point.count, point.sum, point.bucketCounts), seconds: deltaSeconds(current.start, current.t) }
    : cumulativeInterval(
        state,
        target.key,
        current,
        (cur, prev) => {
          const counts = subtractCounts(cur, prev);
          return counts && toDistribution(cur.count - prev.count, difference(cur.sum, prev.sum), counts);
        },
        (cur) => toDistribution(cur.count, cur.sum, cur.counts),
      );
  if (interval) emitDistribution(target, interval, min, max);
}

function subtractCounts(cur: HistogramState, prev: HistogramState): number[] | undefined {
  if (cur.count < prev.count || !sameNumbers(cur.bounds, prev.bounds) || cur.counts.length !== prev.counts.length) {
    return undefined;
  }
  const counts = cur.counts.map((c, i) => c - prev.counts[i]);
  return counts.some((c) => c < 0) ? undefined : counts;
}

function sameNumbers(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

const difference = (a: number | undefined, b: number | undefined) => (a === undefined || b === undefined ? undefined : a - b);

type ExponentialState = { start: number; t: number; count: number; sum: number | undefined; shape: ExponentialShape };

export function ingestExponentialPoint(
  target: PointTarget,
  temporality: number,
  point: ExponentialHistogramDataPoint,
  state: SeriesState<ExponentialState>,
): void {
  if ((point.flags & NO_RECORDED_VALUE) !== 0) return;
  const toDistribution = (count: number, sum: number | undefined, shape: ExponentialShape): Distribution => ({
    count,
    sum,
    buckets: exponentialBuckets(shape),
  });
  const current: ExponentialState = {
    start: point.startTimeUnixNano,
    t: point.timeUnixNano,
    count: point.count,
    sum: point.sum,
    shape: { scale: point.scale, zeroCount: point.zeroCount, positive: point.positive, negative: point.negative },
  };
  const interval = isDelta(temporality)
    ? { value: toDistribution(current.count, current.sum, current.shape), seconds: deltaSeconds(current.start, current.t) }
    : cumulativeInterval(
        state,
        target.key,
        current,
        (cur, prev) => {
          const shape = cur.count >= prev.count ? subtractExponential(cur.shape, prev.shape) : undefined;
          return shape && toDistribution(cur.count - prev.count, difference(cur.sum, prev.sum), shape);
        },
        (cur) => toDistribution(cur.count, cur.sum, cur.shape),
      );
  if (interval) emitDistribution(target, interval, point.min, point.max);
}

/** `.count.rate` and `.mean` of the interval (summaries are cumulative), and each reported quantile. */
export function ingestSummaryPoint(
  target: PointTarget,
  point: SummaryDataPoint,
  state: SeriesState<{ start: number; t: number; count: number; sum: number }>,
): void {
  if ((point.flags & NO_RECORDED_VALUE) !== 0) return;
  const current = { start: point.startTimeUnixNano, t: point.timeUnixNano, count: point.count, sum: point.sum };
  const interval = cumulativeInterval(
    state,
    target.key,
    current,
    (cur, prev) => (cur.count >= prev.count ? { count: cur.count - prev.count, sum: cur.sum - prev.sum } : undefined),
    (cur) => ({ count: cur.count, sum: cur.sum }),
  );
  if (interval?.seconds) target.emit('.count.rate', '1/s', 'summary', interval.value.count / interval.seconds);
  if (interval && interval.value.count > 0) target.emit('.mean', target.unit, 'summary', interval.value.sum / interval.value.count);
  for (const { quantile: q, value } of point.quantileValues) {
    target.emit(`.p${formatPercent(q)}`, target.unit, 'summary', value);
  }
}

/** 0.5 -> "50", 0.999 -> "99.9": the percentile without float noise. */
export function formatPercent(q: number): string {
  return String(Number((q * 100).toFixed(6)));
}
