/**
 * Holt–Winters for two nested cycles (e.g. day 24 inside week 168): the long cycle's shape
 * relative to the short one comes from classical multiplicative decomposition and divides the
 * series; multiplicative Holt–Winters on the short cycle forecasts the rest, and the long
 * shape multiplies it back. Positive series only.
 */
import { seasonalFigure } from './decomposition';
import { fitHoltWinters } from './holt-winters-fit';
import type { HoltWintersFit } from './holt-winters-fit';
import { predict, step } from './holt-winters';
import type { FittedModel } from './types';

/** Fits the model; undefined unless `long` is a multiple of `short`, the history spans two long cycles and is positive. */
export function fitMultiSeasonal(values: readonly number[], short: number, long: number): FittedModel | undefined {
  if (long % short !== 0 || values.length < 2 * long || values.some((v) => !(v > 0))) return undefined;
  const longFigure = seasonalFigure(values, long, 'multiplicative');
  const shortFigure = seasonalFigure(values, short, 'multiplicative');
  // What the long cycle adds beyond the short one, e.g. weekday against weekend at the same hour.
  const relative = longFigure.map((f, p) => f / shortFigure[p % short]);
  const adjusted = values.map((v, t) => v / relative[t % long]);
  const fit: HoltWintersFit | undefined = fitHoltWinters(adjusted, { trend: 'none', season: 'multiplicative', period: short });
  if (!fit) return undefined;
  let t = values.length;
  return {
    name: `hw-multi/${short}x${long}`,
    predict: (h) => predict(fit.state, fit.spec, fit.params, h).map((v, i) => v * relative[(t + i) % long]),
    residuals: fit.residuals.map((e, i) => e * relative[i % long]),
    update: (value) => {
      step(fit.state, fit.spec, fit.params, value / relative[t % long]);
      t++;
    },
  };
}
