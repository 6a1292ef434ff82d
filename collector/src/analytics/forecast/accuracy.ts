/**
 * Forecast accuracy as the M4 competition defines it: sMAPE in percent (200·|y−ŷ|/(|y|+|ŷ|)),
 * MASE scaled by the in-sample mean absolute seasonal difference, and OWA, the mean of the two
 * ratios to the Naive2 benchmark computed on averages over all series.
 */

/** Symmetric MAPE in percent; a step where actual and forecast are both 0 counts as 0. */
export function smape(actual: readonly number[], forecast: readonly number[]): number {
  let sum = 0;
  for (let i = 0; i < actual.length; i++) {
    const denominator = Math.abs(actual[i]) + Math.abs(forecast[i]);
    if (denominator > 0) sum += (200 * Math.abs(actual[i] - forecast[i])) / denominator;
  }
  return sum / actual.length;
}

/** Mean absolute difference between points `lag` apart in the history: MASE's scale (M4 uses lag = seasonality). */
export function maseScale(history: readonly number[], lag: number): number {
  // M4 falls back to lag 1 for non-seasonal frequencies; a history shorter than the lag gets the same.
  const m = history.length > lag ? lag : 1;
  let sum = 0;
  for (let t = m; t < history.length; t++) sum += Math.abs(history[t] - history[t - m]);
  return sum / (history.length - m);
}

/** Mean absolute scaled error; Infinity when the history is constant (its scale is 0) and the forecast misses. */
export function mase(history: readonly number[], actual: readonly number[], forecast: readonly number[], lag: number): number {
  let sum = 0;
  for (let i = 0; i < actual.length; i++) sum += Math.abs(actual[i] - forecast[i]);
  const mae = sum / actual.length;
  const scale = maseScale(history, lag);
  return mae === 0 ? 0 : mae / scale;
}

export interface AccuracySummary {
  smape: number;
  mase: number;
}

/** Overall Weighted Average of a method against Naive2, from each one's averages over all series. */
export function owa(method: AccuracySummary, naive2: AccuracySummary): number {
  return (method.smape / naive2.smape + method.mase / naive2.mase) / 2;
}
