import type { SignalPoint } from '../../model';
import type { FitQuality } from './service-types';

/**
 * Busy cores of a host against the request rate its instances serve: busy = base + k·rate, by
 * least squares on the points where both were seen. k is the CPU cost of a request
 * (core-seconds, on the twin's rate scale), base what runs beside the instances (OS, batch).
 * The fit is kept only when it explains the data (R² ≥ MIN_R2 over ≥ MIN_SAMPLES points, k > 0,
 * base not clearly negative); otherwise the prior holds: base 0 and k = mean busy ÷ mean rate,
 * i.e. everything the host does is charged to its instances.
 */
export interface CpuFit {
  coreSecondsPerRequest: number;
  baseBusyCores: number;
  fit: FitQuality;
}

export const MIN_SAMPLES = 10;
export const MIN_R2 = 0.5;

export function fitCpuCost(busy: readonly SignalPoint[], rate: readonly SignalPoint[]): CpuFit {
  const rateAt = new Map(rate.map((p) => [p.t, p.v]));
  const xs: number[] = [];
  const ys: number[] = [];
  for (const p of busy) {
    const x = rateAt.get(p.t);
    if (x !== undefined) {
      xs.push(x);
      ys.push(p.v);
    }
  }
  const n = xs.length;
  const meanOf = (values: readonly number[], fallback: readonly SignalPoint[]) =>
    values.length > 0 ? values.reduce((s, v) => s + v, 0) / values.length : fallback.reduce((s, p) => s + p.v, 0) / Math.max(1, fallback.length);
  const meanX = meanOf(xs, rate);
  const meanY = meanOf(ys, busy);
  const prior: CpuFit = {
    coreSecondsPerRequest: meanX > 0 ? meanY / meanX : 0,
    baseBusyCores: meanX > 0 ? 0 : meanY,
    fit: { samples: n, r2: null, rmse: null, source: 'prior' },
  };
  if (n < MIN_SAMPLES) return prior;
  let sxx = 0;
  let sxy = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    sxx += (xs[i] - meanX) ** 2;
    sxy += (xs[i] - meanX) * (ys[i] - meanY);
    syy += (ys[i] - meanY) ** 2;
  }
  if (!(sxx > 0) || !(syy > 0)) return prior;
  const k = sxy / sxx;
  const base = meanY - k * meanX;
  let sse = 0;
  for (let i = 0; i < n; i++) sse += (ys[i] - base - k * xs[i]) ** 2;
  const r2 = 1 - sse / syy;
  const rmse = Math.sqrt(sse / n);
  if (!(k > 0) || r2 < MIN_R2 || base < -0.05 * meanY) return { ...prior, fit: { samples: n, r2, rmse, source: 'prior' } };
  return { coreSecondsPerRequest: k, baseBusyCores: Math.max(0, base), fit: { samples: n, r2, rmse, source: 'fitted' } };
}
