import { mase, maseScale, owa, smape } from './accuracy';

describe('M4 accuracy measures', () => {
  it('sMAPE: 200·|1−2|/(1+2) and 0, averaged', () => {
    expect(smape([1, 2], [2, 2])).toBeCloseTo(100 / 3, 12);
    expect(smape([0, 4], [0, 4])).toBe(0);
  });

  it.each([
    // History 1 2 3 4: lag-1 differences all 1; lag-2 differences 2 and 2.
    [1, 1, 0.5],
    [2, 2, 0.25],
    // A lag longer than the history falls back to lag 1, as M4 does for non-seasonal data.
    [24, 1, 0.5],
  ])('MASE with lag %d: scale %d, value %d', (lag, scale, value) => {
    expect(maseScale([1, 2, 3, 4], lag)).toBe(scale);
    expect(mase([1, 2, 3, 4], [1, 2], [2, 2], lag)).toBe(value);
  });

  it('OWA: mean of the two ratios to Naive2', () => {
    expect(owa({ smape: 10, mase: 1 }, { smape: 20, mase: 4 })).toBe(0.375);
  });
});
