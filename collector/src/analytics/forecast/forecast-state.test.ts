import { forecast } from './forecast';
import { createForecastState } from './forecast-state';

const cycle = [10, 12, 15, 11, 9, 8];
const at = (t: number) => cycle[t % 6] + 0.1 * t;

describe('createForecastState', () => {
  it('has no forecast before the minimum history, then fits', () => {
    const state = createForecastState({ seasonalPeriods: [6], minHistory: 30, refitEvery: 10 });
    for (let t = 0; t < 29; t++) state.push(at(t));
    expect(state.forecast(3)).toBeUndefined();
    state.push(at(29));
    expect(state.sinceRefit).toBe(0);
    expect(state.forecast(3)?.mean.length).toBe(3);
  });

  it('updates between refits and refits on schedule, matching a fresh fit right after a refit', () => {
    const state = createForecastState({ seasonalPeriods: [6], minHistory: 60, refitEvery: 12, maxHistory: 100 });
    const values: number[] = [];
    for (let t = 0; t < 84; t++) {
      values.push(at(t));
      state.push(at(t));
    }
    expect(state.sinceRefit).toBe(0);
    expect(state.size).toBe(84);
    expect(state.forecast(6)?.mean).toEqual(forecast(values, { horizon: 6, seasonalPeriods: [6] }).mean);
    state.push(at(84));
    expect(state.sinceRefit).toBe(1);
    // The trend continues: one update later, the forecast is the cycle on the line, to a tenth.
    state.forecast(6)?.mean.forEach((v, i) => expect(Math.abs(v - at(85 + i))).toBeLessThan(0.1));
  });

  it('ignores non-finite points and caps its history', () => {
    const state = createForecastState({ seasonalPeriods: [6], minHistory: 30, maxHistory: 40 });
    state.push(NaN);
    expect(state.size).toBe(0);
    for (let t = 0; t < 100; t++) state.push(at(t));
    expect(state.size).toBe(40);
  });
});
