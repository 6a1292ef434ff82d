/**
 * NAB's threshold sweep (nab/sweeper.py calcScoreByThreshold) over the rows of a whole corpus:
 * rows sorted by anomaly score, highest first; lowering the threshold past each distinct score
 * turns those rows into detections. A window's contribution is −fnWeight until detected, then
 * the best credit among its detected rows (its earliest detection); each detection outside a
 * window adds its weighted false-positive cost.
 */
import type { NabProfile } from './nab-profiles';
import { OUTSIDE, PROBATION } from './label-points';

/** Rows of all files, concatenated; window ids are unique across the corpus. */
export interface CorpusRows {
  score: Float64Array;
  window: Int32Array;
  credit: Float64Array;
  windowCount: number;
}

export interface ThresholdScore {
  /** Rows scoring at least this are detections (1.1 = none). */
  threshold: number;
  score: number;
  tp: number;
  fp: number;
  tn: number;
  fn: number;
}

/** Corpus score at every distinct threshold, highest threshold first, starting with 1.1 (no detections). */
export function sweepThresholds(rows: CorpusRows, profile: NabProfile): ThresholdScore[] {
  const order: number[] = [];
  for (let i = 0; i < rows.score.length; i++) if (rows.window[i] !== PROBATION) order.push(i);
  order.sort((a, b) => rows.score[b] - rows.score[a]);
  const best = new Float64Array(rows.windowCount).fill(Number.NaN);
  let total = 0;
  let tn = 0;
  let fn = 0;
  for (const i of order) {
    const w = rows.window[i];
    if (w === OUTSIDE) {
      tn++;
    } else {
      fn++;
      if (Number.isNaN(best[w])) {
        best[w] = -profile.fnWeight;
        total -= profile.fnWeight;
      }
    }
  }
  let tp = 0;
  let fp = 0;
  let threshold = 1.1;
  const out: ThresholdScore[] = [];
  for (const i of order) {
    const s = rows.score[i];
    if (s !== threshold) {
      out.push({ threshold, score: total, tp, fp, tn, fn });
      threshold = s;
    }
    const w = rows.window[i];
    if (w === OUTSIDE) {
      fp++;
      tn--;
      total += rows.credit[i] * profile.fpWeight;
    } else {
      tp++;
      fn--;
      const credit = rows.credit[i] * profile.tpWeight;
      if (credit > best[w]) {
        total += credit - best[w];
        best[w] = credit;
      }
    }
  }
  out.push({ threshold, score: total, tp, fp, tn, fn });
  return out;
}

/** The best threshold: highest score, ties going to the higher threshold as NAB's stable sort does. */
export function bestThreshold(scores: readonly ThresholdScore[]): ThresholdScore {
  let best = scores[0];
  for (const s of scores) if (s.score > best.score) best = s;
  return best;
}
