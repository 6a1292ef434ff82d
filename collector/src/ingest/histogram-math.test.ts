import { downscale, subtractExponential } from './exponential-delta';
import { explicitBuckets, exponentialBuckets, quantile } from './histogram-math';

describe('quantile over explicit buckets', () => {
  // bounds 1, 2, 5: buckets (-inf,1] 2, (1,2] 4, (2,5] 3, (5,+inf) 1; total 10.
  const counts = [2, 4, 3, 1];

  it.each([
    // rank 5 falls in (1,2] after 2: 1 + 1 x (5-2)/4
    [0.5, undefined, undefined, 1.75],
    // rank 1 in the first bucket, closed at 0: 0 + 1 x 1/2
    [0.1, undefined, undefined, 0.5],
    // rank 8 in (2,5] after 6: 2 + 3 x 2/3
    [0.8, undefined, undefined, 4],
    // rank 9.5 in the overflow bucket: without max it ends at the last bound
    [0.95, undefined, undefined, 5],
    // with max 8: 5 + 3 x (9.5-9)/1
    [0.95, undefined, 8, 6.5],
    [0.99, undefined, 8, 7.7],
    // with min 0.5 the first bucket is [0.5, 1]: 0.5 + 0.5 x 1/2
    [0.1, 0.5, undefined, 0.75],
  ])('q=%d min=%s max=%s -> %d', (q, min, max, expected) => {
    expect(quantile(explicitBuckets([1, 2, 5], counts, min, max), q, min, max)).toBeCloseTo(expected, 12);
  });

  it('is undefined for an empty distribution', () => {
    expect(quantile(explicitBuckets([1], [0, 0]), 0.5)).toBeUndefined();
  });

  it('narrows the buckets holding min and max', () => {
    // (1,10] narrowed to (1,3]: rank 3.96 of 4 -> 1 + 2 x 0.99
    expect(quantile(explicitBuckets([10], [4, 0], 1, 3), 0.99, 1, 3)).toBeCloseTo(2.98, 12);
    // (0,10] narrowed to (4,6] when min 4 and max 6 fall in the same bucket: p50 -> 5
    expect(quantile(explicitBuckets([10], [2, 0]), 0.5, 4, 6)).toBe(5);
  });

  it('closes the first bucket at its own bound when bounds are negative', () => {
    // (-inf,-1] holds all: lower = upper = -1
    expect(quantile(explicitBuckets([-1, 0], [2, 0, 0]), 0.5)).toBe(-1);
  });
});

describe('exponential buckets', () => {
  it('lays out negative, zero and positive buckets at scale 0 (base 2)', () => {
    expect(
      exponentialBuckets({
        scale: 0,
        zeroCount: 1,
        positive: { offset: 1, bucketCounts: [0, 2] },
        negative: { offset: 0, bucketCounts: [3] },
      }),
    ).toEqual({ lower: [-2, 0, 2, 4], upper: [-1, 0, 4, 8], counts: [3, 1, 0, 2] });
  });

  it('uses base 2^(2^-scale)', () => {
    const list = exponentialBuckets({ scale: 1, zeroCount: 0, positive: { offset: -2, bucketCounts: [1, 1] }, negative: { offset: 0, bucketCounts: [] } });
    // index 0 is the zero bucket; then (2^-1, 2^-0.5] and (2^-0.5, 1]
    expect(list.lower[1]).toBeCloseTo(0.5, 12);
    expect(list.upper[1]).toBeCloseTo(Math.SQRT1_2, 12);
    expect(list.upper[2]).toBeCloseTo(1, 12);
    expect(exponentialBuckets({ scale: -1, zeroCount: 0, positive: { offset: 1, bucketCounts: [1] }, negative: { offset: 0, bucketCounts: [] } })).toEqual({
      lower: [0, 4],
      upper: [0, 16],
      counts: [0, 1],
    });
  });

  it('computes quantiles of the OTLP example point (scale 0, zero 1, positive offset 1 [0, 2], max 5)', () => {
    const list = exponentialBuckets({ scale: 0, zeroCount: 1, positive: { offset: 1, bucketCounts: [0, 2] }, negative: { offset: 0, bucketCounts: [] } });
    // rank 0.3 is in the zero bucket
    expect(quantile(list, 0.1, 0, 5)).toBe(0);
    // rank 1.5 is in (4,8] after 1: 4 + 4 x 0.5/2 = 5
    expect(quantile(list, 0.5)).toBe(5);
    // rank 1.2: 4 + 4 x 0.2/2 = 4.4
    expect(quantile(list, 0.4)).toBeCloseTo(4.4, 12);
    // (4,8] narrowed by max 5 to (4,5]: rank 2.97 -> 4 + 1 x 1.97/2
    expect(quantile(list, 0.99, 0, 5)).toBeCloseTo(4.985, 12);
  });

  it('downscales by merging index pairs (floor division, negatives too)', () => {
    expect(downscale({ offset: -3, bucketCounts: [1, 2, 3, 4, 5] }, 1)).toEqual({ offset: -2, bucketCounts: [1, 5, 9] });
    expect(downscale({ offset: 5, bucketCounts: [1] }, 0)).toEqual({ offset: 5, bucketCounts: [1] });
  });

  it('subtracts cumulative points, across scales, and detects resets', () => {
    const prev = { scale: 1, zeroCount: 1, positive: { offset: 0, bucketCounts: [1, 1] }, negative: { offset: 0, bucketCounts: [] } };
    const cur = { scale: 0, zeroCount: 2, positive: { offset: 0, bucketCounts: [5] }, negative: { offset: 0, bucketCounts: [] } };
    expect(subtractExponential(cur, prev)).toEqual({
      scale: 0,
      zeroCount: 1,
      positive: { offset: 0, bucketCounts: [3] },
      negative: { offset: 0, bucketCounts: [] },
    });
    expect(subtractExponential(prev, cur)).toBeUndefined();
    expect(subtractExponential({ ...cur, positive: { offset: 1, bucketCounts: [5] } }, { ...cur, zeroCount: 0 })).toBeUndefined();
  });
});
