import { forecast, validateForecastInput } from './forecast';

const cycle = Array.from({ length: 24 }, (_, h) => 50 + 20 * Math.sin((2 * Math.PI * h) / 24) + (h % 5));
const seasonal = Array.from({ length: 24 * 30 }, (_, t) => cycle[t % 24]);

describe('forecast', () => {
  // The seasonal models are exact to 1e-6; the autoregressions solve a collinear system (the
  // cycle repeats exactly) with a tiny ridge, which leaves ~1e-6 relative error.
  it.each([
    ['snaive', 6],
    ['hw-additive', 6],
    ['hw-multiplicative', 6],
    ['hw-damped', 6],
    ['ar', 3],
    ['ar-log', 3],
    [undefined, 3],
  ] as const)(
    'forecasts a pure seasonal series exactly (model %s, %d decimals)',
    (model, decimals) => {
      const f = forecast(seasonal, { horizon: 48, model, seasonalPeriods: [24] });
      f.mean.forEach((v, i) => expect(v).toBeCloseTo(cycle[i % 24], decimals));
      expect(f.period).toBe(24);
    },
  );

  it('detects the period when none is given, and names the combination', () => {
    const f = forecast(seasonal, { horizon: 2 });
    expect(f.period).toBe(24);
    expect(f.model).toBe('median(ar/48,ar-log/48,ets-NM/24)');
  });

  it('gives intervals around the mean that widen with the horizon', () => {
    const noisy = seasonal.map((v, t) => v + ((t * 7919) % 11) - 5);
    const f = forecast(noisy, { horizon: 24, seasonalPeriods: [24], level: 0.8 });
    expect(f.level).toBe(0.8);
    expect(f.upper[0] - f.mean[0]).toBeGreaterThan(0);
    expect(f.upper[23] - f.mean[23]).toBeCloseTo((f.upper[0] - f.mean[0]) * Math.sqrt(24), 9);
    expect(f.mean[5] - f.lower[5]).toBeCloseTo(f.upper[5] - f.mean[5], 9);
  });

  it('lists every input problem', () => {
    expect(validateForecastInput([1, NaN], { horizon: 0, level: 1.5, seasonalPeriods: [1] })).toEqual([
      'values[1]: must be a finite number, got NaN',
      'horizon: must be a positive integer, got 0',
      'level: must be in (0, 1), got 1.5',
      'seasonalPeriods: each must be an integer of at least 2, got 1',
    ]);
    expect(() => forecast([1], { horizon: 1 })).toThrow('forecast: values: need at least 2 points, got 1');
    expect(() => forecast([1, 2, 3], { horizon: 1, model: 'prophet' })).toThrow('forecast: unknown model "prophet"');
    expect(() => forecast([1, 2, 3], { horizon: 1, model: 'snaive' })).toThrow(
      'forecast: model "snaive" does not suit this series (length 3, periods [])',
    );
  });
});
