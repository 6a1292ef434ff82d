/**
 * NAB's final scores: per profile, the threshold that maximises the raw corpus score (one
 * threshold for the whole corpus), normalised so the null detector (a constant 0.5 everywhere,
 * thresholded the same way) scores 0 and a perfect detector (every window detected at its left
 * edge, nothing else) scores 100, as nab/runner.py normalize() does.
 */
import { labelRows } from './label-points';
import type { NabWindow } from './label-points';
import { NAB_PROFILES } from './nab-profiles';
import type { NabProfile } from './nab-profiles';
import { bestThreshold, sweepThresholds } from './threshold-sweep';
import type { CorpusRows } from './threshold-sweep';

export interface ScoredFile {
  /** e.g. `realKnownCause/nyc_taxi.csv` */
  key: string;
  timestamps: readonly number[];
  scores: readonly number[];
  windows: readonly NabWindow[];
}

export interface NabProfileScore {
  profile: string;
  /** Normalised score: 0 = null detector, 100 = perfect. */
  score: number;
  threshold: number;
  raw: number;
  nullRaw: number;
  perfectRaw: number;
  tp: number;
  fp: number;
  fn: number;
  tn: number;
}

export function scoreNabCorpus(files: readonly ScoredFile[], profiles: readonly NabProfile[] = NAB_PROFILES): NabProfileScore[] {
  const rows = corpusRows(files, (f) => f.scores);
  const nullRows = corpusRows(files, (f) => f.scores.map(() => 0.5));
  const windowTotal = files.reduce((n, f) => n + f.windows.length, 0);
  return profiles.map((profile) => {
    const best = bestThreshold(sweepThresholds(rows, profile));
    const nullRaw = bestThreshold(sweepThresholds(nullRows, profile)).score;
    const perfectRaw = windowTotal * profile.tpWeight;
    return {
      profile: profile.name,
      score: (100 * (best.score - nullRaw)) / (perfectRaw - nullRaw),
      threshold: best.threshold,
      raw: best.score,
      nullRaw,
      perfectRaw,
      tp: best.tp,
      fp: best.fp,
      fn: best.fn,
      tn: best.tn,
    };
  });
}

function corpusRows(files: readonly ScoredFile[], scoresOf: (f: ScoredFile) => readonly number[]): CorpusRows {
  const n = files.reduce((sum, f) => sum + f.timestamps.length, 0);
  const rows: CorpusRows = { score: new Float64Array(n), window: new Int32Array(n), credit: new Float64Array(n), windowCount: 0 };
  let at = 0;
  for (const file of files) {
    const scores = scoresOf(file);
    if (scores.length !== file.timestamps.length) {
      throw new Error(`${file.key}: ${scores.length} anomaly scores for ${file.timestamps.length} rows`);
    }
    const labelled = labelRows(file.timestamps, file.windows);
    for (let i = 0; i < scores.length; i++, at++) {
      rows.score[at] = scores[i];
      rows.credit[at] = labelled.credit[i];
      const w = labelled.window[i];
      rows.window[at] = w >= 0 ? w + rows.windowCount : w;
    }
    rows.windowCount += file.windows.length;
  }
  return rows;
}
