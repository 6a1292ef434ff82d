import { minimize } from './nelder-mead';

describe('minimize', () => {
  it('finds the minimum of a quadratic bowl', () => {
    const r = minimize((x) => (x[0] - 3) ** 2 + 2 * (x[1] + 1) ** 2, [0, 0], { maxEvaluations: 1000, tolerance: 1e-14 });
    expect(r.point[0]).toBeCloseTo(3, 5);
    expect(r.point[1]).toBeCloseTo(-1, 5);
    expect(r.value).toBeCloseTo(0, 9);
  });

  it('finds the Rosenbrock valley minimum at (1, 1)', () => {
    const r = minimize((x) => 100 * (x[1] - x[0] ** 2) ** 2 + (1 - x[0]) ** 2, [-1.2, 1], { maxEvaluations: 4000, tolerance: 1e-16 });
    expect(r.point[0]).toBeCloseTo(1, 3);
    expect(r.point[1]).toBeCloseTo(1, 3);
  });

  it('stops at the evaluation budget and treats NaN as worst', () => {
    const r = minimize((x) => (x[0] > 5 ? NaN : (x[0] - 1) ** 2), [0], { maxEvaluations: 10 });
    expect(r.evaluations).toBeLessThanOrEqual(12);
    expect(Number.isNaN(r.value)).toBe(false);
  });
});
