import { labelRows, MAX_TP_WEIGHT, OUTSIDE, PROBATION, scaledSigmoid } from './index';

const MIN = 60_000;
// 40 one-minute rows: rows 0-5 are probationary (floor(0.15 · 40)).
const ts = Array.from({ length: 40 }, (_, i) => i * MIN);

describe('labelRows', () => {
  // Window 0 starts between rows (10.5 min) so it begins at row 11; window 2 lies past the data.
  const l = labelRows(ts, [
    [10.5 * MIN, 14 * MIN],
    [30 * MIN, 31 * MIN],
    [100 * MIN, 110 * MIN],
  ]);

  it('marks probation, windows and the rows outside them', () => {
    const expected = new Array(40).fill(OUTSIDE);
    for (let i = 0; i < 6; i++) expected[i] = PROBATION;
    for (let i = 11; i <= 14; i++) expected[i] = 0;
    expected[30] = 1;
    expected[31] = 1;
    expect(Array.from(l.window)).toEqual(expected);
    expect(l.scoredWindows).toBe(2);
  });

  it.each([
    [7, -1, 'before any window: full cost'],
    [11, 1, 'left edge: full credit'],
    [14, scaledSigmoid(-1 / 4) / MAX_TP_WEIGHT, 'right edge of a 4-row window'],
    [15, scaledSigmoid(1 / 3), 'one row after a 4-row window'],
    [20, scaledSigmoid(6 / 3), 'six rows after it'],
    [25, -1, 'three widths or more after it'],
    [31, scaledSigmoid(-1 / 2) / MAX_TP_WEIGHT, 'right edge of a 2-row window'],
    [32, scaledSigmoid(1), 'one row after a 2-row window'],
  ])('row %p has credit %p (%s)', (row, credit) => expect(l.credit[row]).toBe(credit));

  it('does not count a window that lies in the probationary period', () => {
    const p = labelRows(ts, [
      [2 * MIN, 3 * MIN],
      [20 * MIN, 21 * MIN],
    ]);
    expect([p.window[2], p.window[3], p.window[20], p.window[21]]).toEqual([PROBATION, PROBATION, 1, 1]);
    expect(p.scoredWindows).toBe(1);
    expect(p.credit[22]).toBe(scaledSigmoid(1)); // rows after it are still charged relative to the last window
  });
});
