import { COP_MAX, COP_MIN } from './crac-output';
import { fitStatistics, ridgeFit } from './linear-solve';
import { PRIOR_COP_AT_SETPOINT, PRIOR_COP_PER_KELVIN, PRIOR_CRAC_FAN_SHARE } from './priors';
import type { FitQuality } from './types';

/**
 * A CRAC's electrical power against the heat it removes: W = F·r³ + Q / COP(S), with
 * COP(S) = c0·(1 + κ (S − S_ref)). For each κ on a grid the model is linear in F and 1/c0 (a
 * ridge fit toward the priors: F 5 % of capacity ± 100 %, COP 3 ± 1, κ·c0 0.1 ± 0.1 per K); the
 * κ with the smallest penalised residual wins. Q comes from the room balance (no return sensor).
 */
export interface CracPowerSample {
  fanSpeedRatio: number;
  loadWatts: number;
  supplyCelsius: number;
  powerWatts: number;
}

export interface CracPowerFit {
  fanPowerWatts: number;
  copAtSetpoint: number;
  copPerKelvin: number;
  fit: FitQuality;
}

const KAPPA_GRID = Array.from({ length: 61 }, (_, i) => -0.05 + i * 0.005);

export function fitCracPower(samples: readonly CracPowerSample[], capacityWatts: number, referenceCelsius: number): CracPowerFit {
  const n = samples.length;
  const fan0 = PRIOR_CRAC_FAN_SHARE * capacityWatts;
  const prior: CracPowerFit = { fanPowerWatts: fan0, copAtSetpoint: PRIOR_COP_AT_SETPOINT, copPerKelvin: PRIOR_COP_PER_KELVIN, fit: { samples: n, r2: null, rmse: null, source: 'prior' } };
  if (n < 3) return prior;
  const power = samples.map((s) => s.powerWatts);
  const noise = Math.max(2, (0.01 * power.reduce((a, b) => a + b, 0)) / n);
  const w0 = 1 / PRIOR_COP_AT_SETPOINT;
  const kappa0 = PRIOR_COP_PER_KELVIN / PRIOR_COP_AT_SETPOINT;
  const sdW = w0 / 3;
  const sdKappa = kappa0;
  const lambda = [(noise / fan0) ** 2, (noise / sdW) ** 2];
  let best: { score: number; kappa: number; theta: Float64Array } | undefined;
  for (const kappa of KAPPA_GRID) {
    const rows = samples.map((s) => [s.fanSpeedRatio ** 3, s.loadWatts / Math.max(0.2, 1 + kappa * (s.supplyCelsius - referenceCelsius))]);
    const theta = ridgeFit(rows, power, lambda, [fan0, w0]);
    if (!theta) continue;
    let score = lambda[0] * (theta[0] - fan0) ** 2 + lambda[1] * (theta[1] - w0) ** 2 + (noise / sdKappa) ** 2 * (kappa - kappa0) ** 2;
    rows.forEach((row, i) => (score += (power[i] - theta[0] * row[0] - theta[1] * row[1]) ** 2));
    if (!best || score < best.score) best = { score, kappa, theta };
  }
  if (!best || !(best.theta[1] > 0)) return prior;
  const { kappa, theta } = best;
  const copAtSetpoint = Math.min(COP_MAX, Math.max(COP_MIN, 1 / theta[1]));
  const predicted = samples.map((s) => theta[0] * s.fanSpeedRatio ** 3 + s.loadWatts / (copAtSetpoint * Math.max(0.2, 1 + kappa * (s.supplyCelsius - referenceCelsius))));
  const loads = samples.map((s) => s.loadWatts);
  const meanLoad = loads.reduce((a, b) => a + b, 0) / n;
  const informative = loads.reduce((a, q) => a + (q - meanLoad) ** 2, 0) / noise ** 2 >= 1 / sdW ** 2;
  return {
    fanPowerWatts: Math.max(0, theta[0]),
    copAtSetpoint,
    copPerKelvin: kappa * copAtSetpoint,
    fit: { samples: n, ...fitStatistics(power, predicted), source: informative ? 'fitted' : 'prior' },
  };
}
