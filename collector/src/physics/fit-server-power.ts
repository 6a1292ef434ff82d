import { ridgeFit, fitStatistics } from './linear-solve';
import type { FitQuality } from './types';

/**
 * Server power P = idle + (peak − idle)·u by least squares on (u, P) pairs, shrunk toward the
 * nameplate: a Gaussian prior on idle and on the slope (peak − idle), each with a standard
 * deviation of 25 % of its nameplate value, against a meter noise of max(2 W, 1 % of the mean
 * power). So the data win when u moved (the slope's information Σ(u − ū)²/σ² beats the prior's
 * 1/σ_slope²) and the nameplate wins when u barely moved; `source` says which was stronger.
 */
export interface ServerPowerFit {
  idleWatts: number;
  peakWatts: number;
  fit: FitQuality;
}

export const PRIOR_RELATIVE_SPREAD = 0.25;

export function fitServerPower(utilization: readonly number[], powerWatts: readonly number[], nameplate: { idleWatts: number; peakWatts: number }): ServerPowerFit {
  const n = utilization.length;
  const prior = { idleWatts: nameplate.idleWatts, peakWatts: nameplate.peakWatts, fit: { samples: n, r2: null, rmse: null, source: 'prior' as const } };
  if (n < 3) return prior;
  const mean = powerWatts.reduce((s, v) => s + v, 0) / n;
  const meanU = utilization.reduce((s, v) => s + v, 0) / n;
  const noise = Math.max(2, 0.01 * mean);
  const slope0 = nameplate.peakWatts - nameplate.idleWatts;
  const sdIdle = Math.max(1, PRIOR_RELATIVE_SPREAD * nameplate.idleWatts);
  const sdSlope = Math.max(1, PRIOR_RELATIVE_SPREAD * Math.abs(slope0));
  const rows = utilization.map((u) => [1, u]);
  const theta = ridgeFit(rows, powerWatts, [(noise / sdIdle) ** 2, (noise / sdSlope) ** 2], [nameplate.idleWatts, slope0]);
  if (!theta) return prior;
  const spreadU = utilization.reduce((s, u) => s + (u - meanU) ** 2, 0);
  const informative = spreadU / noise ** 2 >= 1 / sdSlope ** 2;
  const stats = fitStatistics(powerWatts, utilization.map((u) => theta[0] + theta[1] * u));
  return { idleWatts: theta[0], peakWatts: theta[0] + theta[1], fit: { samples: n, ...stats, source: informative ? 'fitted' : 'prior' } };
}
