/** Benchmark models: naive, seasonal naive, and the M4 competition's Naive2. */
import { isSeasonal } from './autocorrelation';
import { seasonalAt, seasonalFigure } from './decomposition';
import type { FittedModel } from './types';

/** Repeats the last value. */
export function fitNaive(values: readonly number[]): FittedModel {
  let last = values[values.length - 1];
  const residuals: number[] = [];
  for (let t = 1; t < values.length; t++) residuals.push(values[t] - values[t - 1]);
  return { name: 'naive', predict: (h) => new Array<number>(h).fill(last), residuals, update: (v) => void (last = v) };
}

/** Repeats the last full cycle of `period` points. */
export function fitSeasonalNaive(values: readonly number[], period: number): FittedModel | undefined {
  const n = values.length;
  if (n < period) return undefined;
  const residuals: number[] = [];
  for (let t = period; t < n; t++) residuals.push(values[t] - values[t - period]);
  // The last cycle as a ring: slot (t mod period) holds the latest value at that position.
  const ring = new Array<number>(period);
  for (let k = n - period; k < n; k++) ring[k % period] = values[k];
  let t = n;
  return {
    name: `snaive/${period}`,
    predict: (h) => Array.from({ length: h }, (_, i) => ring[(t + i) % period]),
    residuals,
    update: (v) => {
      ring[t % period] = v;
      t++;
    },
  };
}

/**
 * M4's Naive2: naive on the series deseasonalised by classical multiplicative decomposition,
 * reseasonalised, when the 90% autocorrelation test says the series is seasonal at `period`;
 * plain naive otherwise.
 */
export function fitNaive2(values: readonly number[], period: number): FittedModel {
  if (!isSeasonal(values, period)) return { ...fitNaive(values), name: 'naive2' };
  const figure = seasonalFigure(values, period, 'multiplicative');
  const n = values.length;
  const adjusted = values.map((v, t) => v / seasonalAt(figure, t));
  const last = adjusted[n - 1];
  const residuals: number[] = [];
  for (let t = 1; t < n; t++) residuals.push(values[t] - adjusted[t - 1] * seasonalAt(figure, t));
  return {
    name: 'naive2',
    predict: (h) => Array.from({ length: h }, (_, i) => last * seasonalAt(figure, n + i)),
    residuals,
  };
}
