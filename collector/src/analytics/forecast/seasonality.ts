/**
 * Seasonal periods from autocorrelation: peaks of the first differences' autocorrelation that are
 * significant and strong, keeping a multiple of a period already found (a week of 7 days) only
 * where it stands out from the neighbouring multiples (the week is more alike than 6 or 8 days)
 * and is the most alike of all of them.
 */
import { autocorrelation } from './autocorrelation';

export interface SeasonalityOptions {
  /** Longest period considered, in points; default a third of the history (three cycles to see one). */
  maxPeriod?: number;
  /** Smallest autocorrelation a peak needs; default 0.2. */
  minStrength?: number;
  /** How far a multiple's autocorrelation must exceed the mean of its neighbouring multiples; default 0.05. */
  minGain?: number;
}

/** Detected periods in points, ascending; empty for a non-seasonal series. */
export function detectSeasonalPeriods(values: readonly number[], options: SeasonalityOptions = {}): number[] {
  const n = values.length;
  const maxPeriod = Math.min(options.maxPeriod ?? Math.floor(n / 3), n - 2);
  if (maxPeriod < 2) return [];
  const minStrength = options.minStrength ?? 0.2;
  const minGain = options.minGain ?? 0.05;
  // First differences: a level shift (a quieter weekend) or a trend would tilt the autocorrelation
  // and move its peaks off the true period; differencing keeps the cycles and drops those.
  const differences = values.slice(1).map((v, t) => v - values[t]);
  const r = autocorrelation(differences, maxPeriod + 1);
  const at = (lag: number) => (lag >= 1 && lag <= r.length ? r[lag - 1] : 0);
  const found: number[] = [];
  let sumSquares = 0;
  for (let lag = 2; lag <= maxPeriod; lag++) {
    sumSquares += at(lag - 1) * at(lag - 1);
    const value = at(lag);
    // Bartlett's 95% bound for the autocorrelation at this lag.
    const bound = (1.96 / Math.sqrt(n)) * Math.sqrt(1 + 2 * sumSquares);
    const peak = value > at(lag - 1) && value >= at(lag + 1);
    if (!peak || value < minStrength || value < bound) continue;
    const base = found.find((p) => lag % p === 0 || isNear(lag, p));
    if (base === undefined) {
      found.push(lag);
      continue;
    }
    if (lag % base !== 0) continue;
    // A multiple earns its place only if it is more alike than the multiples beside it.
    const neighbours = (at(lag - base) + at(lag + base)) / 2;
    if (value - neighbours < minGain || found.some((p) => p !== base && lag % p === 0)) continue;
    // ... and only the most alike of all multiples (the week, not 3 or 4 days of a 5 + 2 week).
    let best = true;
    for (let k = 2 * base; k <= maxPeriod; k += base) if (k !== lag && at(k) > value) best = false;
    if (best) found.push(lag);
  }
  return found;
}

/** Lags within one point of a multiple of p (noise moves a peak by one). */
function isNear(lag: number, p: number): boolean {
  const k = Math.round(lag / p);
  return k >= 1 && Math.abs(lag - k * p) <= 1;
}
