import type { ExponentialBuckets, ExponentialShape } from './histogram-math';

/**
 * Merges buckets to a coarser scale: lowering the scale by `by` maps index i to i >> by
 * (floor division by 2^by, also for negative indexes), as the OTLP data model defines.
 */
export function downscale(buckets: ExponentialBuckets, by: number): ExponentialBuckets {
  if (by <= 0 || buckets.bucketCounts.length === 0) return buckets;
  const offset = buckets.offset >> by;
  const last = (buckets.offset + buckets.bucketCounts.length - 1) >> by;
  const counts = new Array<number>(last - offset + 1).fill(0);
  for (let j = 0; j < buckets.bucketCounts.length; j++) counts[((buckets.offset + j) >> by) - offset] += buckets.bucketCounts[j];
  return { offset, bucketCounts: counts };
}

/**
 * The interval between two cumulative exponential histogram points (`current` - `previous`),
 * brought to the coarser of the two scales first. Undefined when a count went down: a reset.
 */
export function subtractExponential(current: ExponentialShape, previous: ExponentialShape): ExponentialShape | undefined {
  const scale = Math.min(current.scale, previous.scale);
  const positive = subtractBuckets(
    downscale(current.positive, current.scale - scale),
    downscale(previous.positive, previous.scale - scale),
  );
  const negative = subtractBuckets(
    downscale(current.negative, current.scale - scale),
    downscale(previous.negative, previous.scale - scale),
  );
  const zeroCount = current.zeroCount - previous.zeroCount;
  if (!positive || !negative || zeroCount < 0) return undefined;
  return { scale, zeroCount, positive, negative };
}

function subtractBuckets(current: ExponentialBuckets, previous: ExponentialBuckets): ExponentialBuckets | undefined {
  const counts = current.bucketCounts.slice();
  for (let j = 0; j < previous.bucketCounts.length; j++) {
    const c = previous.bucketCounts[j];
    if (c === 0) continue;
    const at = previous.offset + j - current.offset;
    if (at < 0 || at >= counts.length) return undefined;
    counts[at] -= c;
    if (counts[at] < 0) return undefined;
  }
  return { offset: current.offset, bucketCounts: counts };
}
