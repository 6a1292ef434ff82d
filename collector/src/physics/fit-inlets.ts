import { choleskyFactor, choleskySolve, fitStatistics } from './linear-solve';
import { PRIOR_INLET_TAU_SECONDS } from './priors';
import type { FitQuality } from './types';

/**
 * Inlet models of the servers of one room: x = lag_τ(S + Σ_j D_j P_j + b), fitted as an output
 * error model (the lag is simulated, so sensor noise on x does not bias τ as a one-step
 * regression would). For each τ on a log grid the lagged inputs are regressors and the fit is a
 * ridge regression toward the prior row (a prior spread of 0.6 K/kW per coefficient against the
 * residual noise σ; intercept and initial transient free); the Gram matrix is shared by the
 * room's servers. σ is found in two passes: a first grid with σ = 0.3 K, then the median of the
 * servers' residual rmse (within 0.02..1 K) for the grid that counts. The best grid τ is refined by a parabola in log τ. τ counts as fitted when the
 * residual varies over the grid (min below 0.8 × max); otherwise the prior τ is used.
 */
export interface InletSeries {
  /** Observed inlet per grid time, NaN where missing. */
  inletCelsius: Float64Array;
  /** Prior row, K per W, aligned with the room's racks. */
  prior: Float64Array;
}

export interface InletFit {
  tauSeconds: number;
  /** K per W, aligned with the room's racks (never negative). */
  recirculation: Float64Array;
  offsetCelsius: number;
  fit: FitQuality;
}

const FIRST_PASS_NOISE_KELVIN = 0.3;
const PRIOR_SPREAD_KELVIN_PER_KILOWATT = 0.6;
const FREE = 1e-6;
const GRID_POINTS = 24;
/** The intercept is anchored on the mean residual of this many latest samples. */
const ANCHOR_SAMPLES = 30;

interface Design {
  /** Feature-major: features[f][k]; f = 0 intercept, 1 initial transient, 2.. lagged rack kW. */
  features: Float64Array[];
  laggedSupply: Float64Array;
}

function lagged(times: readonly number[], input: ArrayLike<number>, tau: number): Float64Array {
  const out = new Float64Array(times.length);
  out[0] = input[0];
  for (let k = 1; k < times.length; k++) {
    const a = Math.exp(-(times[k] - times[k - 1]) / tau);
    out[k] = a * out[k - 1] + (1 - a) * input[k - 1];
  }
  return out;
}

function design(times: readonly number[], supply: Float64Array, rackKilowatts: Float64Array[], tau: number): Design {
  const ones = new Float64Array(times.length).fill(1);
  const transient = Float64Array.from(times, (t) => Math.exp(-(t - times[0]) / tau));
  return { features: [ones, transient, ...rackKilowatts.map((p) => lagged(times, p, tau))], laggedSupply: lagged(times, supply, tau) };
}

function gram(d: Design, valid: Uint8Array | undefined, lambda: Float64Array): Float64Array | undefined {
  const p = d.features.length;
  const g = new Float64Array(p * p);
  const n = d.features[0].length;
  for (let i = 0; i < p; i++) {
    const fi = d.features[i];
    for (let j = 0; j <= i; j++) {
      const fj = d.features[j];
      let s = 0;
      for (let k = 0; k < n; k++) if (!valid || valid[k]) s += fi[k] * fj[k];
      g[i * p + j] = s;
      g[j * p + i] = s;
    }
    g[i * p + i] += lambda[i];
  }
  return choleskyFactor(g, p);
}

interface Evaluation {
  score: number;
  theta: Float64Array;
}

function evaluate(d: Design, factor: Float64Array, host: InletSeries, mu: Float64Array, lambda: Float64Array): Evaluation {
  const p = d.features.length;
  const x = host.inletCelsius;
  const rhs = new Float64Array(p);
  for (let f = 0; f < p; f++) {
    const feature = d.features[f];
    let s = 0;
    for (let k = 0; k < x.length; k++) if (x[k] === x[k]) s += feature[k] * (x[k] - d.laggedSupply[k]);
    rhs[f] = s + lambda[f] * mu[f];
  }
  const theta = choleskySolve(factor, p, rhs);
  let score = 0;
  for (let f = 0; f < p; f++) score += lambda[f] * (theta[f] - mu[f]) ** 2;
  for (let k = 0; k < x.length; k++) {
    if (x[k] !== x[k]) continue;
    let predicted = d.laggedSupply[k];
    for (let f = 0; f < p; f++) predicted += theta[f] * d.features[f][k];
    score += (x[k] - predicted) ** 2;
  }
  return { score, theta };
}

export function fitRoomInlets(times: readonly number[], supply: Float64Array, rackWatts: Float64Array[], hosts: readonly InletSeries[]): InletFit[] {
  const n = times.length;
  const racks = rackWatts.length;
  const rackKilowatts = rackWatts.map((p) => p.map((w) => w / 1000));
  const lambdaFor = (noise: number) => Float64Array.from({ length: racks + 2 }, (_, f) => (f < 2 ? FREE : (noise / PRIOR_SPREAD_KELVIN_PER_KILOWATT) ** 2));
  let lambda = lambdaFor(FIRST_PASS_NOISE_KELVIN);
  const mus = hosts.map((h) => Float64Array.from({ length: racks + 2 }, (_, f) => (f < 2 ? 0 : h.prior[f - 2] * 1000)));
  const complete = hosts.map((h) => h.inletCelsius.every((v) => v === v));
  const masks = hosts.map((h) => Uint8Array.from(h.inletCelsius, (v) => (v === v ? 1 : 0)));
  const samples = masks.map((m) => m.reduce((s, v) => s + v, 0));
  const span = n > 1 ? times[n - 1] - times[0] : 0;
  const step = n > 1 ? span / (n - 1) : 1;
  const low = Math.max(1, step / 2);
  const high = Math.max(low * 2, Math.min(7200, 2 * span));
  const grid = Array.from({ length: GRID_POINTS }, (_, i) => low * (high / low) ** (i / (GRID_POINTS - 1)));

  const evaluateAt = (tau: number, only?: number): (Evaluation | undefined)[] => {
    const d = design(times, supply, rackKilowatts, tau);
    const shared = gram(d, undefined, lambda);
    return hosts.map((h, i) => {
      if (only !== undefined && i !== only) return undefined;
      const factor = complete[i] ? shared : gram(d, masks[i], lambda);
      return factor && evaluate(d, factor, h, mus[i], lambda);
    });
  };
  const scoreGrid = () => {
    const scores = hosts.map(() => new Float64Array(GRID_POINTS).fill(Infinity));
    if (n >= 3) grid.forEach((tau, g) => evaluateAt(tau).forEach((e, i) => (scores[i][g] = e ? e.score : Infinity)));
    return scores;
  };
  let scores = scoreGrid();
  const rmses = scores.map((s, i) => Math.sqrt(Math.min(...s) / Math.max(1, samples[i]))).filter(Number.isFinite).sort((a, b) => a - b);
  if (rmses.length > 0) {
    lambda = lambdaFor(Math.min(1, Math.max(0.02, rmses[rmses.length >> 1])));
    scores = scoreGrid();
  }

  return hosts.map((host, i) => {
    const s = scores[i];
    let best = 0;
    for (let g = 1; g < GRID_POINTS; g++) if (s[g] < s[best]) best = g;
    const finite = [...s].filter(Number.isFinite);
    const fitted = samples[i] >= 20 && finite.length === GRID_POINTS && s[best] < 0.8 * Math.max(...finite);
    const tau = fitted ? refine(grid, s, best) : PRIOR_INLET_TAU_SECONDS;
    const final = n >= 3 ? evaluateAt(tau, i)[i] : undefined;
    if (!final) {
      return { tauSeconds: tau, recirculation: Float64Array.from(host.prior), offsetCelsius: 0, fit: { samples: samples[i], r2: null, rmse: null, source: 'prior' } };
    }
    return summarise(times, supply, rackKilowatts, host, final.theta, tau, samples[i], fitted);
  });
}

/** The vertex of the parabola through the best grid point and its neighbours, in log τ. */
function refine(grid: number[], s: Float64Array, best: number): number {
  if (best === 0 || best === grid.length - 1) return grid[best];
  const [y0, y1, y2] = [s[best - 1], s[best], s[best + 1]];
  const denominator = y0 - 2 * y1 + y2;
  if (!(denominator > 0)) return grid[best];
  const shift = (0.5 * (y0 - y2)) / denominator;
  const h = Math.log(grid[best + 1] / grid[best]);
  return grid[best] * Math.exp(Math.max(-1, Math.min(1, shift)) * h);
}

function summarise(times: readonly number[], supply: Float64Array, rackKilowatts: Float64Array[], host: InletSeries, theta: Float64Array, tau: number, count: number, fitted: boolean): InletFit {
  const d = design(times, supply, rackKilowatts, tau);
  const observed: number[] = [];
  const predicted: number[] = [];
  const x = host.inletCelsius;
  for (let k = 0; k < x.length; k++) {
    if (x[k] !== x[k]) continue;
    let value = d.laggedSupply[k];
    for (let f = 0; f < theta.length; f++) value += theta[f] * d.features[f][k];
    observed.push(x[k]);
    predicted.push(value);
  }
  const recent = observed.slice(-ANCHOR_SAMPLES).map((v, i, all) => v - predicted[predicted.length - all.length + i]);
  const anchor = recent.length > 0 ? recent.reduce((a, b) => a + b, 0) / recent.length : 0;
  return {
    tauSeconds: tau,
    recirculation: Float64Array.from(theta.subarray(2), (k) => Math.max(0, k) / 1000),
    offsetCelsius: theta[0] + anchor,
    fit: { samples: count, ...fitStatistics(observed, predicted), source: fitted ? 'fitted' : 'prior' },
  };
}
