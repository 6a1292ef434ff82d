/** Sample autocorrelation, as the usual estimator defines it (one mean, one variance, divided by n). */

/** Autocorrelations at lags 1..maxLag (index 0 holds lag 1); zeros for a constant series. */
export function autocorrelation(values: readonly number[], maxLag: number): number[] {
  const n = values.length;
  let mean = 0;
  for (const v of values) mean += v;
  mean /= n;
  let variance = 0;
  for (const v of values) variance += (v - mean) * (v - mean);
  const out = new Array<number>(Math.max(0, Math.min(maxLag, n - 1))).fill(0);
  if (variance === 0) return out;
  for (let lag = 1; lag <= out.length; lag++) {
    let sum = 0;
    for (let t = lag; t < n; t++) sum += (values[t] - mean) * (values[t - lag] - mean);
    out[lag - 1] = sum / variance;
  }
  return out;
}

/**
 * The M4 competition's seasonality test: the autocorrelation at `period` is significant at 90%
 * (one-sided, 1.645) against Bartlett's bound sqrt((1 + 2·Σ_{k<period} r_k²) / n); series shorter
 * than three periods are not seasonal.
 */
export function isSeasonal(values: readonly number[], period: number): boolean {
  if (period < 2 || values.length < 3 * period) return false;
  const r = autocorrelation(values, period);
  let sumSquares = 0;
  for (let k = 0; k < period - 1; k++) sumSquares += r[k] * r[k];
  const limit = (1.645 / Math.sqrt(values.length)) * Math.sqrt(1 + 2 * sumSquares);
  return Math.abs(r[period - 1]) > limit;
}
