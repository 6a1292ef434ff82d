/**
 * Fits Holt–Winters parameters by minimising the in-sample sum of squared one-step errors with
 * Nelder–Mead, over unbounded coordinates mapped into the usual admissible region
 * (0 < α < 1, 0 < β < α, 0 < γ < 1 − α, 0.8 ≤ φ ≤ 0.98).
 */
import type { HoltWintersParams, HoltWintersSpec, HoltWintersState } from './holt-winters';
import { cloneState, holtWintersName, initialState, predict, step } from './holt-winters';
import { minimize } from './nelder-mead';
import type { FittedModel } from './types';

export interface HoltWintersFit {
  spec: HoltWintersSpec;
  params: HoltWintersParams;
  /** State after the last point. */
  state: HoltWintersState;
  residuals: number[];
  sse: number;
}

const logistic = (x: number) => 1 / (1 + Math.exp(-x));
const logit = (p: number) => Math.log(p / (1 - p));

function toParams(x: readonly number[]): HoltWintersParams {
  const alpha = logistic(x[0]);
  // The damping range 0.8–0.98 follows Hyndman & Athanasopoulos (FPP3, 8.2): below 0.8 damping is too strong to matter, above 0.98 it is a plain trend.
  return { alpha, beta: alpha * logistic(x[1]), gamma: (1 - alpha) * logistic(x[2]), phi: 0.8 + 0.18 * logistic(x[3]) };
}

/** Sum of squared one-step errors of the spec with the given parameters over the whole history. */
export function holtWintersSse(values: readonly number[], spec: HoltWintersSpec, params: HoltWintersParams, start: HoltWintersState): number {
  const state = cloneState(start);
  let sse = 0;
  for (let t = 0; t < values.length; t++) {
    const e = step(state, spec, params, values[t]);
    sse += e * e;
    if (!Number.isFinite(sse)) return Infinity;
  }
  return sse;
}

/** Fits the spec to the history; undefined when the history is too short or (multiplicative) not positive. */
export function fitHoltWinters(values: readonly number[], spec: HoltWintersSpec, maxEvaluations = 300): HoltWintersFit | undefined {
  const m = spec.season === 'none' ? 1 : spec.period;
  if (values.length < Math.max(4, 2 * m + 2)) return undefined;
  if (spec.season === 'multiplicative' && values.some((v) => !(v > 0))) return undefined;
  const start = initialState(values, spec);
  const x0 = [logit(0.2), logit(0.2), logit(0.1), 0];
  // Coordinates the spec uses (0 α, 1 β, 2 γ, 3 φ); the others stay at their starting values.
  const used = [0];
  if (spec.trend !== 'none') used.push(1);
  if (spec.season !== 'none') used.push(2);
  if (spec.trend === 'damped') used.push(3);
  const expand = (x: number[]): number[] => {
    const full = x0.slice();
    used.forEach((coordinate, i) => (full[coordinate] = x[i]));
    return full;
  };
  const initial = used.map((coordinate) => x0[coordinate]);
  const result = minimize((x) => holtWintersSse(values, spec, toParams(expand(x)), start), initial, {
    maxEvaluations,
    step: 1,
    tolerance: 1e-6,
  });
  const params = toParams(expand(result.point));
  const state = cloneState(start);
  const residuals = values.map((v) => step(state, spec, params, v));
  return { spec, params, state, residuals, sse: result.value };
}

/** The fit as a model of the common interface. */
export function holtWintersModel(fit: HoltWintersFit): FittedModel {
  return {
    name: holtWintersName(fit.spec),
    predict: (h) => predict(fit.state, fit.spec, fit.params, h),
    residuals: fit.residuals,
    update: (value) => void step(fit.state, fit.spec, fit.params, value),
  };
}
