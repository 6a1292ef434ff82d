/**
 * The incremental form for live signals: keeps a bounded history, feeds each new point to the
 * fitted models (O(1) per model, parameters unchanged) and refits every `refitEvery` points.
 * Forecasts come from the current state without a refit.
 */
import { fitForecaster, predictForecaster, updateForecaster } from './forecaster';
import type { Forecaster } from './forecaster';
import type { Forecast } from './types';

export interface ForecastStateOptions {
  /** Seasonal periods in points; detected at each refit when absent. */
  seasonalPeriods?: number[];
  level?: number;
  /** Refit after this many new points; default 24 (a day of hourly points). */
  refitEvery?: number;
  /** Points kept; default 1008 (six weeks of hourly points: enough for the weekly autoregression's window). */
  maxHistory?: number;
  /** Points needed before the first fit; default 48. */
  minHistory?: number;
}

export interface ForecastState {
  /** Appends one observation; refits when due. */
  push(value: number): void;
  /** The forecast from the current state, or undefined before the first fit. */
  forecast(horizon: number): Forecast | undefined;
  /** Points held and points since the last refit. */
  readonly size: number;
  readonly sinceRefit: number;
}

/** A new, empty state. */
export function createForecastState(options: ForecastStateOptions = {}): ForecastState {
  const refitEvery = options.refitEvery ?? 24;
  const maxHistory = options.maxHistory ?? 1008;
  const minHistory = options.minHistory ?? 48;
  // Filled up to twice the cap, then trimmed at once: O(1) amortised per push.
  let history: number[] = [];
  let fitted: Forecaster | undefined;
  let sinceRefit = 0;
  const refit = () => {
    if (history.length > maxHistory) history = history.slice(history.length - maxHistory);
    fitted = fitForecaster(history, { seasonalPeriods: options.seasonalPeriods, level: options.level });
    sinceRefit = 0;
  };
  return {
    push(value: number) {
      if (!Number.isFinite(value)) return;
      history.push(value);
      if (history.length >= 2 * maxHistory) history = history.slice(history.length - maxHistory);
      sinceRefit++;
      const due = fitted === undefined ? history.length >= minHistory : sinceRefit >= refitEvery;
      // A model that cannot take the point without refitting forces the refit now.
      if (due || (fitted !== undefined && !updateForecaster(fitted, value))) refit();
    },
    forecast(horizon: number) {
      return fitted && predictForecaster(fitted, horizon);
    },
    get size() {
      return Math.min(history.length, maxHistory);
    },
    get sinceRefit() {
      return sinceRefit;
    },
  };
}
