/** Which signals moved with a target signal in a window: lagged Pearson correlation on first differences. */
import { median, pearson } from './robust-stats';
import type { MetricSeries } from './types';

export interface CorrelationCandidate {
  id: string;
  series: MetricSeries;
}

export interface CorrelatedSignal {
  id: string;
  /** Pearson r of the differenced signals at `lag` (sign kept: negative means they moved in opposite directions). */
  correlation: number;
  /** Positive when the candidate leads the target, in timestamp units. */
  lag: number;
  /** Differenced pairs the correlation used. */
  pairs: number;
}

export interface CorrelationOptions {
  /** Only try lags where the candidate leads (or is simultaneous): a cause's view. */
  leadsOnly?: boolean;
}

/**
 * Ranks `candidates` by |r| against `target` over `window` (inclusive), trying every lag of whole
 * target sampling steps up to `maxLag` (timestamp units). Differencing first removes level and
 * slow trend, so two signals correlate because they changed together, not because both drift.
 * A candidate sample pairs with a target time when it lies within half a step of it. Candidates
 * with fewer than 3 pairs or no variation are left out; ties go to the smaller |lag|, then the id.
 */
export function correlatedSignals(
  target: MetricSeries,
  candidates: readonly CorrelationCandidate[],
  window: { from: number; to: number },
  maxLag: number,
  options: CorrelationOptions = {},
): CorrelatedSignal[] {
  const times: number[] = [];
  const values: number[] = [];
  target.timestamps.forEach((t, i) => {
    if (t >= window.from && t <= window.to) {
      times.push(t);
      values.push(target.values[i]);
    }
  });
  if (times.length < 2) return [];
  const step = median(times.slice(1).map((t, i) => t - times[i]));
  const maxSteps = step > 0 ? Math.floor(maxLag / step + 1e-9) : 0;
  const targetDiffs = values.slice(1).map((v, i) => v - values[i]);
  const found: CorrelatedSignal[] = [];
  for (const c of candidates) {
    let best: CorrelatedSignal | undefined;
    for (let k = options.leadsOnly ? 0 : -maxSteps; k <= maxSteps; k++) {
      const shifted = times.map((t) => valueNear(c.series, t - k * step, step / 2));
      const diffs = shifted.slice(1).map((v, i) => v - shifted[i]);
      const r = pearson(diffs, targetDiffs);
      if (Number.isNaN(r)) continue;
      const pairs = diffs.filter((d, i) => !Number.isNaN(d) && !Number.isNaN(targetDiffs[i])).length;
      const better = best === undefined || Math.abs(r) > Math.abs(best.correlation) + 1e-12 || (Math.abs(r) >= Math.abs(best.correlation) - 1e-12 && Math.abs(k * step) < Math.abs(best.lag));
      if (better) best = { id: c.id, correlation: r, lag: k * step || 0, pairs };
    }
    if (best !== undefined) found.push(best);
  }
  const byStrength = (a: CorrelatedSignal, b: CorrelatedSignal) => {
    const d = Math.abs(b.correlation) - Math.abs(a.correlation);
    return Math.abs(d) > 1e-12 ? d : 0;
  };
  return found.sort((a, b) => byStrength(a, b) || Math.abs(a.lag) - Math.abs(b.lag) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** The sample nearest `t` within `tolerance`, NaN when none. Timestamps are ascending. */
function valueNear(series: MetricSeries, t: number, tolerance: number): number {
  const ts = series.timestamps;
  let lo = 0;
  let hi = ts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (ts[mid] < t) lo = mid + 1;
    else hi = mid;
  }
  let bestI = -1;
  for (const i of [lo - 1, lo]) if (i >= 0 && i < ts.length && Math.abs(ts[i] - t) <= tolerance && (bestI < 0 || Math.abs(ts[i] - t) < Math.abs(ts[bestI] - t))) bestI = i;
  return bestI < 0 ? NaN : series.values[bestI];
}
