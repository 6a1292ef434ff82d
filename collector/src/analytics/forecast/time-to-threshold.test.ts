import { forecast } from './forecast';
import { firstCrossing, timeToThreshold } from './time-to-threshold';

describe('firstCrossing', () => {
  it.each([
    [[1, 2, 3, 4], 2.5, 'above', 2.5],
    [[1, 2, 3, 4], 1, 'above', 1],
    [[1, 2, 3, 4], 5, 'above', undefined],
    [[10, 8, 6], 7, 'below', 2.5],
  ] as const)('%j crosses %d %s at step %s', (path, limit, direction, expected) => {
    expect(firstCrossing(path, limit, direction)).toBe(expected);
  });
});

describe('timeToThreshold', () => {
  it('gives the range from the bounds: the upper crosses first for a limit above', () => {
    const f = { mean: [1, 2, 3, 4], lower: [0, 1, 2, 3], upper: [2, 3, 4, 5], model: 'test', level: 0.9 };
    expect(timeToThreshold(f, 3, 'above')).toEqual({ steps: 3, earliestSteps: 2, latestSteps: 4 });
    expect(timeToThreshold(f, 2, 'below')).toEqual({ steps: 1, earliestSteps: 1, latestSteps: 1 });
  });

  it("finds a linear trend's crossing within one step", () => {
    // 20 + 0.25·t for t = 0..199 reaches 27 °C... 90 at t = 280: 81 steps after the last point (t = 199).
    const values = Array.from({ length: 200 }, (_, t) => 20 + 0.25 * t);
    const f = forecast(values, { horizon: 100 });
    const result = timeToThreshold(f, 90, 'above');
    expect(Math.abs(result.steps! - 81)).toBeLessThanOrEqual(1);
    expect(result.earliestSteps!).toBeLessThanOrEqual(result.steps!);
  });
});
