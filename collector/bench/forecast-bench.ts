/**
 * Cost of live forecasting on one core: a ForecastState fed an hourly series with daily and
 * weekly cycles (periods 24 and 168), timed per update (no refit), per refit (the full default
 * combination on the kept history) and per 48-step forecast from the current state.
 */
import { createForecastState, forecast } from '../src/analytics/forecast';

export interface ForecastBenchResult {
  /** Microseconds per pushed point between refits. */
  updateMicros: number;
  /** Microseconds per refit of the default combination on `historyPoints` points. */
  refitMicros: number;
  /** Microseconds per 48-step forecast from a fitted state. */
  predictMicros: number;
  /** Full fit-and-forecast calls per second (what a refit-every-time signal costs). */
  forecastsPerSecond: number;
  /** Length of the history each refit fits (six weeks of hourly points by default). */
  historyPoints: number;
}

/** A deterministic hourly series: daily and weekly shape, slow trend, seeded noise. */
export function syntheticHourly(length: number, seed = 1): number[] {
  let s = seed >>> 0;
  const noise = () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32 - 0.5;
  };
  return Array.from({ length }, (_, t) => {
    const day = Math.sin((2 * Math.PI * t) / 24);
    const weekend = Math.floor(t / 24) % 7 >= 5 ? 0.7 : 1;
    return (100 + 0.01 * t + 30 * day) * weekend + 5 * noise();
  });
}

const micros = (start: bigint, count: number) => Number(process.hrtime.bigint() - start) / 1e3 / count;

export function runForecastBench(options: { historyPoints?: number; refits?: number; updates?: number } = {}): ForecastBenchResult {
  const historyPoints = options.historyPoints ?? 1008;
  const refits = options.refits ?? 20;
  const updates = options.updates ?? 20_000;
  const series = syntheticHourly(historyPoints + updates + 1);
  const seasonalPeriods = [24, 168];
  // Refit interval larger than the update count: the update loop measures updates only.
  const state = createForecastState({ seasonalPeriods, refitEvery: updates + 1, maxHistory: historyPoints, minHistory: historyPoints });
  for (let t = 0; t < historyPoints; t++) state.push(series[t]);
  let start = process.hrtime.bigint();
  for (let t = historyPoints; t < historyPoints + updates; t++) state.push(series[t]);
  const updateMicros = micros(start, updates);
  start = process.hrtime.bigint();
  for (let i = 0; i < 200; i++) state.forecast(48);
  const predictMicros = micros(start, 200);
  const history = series.slice(0, historyPoints);
  forecast(history, { horizon: 48, seasonalPeriods });
  start = process.hrtime.bigint();
  for (let i = 0; i < refits; i++) forecast(history, { horizon: 48, seasonalPeriods });
  const refitMicros = micros(start, refits);
  return { updateMicros, refitMicros, predictMicros, forecastsPerSecond: 1e6 / refitMicros, historyPoints };
}
