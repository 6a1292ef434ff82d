import { bestThreshold, OUTSIDE, PROBATION, sweepThresholds } from './index';
import type { CorpusRows } from './index';

const standard = { name: 'standard', tpWeight: 1, fpWeight: 0.11, fnWeight: 1 };

// Five rows, one window (id 0): a false positive scoring 0.9, the window's rows scoring 0.7
// (credit 1) and 0.5 (credit 0.5), a false positive scoring 0.2 (cost factor −0.5), and a
// probationary row that never counts.
const rows: CorpusRows = {
  score: Float64Array.from([0.9, 0.5, 0.7, 0.2, 0.5]),
  window: Int32Array.from([OUTSIDE, 0, 0, OUTSIDE, PROBATION]),
  credit: Float64Array.from([-1, 0.5, 1, -0.5, 0]),
  windowCount: 1,
};

describe('sweepThresholds', () => {
  it('scores every distinct threshold, highest first', () => {
    const s = sweepThresholds(rows, standard);
    expect(s.map(({ threshold, tp, fp, tn, fn }) => ({ threshold, tp, fp, tn, fn }))).toEqual([
      { threshold: 1.1, tp: 0, fp: 0, tn: 2, fn: 2 },
      { threshold: 0.9, tp: 0, fp: 1, tn: 1, fn: 2 },
      { threshold: 0.7, tp: 1, fp: 1, tn: 1, fn: 1 },
      { threshold: 0.5, tp: 2, fp: 1, tn: 1, fn: 0 },
      { threshold: 0.2, tp: 2, fp: 2, tn: 0, fn: 0 },
    ]);
    const scores = s.map((x) => x.score);
    expect(scores[0]).toBe(-1); // the window missed
    expect(scores[1]).toBeCloseTo(-1.11, 12); // plus one full-cost false positive
    expect(scores[2]).toBeCloseTo(0.89, 12); // the window found at credit 1
    expect(scores[3]).toBeCloseTo(0.89, 12); // a later, lower credit in the same window adds nothing
    expect(scores[4]).toBeCloseTo(0.835, 12); // −0.5 · 0.11
  });

  it('weights misses by fnWeight', () => {
    expect(sweepThresholds(rows, { ...standard, fnWeight: 2 })[0].score).toBe(-2);
  });

  it('picks the best score, ties going to the higher threshold', () => {
    expect(bestThreshold(sweepThresholds(rows, standard)).threshold).toBe(0.7);
  });
});
