/** Scores M4 forecasts (sMAPE, MASE, OWA against Naive2, averaged over series) and renders the report. */
import { mase, owa, smape } from '../forecast';
import type { M4Series } from './m4-csv';

export interface M4Score {
  ours: { smape: number; mase: number; owa: number };
  naive2: { smape: number; mase: number; owa: number };
}

/** Averages over all series, as the competition ranks them. */
export function scoreM4(train: M4Series[], actual: number[][], ours: number[][], naive2: number[][], seasonality: number): M4Score {
  const average = (forecasts: number[][]) => {
    let s = 0;
    let m = 0;
    forecasts.forEach((f, i) => {
      s += smape(actual[i], f);
      m += mase(train[i].values, actual[i], f, seasonality);
    });
    return { smape: s / forecasts.length, mase: m / forecasts.length };
  };
  const n2 = average(naive2);
  const o = average(ours);
  return { ours: { ...o, owa: owa(o, n2) }, naive2: { ...n2, owa: 1 } };
}

/** The printed figures, one line per method. */
export function m4Report(score: M4Score, series: number, seconds: number, out: string): string {
  const line = (name: string, s: { smape: number; mase: number; owa: number }) =>
    `${name.padEnd(8)} sMAPE ${s.smape.toFixed(3)}  MASE ${s.mase.toFixed(3)}  OWA ${s.owa.toFixed(3)}`;
  return [
    `M4: ${series} series, forecasts written to ${out} in ${seconds.toFixed(1)} s`,
    line('twinops', score.ours),
    line('Naive2', score.naive2),
    '',
  ].join('\n');
}
