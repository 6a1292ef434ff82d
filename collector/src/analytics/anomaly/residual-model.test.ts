import { ResidualModel } from './residual-model';

const HOUR = 3_600_000;

describe('ResidualModel', () => {
  it('scores the error of the best predictor over its mean absolute error (times 1.25) plus the floor', () => {
    // Fast smoothing (0.5) so the hand computation stays short; no seasonal profiles (stepSamples beyond the series).
    const m = new ResidualModel({ errorAlpha: 0.5, meanAlpha: 0.5, seasonalAlpha: 0.25, maxBins: 100, stepSamples: 1000 });
    const z: number[] = [];
    for (let i = 0; i < 17; i++) z.push(m.update(i * 1000, 10, 0.5));
    // Nothing predicts until a predictor has 16 errors behind it (the 18th point): all 0.
    expect(z).toEqual(new Array(17).fill(0));
    // Last value and mean both predicted 10 with no error so far; the tie goes to the last value: 3 / (0 + 0.5).
    expect(m.update(17_000, 13, 0.5)).toBe(6);
    // Both errors are now 0.5·3 = 1.5; the last value (13) is exact.
    expect(m.update(18_000, 13, 0.5)).toBe(0);
    // Last value: error 1.5 → 0.75; mean (11.5) erred by 1.5 → stays 1.5. Best is the last value: 3 / (1.25·0.75 + 0.5).
    expect(m.update(19_000, 10, 0.5)).toBe(3 / 1.4375);
  });

  it('learns a daily cycle and then predicts it exactly', () => {
    // 6-hour steps: the daily profile has 4 bins, the weekly one 28; both start after 4 points.
    const m = new ResidualModel({ errorAlpha: 0.1, meanAlpha: 0.1, seasonalAlpha: 0.5, maxBins: 100, stepSamples: 4 });
    const z: number[] = [];
    for (let i = 0; i < 40; i++) z.push(m.update(i * 6 * HOUR, i % 2 === 0 ? 0 : 10, 0.5));
    // From the 24th point the daily profile has 16 exact predictions and is the best predictor.
    expect(z.slice(23)).toEqual(new Array(17).fill(0));
    // One unit off the profile: 1 / (0 + 0.5).
    expect(m.update(40 * 6 * HOUR, 1, 0.5)).toBe(2);
    expect(m.bytes).toBe(3 * 4 * 8 + 5 * 8 + 4 * 4 + 28 * 4);
  });

  it('creates no profile when the sampling step is too coarse for the cycle', () => {
    const m = new ResidualModel({ errorAlpha: 0.1, meanAlpha: 0.1, seasonalAlpha: 0.5, maxBins: 100, stepSamples: 4 });
    // 8-hour steps: 3 per day (too few for a daily profile), 21 per week.
    for (let i = 0; i < 4; i++) m.update(i * 8 * HOUR, i, 0);
    expect(m.bytes).toBe(3 * 4 * 8 + 5 * 8 + 21 * 4);
  });
});
