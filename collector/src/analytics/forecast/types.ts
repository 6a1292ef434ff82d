/** Types shared by the forecasting models, the selection and the public API. */

/** A point forecast with a prediction interval, for steps 1..horizon after the last value. */
export interface Forecast {
  mean: number[];
  lower: number[];
  upper: number[];
  /** The model (or combination) that produced it, e.g. `hw-mul-damped/24` or `median(snaive/168,theta/24)`. */
  model: string;
  /** The main seasonal period in points, if the series was found seasonal. */
  period?: number;
  /** Nominal coverage of [lower, upper], e.g. 0.9. */
  level: number;
}

export interface ForecastOptions {
  /** Steps to forecast. */
  horizon: number;
  /** Seasonal periods in points (e.g. [24, 168] for hourly data); detected from autocorrelation when absent. */
  seasonalPeriods?: number[];
  /** Nominal coverage of the prediction interval, in (0, 1); default 0.9. */
  level?: number;
  /** A family by name (see `MODEL_FAMILIES`) instead of the default combination. */
  model?: string;
}

/** A model fitted to one history. */
export interface FittedModel {
  name: string;
  /** Point forecasts for steps 1..horizon. */
  predict(horizon: number): number[];
  /** In-sample one-step-ahead errors (actual − fitted), where the model produced a fit. */
  residuals: number[];
  /** Feeds one new observation with the fitted parameters kept (no refit); absent when the model cannot. */
  update?(value: number): void;
}

/** A model family: fits a history with the given seasonal periods, or declines (too short, unsuitable). */
export interface ModelSpec {
  name: string;
  fit(values: readonly number[], periods: readonly number[]): FittedModel | undefined;
}
