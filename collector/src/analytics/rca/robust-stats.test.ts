import { median, pearson, present, robustLevel } from './robust-stats';

describe('robust statistics', () => {
  it.each([
    [[3, 1, 2], 2],
    [[4, 1, 3, 2], 2.5],
    [[NaN, 5, NaN], 5],
    [[], NaN],
  ])('median of %p is %p', (xs, m) => {
    expect(median(xs)).toBe(m);
  });

  it('drops missing values', () => {
    expect(present([1, NaN, 2])).toEqual([1, 2]);
  });

  it('scales by 1.4826 MAD', () => {
    expect(robustLevel([1, 2, 3, 4, 100])).toEqual({ level: 3, scale: 1.4826 });
  });

  it('falls back to the mean absolute deviation when most samples are equal (MAD 0)', () => {
    // deviations from 100: 0, 0, 0, 4 → mean 1 → ×1.2533
    expect(robustLevel([100, 100, 100, 96])).toEqual({ level: 100, scale: 1.2533 });
  });

  it('floors a constant reference at 0.1 % of its level, or 1e-9 at level 0', () => {
    expect(robustLevel([100, 100, 100])).toEqual({ level: 100, scale: 0.1 });
    expect(robustLevel([0, 0])).toEqual({ level: 0, scale: 1e-9 });
    expect(robustLevel([NaN])).toEqual({ level: NaN, scale: NaN });
  });

  it.each([
    [[1, 2, 3], [2, 4, 6], 1],
    [[1, 2, 3], [3, 2, 1], -1],
    [[1, 2, NaN, 3], [1, 2, 9, 3], 1],
    [[1, 2], [1, 2], NaN],
    [[1, 1, 1], [1, 2, 3], NaN],
  ])('pearson(%p, %p) = %p', (xs, ys, r) => {
    expect(pearson(xs, ys)).toBe(r);
  });
});
