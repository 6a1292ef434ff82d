import { initialState, predict, step } from './holt-winters';
import type { HoltWintersSpec } from './holt-winters';
import { fitHoltWinters, holtWintersModel } from './holt-winters-fit';

const params = { alpha: 0.5, beta: 0.25, gamma: 0.1, phi: 0.9 };

describe('Holt–Winters', () => {
  it('simple exponential smoothing step: level 10, y 14, α ½ → level 12', () => {
    const spec: HoltWintersSpec = { trend: 'none', season: 'none', period: 1 };
    const state = { level: 10, trend: 0, season: new Float64Array([0]), t: 0 };
    expect(step(state, spec, params, 14)).toBe(4);
    expect(state.level).toBe(12);
    expect(predict(state, spec, params, 2)).toEqual([12, 12]);
  });

  it('damped trend forecast: level + (φ + … + φ^h)·b', () => {
    const spec: HoltWintersSpec = { trend: 'damped', season: 'none', period: 1 };
    const state = { level: 100, trend: 10, season: new Float64Array([0]), t: 0 };
    const f = predict(state, spec, params, 3);
    expect(f[0]).toBeCloseTo(109, 12);
    expect(f[1]).toBeCloseTo(117.1, 12);
    expect(f[2]).toBeCloseTo(124.39, 12);
  });

  it("Holt's linear method continues an exact line", () => {
    const line = Array.from({ length: 30 }, (_, t) => 1 + 2 * t);
    const fit = fitHoltWinters(line, { trend: 'additive', season: 'none', period: 1 })!;
    holtWintersModel(fit).predict(3).forEach((v, i) => expect(v).toBeCloseTo(61 + 2 * i, 9));
  });

  it.each(['additive', 'multiplicative'] as const)('%s seasonal model forecasts a pure seasonal series exactly', (season) => {
    const cycle = [3, 5, 9, 4, 2, 7];
    const values = Array.from({ length: 60 }, (_, t) => cycle[t % 6]);
    const fit = fitHoltWinters(values, { trend: 'none', season, period: 6 })!;
    expect(fit.sse).toBeCloseTo(0, 18);
    holtWintersModel(fit).predict(8).forEach((v, i) => expect(v).toBeCloseTo(cycle[i % 6], 9));
  });

  it('additive trend and season: level 10, trend 1, season +2 then −2', () => {
    const spec: HoltWintersSpec = { trend: 'additive', season: 'additive', period: 2 };
    const state = initialState([12, 9, 14, 11], spec);
    // Cycle means 10.5 and 12.5 → trend 1 per point; indices 12 − 10 = 2 and 9 − 11 = −2; level before point 0: 9.
    expect(state.trend).toBe(1);
    expect(Array.from(state.season)).toEqual([2, -2]);
    expect(state.level).toBe(9);
    expect(predict(state, spec, params, 4)).toEqual([12, 9, 14, 11]);
  });

  it('declines multiplicative seasons on non-positive data and too short histories', () => {
    expect(fitHoltWinters([1, 0, 2, 3, 1, 0, 2, 3, 1, 0], { trend: 'none', season: 'multiplicative', period: 4 })).toBeUndefined();
    expect(fitHoltWinters([1, 2, 3], { trend: 'none', season: 'additive', period: 4 })).toBeUndefined();
  });
});
