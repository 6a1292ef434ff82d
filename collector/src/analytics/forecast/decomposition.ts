/**
 * Classical decomposition's seasonal figure (as R's `decompose` computes it): a centred moving
 * average of one period as the trend, the detrended ratios (or differences) averaged per position
 * in the cycle, normalised to mean 1 (or 0). The M4 Naive2 benchmark and Theta deseasonalise
 * with it.
 */

export type SeasonalKind = 'additive' | 'multiplicative';

/** Centred moving average over one period (2×m for an even m); NaN where the window leaves the series. */
export function centredMovingAverage(values: readonly number[], period: number): number[] {
  const n = values.length;
  const out = new Array<number>(n).fill(NaN);
  const half = Math.floor(period / 2);
  const even = period % 2 === 0;
  for (let t = half; t < n - half; t++) {
    let sum = 0;
    if (even) {
      sum += 0.5 * values[t - half] + 0.5 * values[t + half];
      for (let k = t - half + 1; k < t + half; k++) sum += values[k];
    } else {
      for (let k = t - half; k <= t + half; k++) sum += values[k];
    }
    out[t] = sum / period;
  }
  return out;
}

/**
 * The seasonal figure: `figure[p]` is the index of position p in the cycle, where position 0 is
 * the series' first point (point t sits at t mod period).
 */
export function seasonalFigure(values: readonly number[], period: number, kind: SeasonalKind): number[] {
  const trend = centredMovingAverage(values, period);
  const sums = new Array<number>(period).fill(0);
  const counts = new Array<number>(period).fill(0);
  for (let t = 0; t < values.length; t++) {
    if (Number.isNaN(trend[t])) continue;
    const detrended = kind === 'multiplicative' ? values[t] / trend[t] : values[t] - trend[t];
    if (!Number.isFinite(detrended)) continue;
    sums[t % period] += detrended;
    counts[t % period]++;
  }
  const figure = sums.map((s, p) => (counts[p] > 0 ? s / counts[p] : kind === 'multiplicative' ? 1 : 0));
  const mean = figure.reduce((a, b) => a + b, 0) / period;
  return figure.map((f) => (kind === 'multiplicative' ? f / mean : f - mean));
}

/** The figure's value at absolute index t (t may lie past the end: the cycle continues). */
export function seasonalAt(figure: readonly number[], t: number): number {
  return figure[t % figure.length];
}
