/**
 * The per-row part of NAB's sweep (nab/sweeper.py calcSweepScore): for each row of one file,
 * which window it falls in and the unweighted credit a detection there would earn. Rows of the
 * probationary period are marked so the threshold sweep skips them.
 */
import { MAX_TP_WEIGHT, scaledSigmoid } from './scaled-sigmoid';
import { probationLength } from './nab-profiles';

/** An anomaly window: first and last timestamp (epoch ms), both inclusive. */
export type NabWindow = readonly [start: number, end: number];

export interface LabelledRows {
  /** Index of the window each row lies in (0-based, in file order), OUTSIDE, or PROBATION. */
  window: Int32Array;
  /**
   * Inside a window: the true-positive credit of a first detection there, in (0, 1].
   * Outside: the (negative) false-positive factor, multiplied by the profile's fpWeight.
   */
  credit: Float64Array;
  /** Windows in this file that hold at least one scored row (each is a false negative until detected). */
  scoredWindows: number;
}

export const OUTSIDE = -1;
export const PROBATION = -2;

/** Labels the rows of one file, in file order, given its windows in time order. */
export function labelRows(timestamps: readonly number[], windows: readonly NabWindow[]): LabelledRows {
  const n = timestamps.length;
  const window = new Int32Array(n).fill(OUTSIDE);
  const credit = new Float64Array(n);
  const probation = probationLength(n);
  const ranges = windowRanges(timestamps, windows);
  const seen = new Set<number>();
  let next = 0;
  let prevRight = -1;
  let prevWidth = 0;
  for (let i = 0; i < n; i++) {
    while (next < ranges.length && ranges[next].right < i) next++;
    const r = next < ranges.length && ranges[next].left <= i ? ranges[next] : undefined;
    if (r) {
      credit[i] = scaledSigmoid(-(r.right - i + 1) / (r.right - r.left + 1)) / MAX_TP_WEIGHT;
      window[i] = r.id;
      if (i === r.right) {
        prevRight = i;
        prevWidth = r.right - r.left + 1;
      }
    } else {
      // Before any window NAB charges the full false-positive weight (position 3 or more).
      const position = prevRight < 0 ? 3 : Math.abs(prevRight - i) / (prevWidth - 1);
      credit[i] = scaledSigmoid(position);
    }
    if (i < probation) window[i] = PROBATION;
    else if (window[i] >= 0) seen.add(window[i]);
  }
  return { window, credit, scoredWindows: seen.size };
}

/** Row ranges of the windows: from the row at the start timestamp to the row at the end one (the nearest rows inside when not exact). */
function windowRanges(timestamps: readonly number[], windows: readonly NabWindow[]): { id: number; left: number; right: number }[] {
  const out: { id: number; left: number; right: number }[] = [];
  let from = 0;
  windows.forEach(([start, end], id) => {
    let left = from;
    while (left < timestamps.length && timestamps[left] < start) left++;
    if (left >= timestamps.length || timestamps[left] > end) return;
    let right = left;
    while (right + 1 < timestamps.length && timestamps[right] !== end && timestamps[right + 1] <= end) right++;
    out.push({ id, left, right });
    from = right + 1;
  });
  return out;
}
