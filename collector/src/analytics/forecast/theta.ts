/**
 * The Theta method (Assimakopoulos & Nikolopoulos, 2000) in Hyndman & Billah's form (2003):
 * simple exponential smoothing plus half the slope of the linear trend as drift, on the series
 * deseasonalised by classical multiplicative decomposition when it is seasonal (as the M4
 * benchmark applies it).
 */
import { isSeasonal } from './autocorrelation';
import { seasonalAt, seasonalFigure } from './decomposition';
import { minimize } from './nelder-mead';
import type { FittedModel } from './types';

/** Simple exponential smoothing with α fitted by one-step squared error; returns the final level, α and residuals. */
export function fitSes(values: readonly number[]): { level: number; alpha: number; residuals: number[] } {
  const run = (alpha: number, residuals?: number[]) => {
    let level = values[0];
    let sse = 0;
    for (let t = 1; t < values.length; t++) {
      const e = values[t] - level;
      residuals?.push(e);
      sse += e * e;
      level += alpha * e;
    }
    return { level, sse };
  };
  const toAlpha = (x: number) => 0.0001 + 0.9998 / (1 + Math.exp(-x));
  const best = minimize((x) => run(toAlpha(x[0])).sse, [0], { step: 1, maxEvaluations: 80, tolerance: 1e-7 });
  const alpha = toAlpha(best.point[0]);
  const residuals: number[] = [];
  const { level } = run(alpha, residuals);
  return { level, alpha, residuals };
}

/** Least-squares slope of the values against their index. */
export function linearSlope(values: readonly number[]): number {
  const n = values.length;
  const meanT = (n - 1) / 2;
  let meanY = 0;
  for (const v of values) meanY += v;
  meanY /= n;
  let sxy = 0;
  let sxx = 0;
  for (let t = 0; t < n; t++) {
    sxy += (t - meanT) * (values[t] - meanY);
    sxx += (t - meanT) * (t - meanT);
  }
  return sxx === 0 ? 0 : sxy / sxx;
}

/** Theta with the given seasonal period (deseasonalising only if the M4 test says seasonal and the data are positive). */
export function fitTheta(values: readonly number[], period: number | undefined): FittedModel | undefined {
  const n = values.length;
  if (n < 3) return undefined;
  const seasonal = period !== undefined && values.every((v) => v > 0) && isSeasonal(values, period);
  const figure = seasonal ? seasonalFigure(values, period, 'multiplicative') : [1];
  const adjusted = values.map((v, t) => v / seasonalAt(figure, t));
  const ses = fitSes(adjusted);
  const drift = linearSlope(adjusted) / 2;
  const a = ses.alpha;
  const decay = Math.pow(1 - a, n);
  return {
    name: seasonal ? `theta/${period}` : 'theta',
    predict: (h) =>
      Array.from({ length: h }, (_, i) => (ses.level + drift * (i + (1 - decay) / a)) * seasonalAt(figure, n + i)),
    residuals: ses.residuals.map((e, i) => e * seasonalAt(figure, i + 1)),
  };
}
