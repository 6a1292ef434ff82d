import { LatencyWindow } from './latency-window';

const BOUNDS = [0.1, 0.2, 0.4, 0.8];

/** Exact up to floating-point rounding (12 decimals). */
function expectPercentiles(w: LatencyWindow, p50: number, p95: number, p99: number): void {
  const got = w.percentiles();
  expect(got).toBeDefined();
  expect(got?.p50).toBeCloseTo(p50, 12);
  expect(got?.p95).toBeCloseTo(p95, 12);
  expect(got?.p99).toBeCloseTo(p99, 12);
}

describe('LatencyWindow', () => {
  it('interpolates p50/p95/p99 inside the bucket, narrowed by the min and max seen', () => {
    const w = new LatencyWindow(BOUNDS);
    for (let i = 0; i < 5; i++) w.observe(0.05, 1);
    for (let i = 0; i < 5; i++) w.observe(0.3, 1);
    // p50: rank 5 ends the first bucket [0.05 (min), 0.1] -> 0.1.
    // p95: rank 9.5 = 4.5 of 5 into (0.2, 0.3 (max)] -> 0.2 + 0.1 * 0.9; p99: 4.9 of 5 -> 0.2 + 0.1 * 0.98.
    expectPercentiles(w, 0.1, 0.29, 0.298);
    expect(w.weight).toBe(10);
  });

  it('counts weights as that many observations', () => {
    const w = new LatencyWindow(BOUNDS);
    w.observe(0.15, 3);
    w.observe(0.5, 1);
    // Buckets (0.1, 0.2]: 3 with min 0.15 -> [0.15, 0.2]; (0.4, 0.8]: 1 with max 0.5 -> [0.4, 0.5].
    // p50: rank 2 -> 0.15 + 0.05 * 2/3; p95: rank 3.8 -> 0.4 + 0.1 * 0.8; p99: rank 3.96 -> 0.4 + 0.1 * 0.96.
    expectPercentiles(w, 0.15 + 0.05 * (2 / 3), 0.48, 0.496);
  });

  it('puts values beyond the last bound in the overflow bucket, closed by the max', () => {
    const w = new LatencyWindow(BOUNDS);
    w.observe(2, 1);
    w.observe(4, 1);
    // Both in the overflow bucket, closed to [2, 4]: p50 rank 1 of 2 -> 3; p95 rank 1.9 -> 3.9.
    expectPercentiles(w, 3, 3.9, 3.98);
  });

  it('adds windows, resets, and has no percentiles when empty', () => {
    const a = new LatencyWindow(BOUNDS);
    const b = new LatencyWindow(BOUNDS);
    a.observe(0.05, 1);
    b.observe(0.05, 1);
    b.observe(Number.NaN, 1);
    b.observe(0.05, 0);
    a.add(b);
    expect(a.weight).toBe(2);
    expect(a.percentiles()).toEqual({ p50: 0.05, p95: 0.05, p99: 0.05 });
    a.reset();
    expect(a.weight).toBe(0);
    expect(a.percentiles()).toBeUndefined();
  });
});
