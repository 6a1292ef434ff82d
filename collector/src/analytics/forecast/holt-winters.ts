/**
 * Exponential smoothing (Holt–Winters) in error-correction form: level, optional additive or
 * damped trend, optional additive or multiplicative season. One step costs O(1); the state can be
 * fed new points with fixed parameters (the incremental form uses this).
 */

export type TrendKind = 'none' | 'additive' | 'damped';
export type SeasonKind = 'none' | 'additive' | 'multiplicative';

export interface HoltWintersSpec {
  trend: TrendKind;
  season: SeasonKind;
  /** Season length in points (ignored when season is 'none'). */
  period: number;
}

export interface HoltWintersParams {
  alpha: number;
  beta: number;
  gamma: number;
  phi: number;
}

export interface HoltWintersState {
  level: number;
  trend: number;
  /** Seasonal indices by absolute position mod period. */
  season: Float64Array;
  /** Points consumed so far (the absolute index of the next point). */
  t: number;
}

/** Short model name, e.g. `hw-damped-mul/24`. */
export function holtWintersName(spec: HoltWintersSpec): string {
  const trend = spec.trend === 'none' ? 'N' : spec.trend === 'additive' ? 'A' : 'Ad';
  const season = spec.season === 'none' ? 'N' : spec.season === 'additive' ? 'A' : 'M';
  return spec.season === 'none' ? `ets-${trend}${season}` : `ets-${trend}${season}/${spec.period}`;
}

/** Initial state from the first two cycles (level: first cycle's mean; trend: change of the cycle means per point). */
export function initialState(values: readonly number[], spec: HoltWintersSpec): HoltWintersState {
  const m = spec.season === 'none' ? 1 : spec.period;
  const cycle = Math.max(1, Math.min(m, Math.floor(values.length / 2)));
  const mean = (from: number) => {
    let s = 0;
    for (let i = from; i < from + cycle; i++) s += values[i];
    return s / cycle;
  };
  const level = mean(0);
  const trend = spec.trend === 'none' || values.length < 2 * cycle ? 0 : (mean(cycle) - level) / cycle;
  const season = new Float64Array(m).fill(spec.season === 'multiplicative' ? 1 : 0);
  if (spec.season !== 'none') {
    for (let i = 0; i < m; i++) {
      // The first cycle's values against a level that moves with the initial trend.
      const base = level + (i - (m - 1) / 2) * trend;
      season[i] = spec.season === 'multiplicative' ? values[i] / base : values[i] - base;
    }
  }
  // The state is taken to sit just before point 0, so the first cycle is fitted again by the filter.
  return { level: level - ((m - 1) / 2 + 1) * trend, trend, season, t: 0 };
}

/** One-step forecast of the next point from the state. */
export function oneStep(state: HoltWintersState, spec: HoltWintersSpec, params: HoltWintersParams): number {
  const damped = spec.trend === 'none' ? 0 : spec.trend === 'damped' ? params.phi * state.trend : state.trend;
  const base = state.level + damped;
  if (spec.season === 'none') return base;
  const s = state.season[state.t % state.season.length];
  return spec.season === 'multiplicative' ? base * s : base + s;
}

/** Feeds one point; returns the one-step error (actual − forecast made before seeing it). */
export function step(state: HoltWintersState, spec: HoltWintersSpec, params: HoltWintersParams, y: number): number {
  const phiTrend = spec.trend === 'none' ? 0 : spec.trend === 'damped' ? params.phi * state.trend : state.trend;
  const base = state.level + phiTrend;
  const slot = state.t % state.season.length;
  const s = state.season[slot];
  let forecast = base;
  if (spec.season === 'multiplicative') forecast = base * s;
  else if (spec.season === 'additive') forecast = base + s;
  const error = y - forecast;
  // Errors are rescaled so that each component moves in its own units (Hyndman et al., 2008, table 2.3).
  const levelError = spec.season === 'multiplicative' ? error / s : error;
  state.level = base + params.alpha * levelError;
  if (spec.trend !== 'none') state.trend = phiTrend + params.beta * levelError;
  if (spec.season === 'multiplicative') state.season[slot] = s + (params.gamma * error) / base;
  else if (spec.season === 'additive') state.season[slot] = s + params.gamma * error;
  state.t++;
  return error;
}

/** Point forecasts for steps 1..horizon from the state. */
export function predict(state: HoltWintersState, spec: HoltWintersSpec, params: HoltWintersParams, horizon: number): number[] {
  const out = new Array<number>(horizon);
  let trendSum = 0;
  let phiPower = 1;
  for (let h = 1; h <= horizon; h++) {
    if (spec.trend === 'damped') {
      phiPower *= params.phi;
      trendSum += phiPower;
    } else if (spec.trend === 'additive') {
      trendSum = h;
    }
    const base = state.level + trendSum * state.trend;
    const slot = (state.t + h - 1) % state.season.length;
    out[h - 1] =
      spec.season === 'multiplicative' ? base * state.season[slot] : spec.season === 'additive' ? base + state.season[slot] : base;
  }
  return out;
}

/** A copy of the state that can be stepped without touching the original. */
export function cloneState(state: HoltWintersState): HoltWintersState {
  return { level: state.level, trend: state.trend, season: state.season.slice(), t: state.t };
}
