import { fitNaive, fitNaive2, fitSeasonalNaive } from './naive';

describe('benchmarks', () => {
  it('naive repeats the last value and follows updates', () => {
    const m = fitNaive([1, 2, 3]);
    expect(m.predict(2)).toEqual([3, 3]);
    m.update?.(7);
    expect(m.predict(1)).toEqual([7]);
  });

  it('seasonal naive repeats the last cycle and follows updates', () => {
    const m = fitSeasonalNaive([1, 2, 3, 4, 5, 6, 7], 3)!;
    expect(m.predict(5)).toEqual([5, 6, 7, 5, 6]);
    m.update?.(10);
    expect(m.predict(3)).toEqual([6, 7, 10]);
    expect(m.residuals).toEqual([3, 3, 3, 3]);
  });

  it('Naive2 is naive on a non-seasonal series', () => {
    expect(fitNaive2([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 4).predict(2)).toEqual([10, 10]);
  });

  it('Naive2 reseasonalises the last adjusted value on a seasonal series', () => {
    // A pure multiplicative cycle around a constant level: the adjusted series is flat, the forecast the cycle itself.
    const cycle = [0.5, 1, 1.5, 1];
    const values = Array.from({ length: 40 }, (_, t) => 100 * cycle[t % 4]);
    const f = fitNaive2(values, 4).predict(4);
    f.forEach((v, i) => expect(v).toBeCloseTo(100 * cycle[i], 9));
  });
});
