/** The forecasting entry point: a history and a horizon in, a point forecast with its interval out. */
import { fitForecaster, predictForecaster } from './forecaster';
import type { Forecast, ForecastOptions } from './types';

/** Checks the inputs; returns the problems found, each naming the field, the rule and the value. */
export function validateForecastInput(values: readonly number[], options: ForecastOptions): string[] {
  const errors: string[] = [];
  if (values.length < 2) errors.push(`values: need at least 2 points, got ${values.length}`);
  const bad = values.findIndex((v) => !Number.isFinite(v));
  if (bad >= 0) errors.push(`values[${bad}]: must be a finite number, got ${values[bad]}`);
  if (!Number.isInteger(options.horizon) || options.horizon < 1) errors.push(`horizon: must be a positive integer, got ${options.horizon}`);
  if (options.level !== undefined && !(options.level > 0 && options.level < 1)) errors.push(`level: must be in (0, 1), got ${options.level}`);
  for (const p of options.seasonalPeriods ?? []) {
    if (!Number.isInteger(p) || p < 2) errors.push(`seasonalPeriods: each must be an integer of at least 2, got ${p}`);
  }
  return errors;
}

/**
 * Forecasts `horizon` steps past the last value: by default the median of an autoregression on
 * levels, one on logs and Holt–Winters on the seasonal cycles; `options.model` picks one family.
 * Throws with every input problem listed.
 */
export function forecast(values: readonly number[], options: ForecastOptions): Forecast {
  const errors = validateForecastInput(values, options);
  if (errors.length > 0) throw new Error(`forecast: ${errors.join('; ')}`);
  return predictForecaster(fitForecaster(values, options), options.horizon);
}
