/**
 * Prediction intervals from in-sample one-step residuals: the `level` quantile of their absolute
 * values, widened with the square root of the horizon as for a random walk's error. Empirical
 * rather than model-based, so it serves every model and combination alike; on M4 Hourly the
 * coverage it reaches is reported by the evaluation (see the folder README figures).
 */

/** The q-quantile (0..1) of the values by linear interpolation between order statistics. */
export function quantile(values: readonly number[], q: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const pos = q * (sorted.length - 1);
  const lo = Math.floor(pos);
  const hi = Math.min(lo + 1, sorted.length - 1);
  return sorted[lo] + (pos - lo) * (sorted[hi] - sorted[lo]);
}

/** Lower and upper bounds around the mean. */
export function intervalBounds(mean: readonly number[], halfWidths: readonly number[]): { lower: number[]; upper: number[] } {
  return { lower: mean.map((m, i) => m - halfWidths[i]), upper: mean.map((m, i) => m + halfWidths[i]) };
}
