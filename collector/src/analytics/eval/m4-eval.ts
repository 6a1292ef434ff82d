/**
 * `twinops eval m4 --train FILE --test FILE --out FORECASTS.csv`: forecasts every training series
 * 48 steps ahead with the default combination (periods 24 and 168), writes the forecasts in the
 * test file's layout and prints sMAPE, MASE and OWA, ours and Naive2's, as M4 defines them.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { fitNaive2, forecast } from '../forecast';
import { formatM4Csv, parseM4Csv } from './m4-csv';
import type { M4Series } from './m4-csv';
import { m4Report, scoreM4 } from './m4-score';
import type { EvalIo } from './eval-io';

export const M4_USAGE = 'Usage: twinops eval m4 --train FILE --test FILE --out FORECASTS.csv [--horizon 48] [--seasonality 24]';

/** Runs the evaluation; resolves to the exit code (0 done, 1 bad data, 2 bad usage). */
export async function runM4Eval(argv: string[], io: EvalIo): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        train: { type: 'string' },
        test: { type: 'string' },
        out: { type: 'string' },
        horizon: { type: 'string', default: '48' },
        seasonality: { type: 'string', default: '24' },
      },
    }));
  } catch (err) {
    io.err(`twinops eval m4: ${(err as Error).message}\n${M4_USAGE}\n`);
    return 2;
  }
  const horizon = Number(values.horizon);
  const seasonality = Number(values.seasonality);
  if (!values.train || !values.test || !values.out || !(Number.isInteger(horizon) && horizon > 0) || !(Number.isInteger(seasonality) && seasonality > 0)) {
    io.err(`twinops eval m4: --train, --test and --out are required; --horizon and --seasonality must be positive integers\n${M4_USAGE}\n`);
    return 2;
  }
  try {
    const started = process.hrtime.bigint();
    const train = parseM4Csv(readText(values.train), values.train);
    const testTable = parseM4Csv(readText(values.test), values.test);
    const test = matchTest(train.series, testTable.series, values.test, horizon);
    const periods = [seasonality, 7 * seasonality];
    const results = train.series.map((s) => forecast(s.values, { horizon, seasonalPeriods: periods, level: 0.9 }));
    const forecasts: M4Series[] = results.map((f, i) => ({ id: train.series[i].id, values: f.mean }));
    let inside = 0;
    results.forEach((f, i) => test[i].forEach((y, h) => (inside += y >= f.lower[h] && y <= f.upper[h] ? 1 : 0)));
    const naive2 = train.series.map((s) => fitNaive2(s.values, seasonality).predict(horizon));
    writeFileSync(values.out, formatM4Csv(testTable.header, forecasts));
    const score = scoreM4(train.series, test, forecasts.map((f) => f.values), naive2, seasonality);
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    io.out(m4Report(score, train.series.length, seconds, values.out));
    io.out(`90% interval coverage: ${((100 * inside) / (results.length * horizon)).toFixed(1)}% of test points\n`);
    return 0;
  } catch (err) {
    io.err(`twinops eval m4: ${(err as Error).message}\n`);
    return 1;
  }
}

function readText(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (err) {
    throw new Error(`${file}: cannot read (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`);
  }
}

/** The test rows in training order, each checked to hold exactly `horizon` values. */
function matchTest(train: M4Series[], test: M4Series[], file: string, horizon: number): number[][] {
  const byId = new Map(test.map((s, i) => [s.id, { s, line: i + 2 }]));
  return train.map((s) => {
    const row = byId.get(s.id);
    if (!row) throw new Error(`${file}: no test row for series "${s.id}"`);
    if (row.s.values.length !== horizon) throw new Error(`${file}:${row.line}: series "${s.id}" has ${row.s.values.length} values, expected ${horizon}`);
    return row.s.values;
  });
}
