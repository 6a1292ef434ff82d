/**
 * A linear autoregression fitted by ridge-regularised least squares on chosen lags, forecast
 * recursively: cheap (one small linear solve per fit) and good at the smooth, strongly
 * periodic dynamics that seasonal naive copies with a lag. The series is divided by the mean of
 * its last `maxLag` absolute values so the small ridge penalty means the same at every scale.
 */
import type { FittedModel } from './types';

export interface AutoregressionSpec {
  /** Lags in points, e.g. 1..24 plus 168. */
  lags: number[];
  /**
   * Ridge penalty on the coefficients, relative to the number of rows. Default 1e-9: plain least
   * squares that only guards against singular systems (on M4 Hourly 1e-3 already shrank smooth
   * series' forecasts towards 0 and doubled MASE).
   */
  ridge?: number;
  /** Fit on at most this many of the latest points (older behaviour matters less). */
  window?: number;
}

/** Solves the symmetric positive-definite system A x = b by Cholesky (A is overwritten). */
export function solveSpd(a: Float64Array[], b: Float64Array): Float64Array | undefined {
  const n = b.length;
  for (let j = 0; j < n; j++) {
    let d = a[j][j];
    for (let k = 0; k < j; k++) d -= a[j][k] * a[j][k];
    if (!(d > 0)) return undefined;
    const l = Math.sqrt(d);
    a[j][j] = l;
    for (let i = j + 1; i < n; i++) {
      let s = a[i][j];
      for (let k = 0; k < j; k++) s -= a[i][k] * a[j][k];
      a[i][j] = s / l;
    }
  }
  const x = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let s = b[i];
    for (let k = 0; k < i; k++) s -= a[i][k] * x[k];
    x[i] = s / a[i][i];
  }
  for (let i = n - 1; i >= 0; i--) {
    let s = x[i];
    for (let k = i + 1; k < n; k++) s -= a[k][i] * x[k];
    x[i] = s / a[i][i];
  }
  return x;
}

/** Fits the autoregression; undefined when the history leaves fewer than three rows per coefficient or the system is singular. */
export function fitAutoregression(values: readonly number[], spec: AutoregressionSpec): FittedModel | undefined {
  const maxLag = Math.max(...spec.lags);
  const window = Math.min(values.length, spec.window ?? values.length);
  const start = values.length - window;
  // At least three rows per coefficient, so the fit is not merely interpolating.
  if (window - maxLag < 3 * (spec.lags.length + 1)) return undefined;
  let scale = 0;
  const recent = Math.min(window, maxLag);
  for (let t = values.length - recent; t < values.length; t++) scale += Math.abs(values[t]);
  scale = scale / recent || 1;
  const y = values.slice(start).map((v) => v / scale);
  const p = spec.lags.length + 1;
  const xtx = Array.from({ length: p }, () => new Float64Array(p));
  const xty = new Float64Array(p);
  const row = new Float64Array(p);
  for (let t = maxLag; t < y.length; t++) {
    row[0] = 1;
    for (let j = 0; j < spec.lags.length; j++) row[j + 1] = y[t - spec.lags[j]];
    for (let i = 0; i < p; i++) {
      xty[i] += row[i] * y[t];
      for (let j = 0; j <= i; j++) xtx[i][j] += row[i] * row[j];
    }
  }
  const rows = y.length - maxLag;
  const ridge = (spec.ridge ?? 1e-9) * rows;
  for (let i = 0; i < p; i++) {
    for (let j = 0; j < i; j++) xtx[j][i] = xtx[i][j];
    if (i > 0) xtx[i][i] += ridge;
  }
  const coef = solveSpd(xtx, xty);
  if (!coef) return undefined;
  const next = (series: ArrayLike<number>, t: number) => {
    let f = coef[0];
    for (let j = 0; j < spec.lags.length; j++) f += coef[j + 1] * series[t - spec.lags[j]];
    return f;
  };
  const residuals: number[] = [];
  for (let t = maxLag; t < y.length; t++) residuals.push((y[t] - next(y, t)) * scale);
  // Only the last maxLag points matter for forecasting; updates append to this tail.
  let tail = y.slice(y.length - maxLag);
  return {
    name: `ar/${maxLag}`,
    predict: (h) => {
      const path = tail.slice();
      const known = path.length;
      for (let i = 0; i < h; i++) path.push(next(path, path.length));
      return path.slice(known).map((v) => v * scale);
    },
    residuals,
    update: (value) => {
      tail.push(value / scale);
      // Trim in batches so an update stays O(1) amortised.
      if (tail.length > 4 * maxLag) tail = tail.slice(tail.length - maxLag);
    },
  };
}

/** The autoregression on log values (for positive series, where changes are proportional); undefined otherwise. */
export function fitLogAutoregression(values: readonly number[], spec: AutoregressionSpec): FittedModel | undefined {
  if (values.some((v) => !(v > 0))) return undefined;
  const fit = fitAutoregression(values.map(Math.log), spec);
  if (!fit) return undefined;
  const fitted = values.slice(values.length - fit.residuals.length);
  // A non-positive update has no logarithm; it is clamped to half the smallest fitted value until the next refit.
  const floor = Math.min(...fitted) / 2;
  return {
    name: `ar-log/${Math.max(...spec.lags)}`,
    predict: (h) => fit.predict(h).map(Math.exp),
    // Back on the original scale: actual − exp(log forecast).
    residuals: fit.residuals.map((e, i) => fitted[i] - fitted[i] / Math.exp(e)),
    update: (value) => fit.update?.(Math.log(Math.max(value, floor))),
  };
}
