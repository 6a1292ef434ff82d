/**
 * NAB-format result files: `RESULTS_DIR/<detector>/<category>/<detector>_<name>.csv` with columns
 * `timestamp,value,anomaly_score`, one row per input row.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { readNabCsv } from './nab-corpus';

/** Path of the result file of `key` (e.g. `realKnownCause/nyc_taxi.csv`) for `detector`. */
export function resultPath(resultsDir: string, detector: string, key: string): string {
  const slash = key.lastIndexOf('/');
  return join(resultsDir, detector, key.slice(0, slash + 1), `${detector}_${key.slice(slash + 1)}`);
}

export function writeResultFile(path: string, timestampText: readonly string[], values: readonly number[], scores: readonly number[]): void {
  const lines = ['timestamp,value,anomaly_score'];
  for (let i = 0; i < scores.length; i++) lines.push(`${timestampText[i]},${values[i]},${scores[i]}`);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, `${lines.join('\n')}\n`);
}

/** The anomaly scores of a result file, checked to lie in [0, 1]. */
export function readResultScores(path: string): { timestamps: number[]; scores: number[] } {
  const { timestamps, values } = readNabCsv(path, ['timestamp', 'value', 'anomaly_score'], 'anomaly_score');
  values.forEach((s, i) => {
    if (s < 0 || s > 1) throw new Error(`${path}: row ${i + 1}: anomaly_score: must be in [0, 1], got ${s}`);
  });
  return { timestamps, scores: values };
}
