/**
 * Quantiles of a bucketed distribution by linear interpolation within the bucket that holds the
 * rank (the method of Prometheus' histogram_quantile), over a list of buckets in increasing order.
 */
export interface BucketList {
  lower: number[];
  upper: number[];
  counts: number[];
}

/**
 * The q-quantile (0..1); undefined for an empty distribution. A known min and max narrow the
 * buckets that hold them (no sample lies outside [min, max]), so the estimate never leaves that range.
 */
export function quantile(buckets: BucketList, q: number, min?: number, max?: number): number | undefined {
  const { lower, upper, counts } = buckets;
  let total = 0;
  for (const c of counts) total += c;
  if (!(total > 0)) return undefined;
  const rank = q * total;
  let seen = 0;
  let value = NaN;
  for (let i = 0; i < counts.length; i++) {
    const c = counts[i];
    if (!(c > 0)) continue;
    const low = min !== undefined && min > lower[i] ? Math.min(min, upper[i]) : lower[i];
    const high = max !== undefined && max < upper[i] ? Math.max(max, low) : upper[i];
    value = high;
    if (seen + c >= rank) {
      value = low + (high - low) * ((rank - seen) / c);
      break;
    }
    seen += c;
  }
  return Number.isFinite(value) ? value : undefined;
}

/**
 * Explicit-bucket histogram buckets: bucket i is (bounds[i-1], bounds[i]]. The open ends are
 * closed with the recorded min and max when they fit; otherwise the first bucket starts at 0
 * (like Prometheus, for positive bounds) and the overflow bucket ends at the last bound.
 */
export function explicitBuckets(bounds: readonly number[], counts: readonly number[], min?: number, max?: number): BucketList {
  const n = bounds.length;
  const first = n > 0 ? bounds[0] : NaN;
  const last = n > 0 ? bounds[n - 1] : NaN;
  const lowest = min !== undefined && !(min > first) ? min : first > 0 ? 0 : first;
  const highest = max !== undefined && !(max < last) ? max : last;
  const lower: number[] = [];
  const upper: number[] = [];
  for (let i = 0; i <= n; i++) {
    lower.push(i === 0 ? lowest : bounds[i - 1]);
    upper.push(i === n ? highest : bounds[i]);
  }
  return { lower, upper, counts: counts.slice(0, n + 1) };
}

export interface ExponentialBuckets {
  offset: number;
  bucketCounts: number[];
}

export interface ExponentialShape {
  scale: number;
  zeroCount: number;
  positive: ExponentialBuckets;
  negative: ExponentialBuckets;
}

/**
 * Exponential histogram buckets in increasing order: negative buckets (index i holds
 * [-base^(i+1), -base^i)), the zero bucket (taken as exactly 0), then positive buckets (index i
 * holds (base^i, base^(i+1)]), with base = 2^(2^-scale).
 */
export function exponentialBuckets(shape: ExponentialShape): BucketList {
  const step = Math.pow(2, -shape.scale);
  const bound = (index: number) => Math.pow(2, index * step);
  const out: BucketList = { lower: [], upper: [], counts: [] };
  const { negative, positive } = shape;
  for (let j = negative.bucketCounts.length - 1; j >= 0; j--) {
    const i = negative.offset + j;
    push(out, -bound(i + 1), -bound(i), negative.bucketCounts[j]);
  }
  push(out, 0, 0, shape.zeroCount);
  for (let j = 0; j < positive.bucketCounts.length; j++) {
    const i = positive.offset + j;
    push(out, bound(i), bound(i + 1), positive.bucketCounts[j]);
  }
  return out;
}

function push(list: BucketList, lower: number, upper: number, count: number): void {
  list.lower.push(lower);
  list.upper.push(upper);
  list.counts.push(count);
}
