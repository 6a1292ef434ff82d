import { explicitBuckets, quantile } from '../histogram-math';

export interface Percentiles {
  p50: number;
  p95: number;
  p99: number;
}

/**
 * Bounds of the twin's own latency percentiles: 10 µs to about 10 minutes, 16 buckets per
 * octave, so an interpolated percentile is within a bucket's 4.4 % of the truth. The exported
 * Grafana histograms keep the configured (connector-compatible) bounds, whose 50–100 ms bucket
 * alone could put a p95 of 69 ms at 85 ms.
 */
export const PERCENTILE_BOUNDS: readonly number[] = Array.from({ length: 16 * 26 }, (_, i) => 1e-5 * 2 ** (i / 16));

/**
 * One window's latency distribution in explicit buckets, with weights (sampled spans count 1/p)
 * and the exact min and max, which narrow the outer buckets so no percentile leaves the range seen.
 * Percentiles interpolate linearly inside the bucket (histogram-math, as Prometheus does).
 */
export class LatencyWindow {
  private readonly counts: Float64Array;
  private min = Infinity;
  private max = -Infinity;
  private total = 0;

  constructor(private readonly bounds: readonly number[]) {
    this.counts = new Float64Array(bounds.length + 1);
  }

  observe(seconds: number, weight: number): void {
    if (!Number.isFinite(seconds) || !(weight > 0)) return;
    // The first bound at or above the value (binary search: the fine grid has hundreds).
    const bounds = this.bounds;
    let lo = 0;
    let hi = bounds.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (seconds > bounds[mid]) lo = mid + 1;
      else hi = mid;
    }
    this.counts[lo] += weight;
    this.total += weight;
    if (seconds < this.min) this.min = seconds;
    if (seconds > this.max) this.max = seconds;
  }

  /** Adds another window of the same bounds (the service's incoming edges together). */
  add(other: LatencyWindow): void {
    if (other.total === 0) return;
    for (let i = 0; i < this.counts.length; i++) this.counts[i] += other.counts[i];
    this.total += other.total;
    this.min = Math.min(this.min, other.min);
    this.max = Math.max(this.max, other.max);
  }

  get weight(): number {
    return this.total;
  }

  percentiles(): Percentiles | undefined {
    if (this.total === 0) return undefined;
    const list = explicitBuckets(this.bounds, Array.from(this.counts), this.min, this.max);
    const at = (q: number) => quantile(list, q, this.min, this.max) ?? NaN;
    return { p50: at(0.5), p95: at(0.95), p99: at(0.99) };
  }

  reset(): void {
    if (this.total === 0) return;
    this.counts.fill(0);
    this.total = 0;
    this.min = Infinity;
    this.max = -Infinity;
  }
}
