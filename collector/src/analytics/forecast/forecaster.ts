/**
 * A fitted forecaster: one family or the median of the combination's members, with the
 * one-step residual quantile its intervals come from. Fitting and predicting are separate so the
 * incremental form can feed points to the members between refits.
 */
import { detectSeasonalPeriods } from './seasonality';
import { intervalBounds, quantile } from './intervals';
import { combinationMembers, modelFamily } from './model-families';
import type { FittedModel, Forecast } from './types';

export interface FitOptions {
  seasonalPeriods?: number[];
  level?: number;
  model?: string;
}

export interface Forecaster {
  members: FittedModel[];
  /** Seasonal periods used, ascending. */
  periods: number[];
  level: number;
  /** The `level` quantile of absolute one-step residuals: the interval's half-width at step 1. */
  oneStepHalfWidth: number;
  name: string;
}

/** Median of a few numbers (mean of the middle two for an even count). */
export function median(values: readonly number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const k = s.length;
  return k % 2 === 1 ? s[(k - 1) / 2] : (s[k / 2 - 1] + s[k / 2]) / 2;
}

/** Fits the forecaster to the history (throws on an unknown family or one that does not suit the series). */
export function fitForecaster(values: readonly number[], options: FitOptions = {}): Forecaster {
  const level = options.level ?? 0.9;
  // A period needs two full cycles in the history before any model can learn it.
  const periods = (options.seasonalPeriods ?? detectSeasonalPeriods(values))
    .filter((p) => Number.isInteger(p) && p >= 2 && values.length >= 2 * p)
    .sort((a, b) => a - b);
  let members: FittedModel[];
  if (options.model !== undefined) {
    const family = modelFamily(options.model);
    if (!family) throw new Error(`forecast: unknown model "${options.model}"`);
    const fit = family.fit(values, periods);
    if (!fit) throw new Error(`forecast: model "${options.model}" does not suit this series (length ${values.length}, periods [${periods.join(', ')}])`);
    members = [fit];
  } else {
    members = combinationMembers(values, periods);
  }
  // actual − median(forecasts) = median(actual − forecast): the combination's residuals, aligned at the end.
  const length = Math.min(...members.map((m) => m.residuals.length));
  const residuals = Array.from({ length }, (_, i) =>
    median(members.map((m) => m.residuals[m.residuals.length - length + i])),
  ).filter(Number.isFinite);
  const oneStepHalfWidth = residuals.length > 0 ? quantile(residuals.map(Math.abs), level) : 0;
  const name = members.length === 1 ? members[0].name : `median(${members.map((m) => m.name).join(',')})`;
  return { members, periods, level, oneStepHalfWidth, name };
}

/** The forecast for steps 1..horizon from the forecaster's current state. */
export function predictForecaster(forecaster: Forecaster, horizon: number): Forecast {
  const paths = forecaster.members.map((m) => m.predict(horizon));
  const mean = Array.from({ length: horizon }, (_, h) => median(paths.map((p) => p[h])));
  // Intervals widen with √h, as a random walk's error does (see intervals.ts).
  const halfWidths = mean.map((_, i) => forecaster.oneStepHalfWidth * Math.sqrt(i + 1));
  const { lower, upper } = intervalBounds(mean, halfWidths);
  const period = forecaster.periods[0];
  return { mean, lower, upper, model: forecaster.name, level: forecaster.level, ...(period !== undefined ? { period } : {}) };
}

/** Feeds one observation to every member (no refit). */
export function updateForecaster(forecaster: Forecaster, value: number): boolean {
  for (const m of forecaster.members) if (!m.update) return false;
  for (const m of forecaster.members) m.update?.(value);
  return true;
}
