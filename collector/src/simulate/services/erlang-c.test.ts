import { erlangC, mmcMeanWaitSeconds, queueStretch } from './erlang-c';

describe('erlangC', () => {
  // Erlang's C formula, Kleinrock, "Queueing Systems, Vol. 1: Theory" (Wiley, 1975), §3.5 (M/M/m):
  // C(c, a) = (a^c / c!) · c/(c − a) / (Σ_{k<c} a^k/k! + (a^c / c!) · c/(c − a)). Its worked values:
  // c = 1 → ρ; c = 2, a = 1 → 1/3; c = 5, a = 4 → 0.554113; c = 10, a = 8 → 0.409180.
  it.each([
    [1, 0.5, 0.5],
    [1, 0.9, 0.9],
    [2, 1, 1 / 3],
    [5, 4, 0.55411],
    [10, 8, 0.40918],
  ])('c = %d, a = %d → %d', (c, a, expected) => {
    expect(erlangC(c, a)).toBeCloseTo(expected, 5);
  });

  it.each([
    [0, 0],
    [-1, 0],
    [4, 1],
    [5, 1],
  ])('is 0 without load and 1 at or beyond capacity (c = 4, a = %d → %d)', (a, expected) => {
    expect(erlangC(4, a)).toBe(expected);
  });

  it.each([3, 7, 12, 40])('agrees with the factorial closed form (c = %d, ρ = 0.3 … 0.95)', (c) => {
    for (const rho of [0.3, 0.6, 0.8, 0.95]) {
      const a = rho * c;
      let term = 1;
      let sum = 0;
      for (let k = 0; k < c; k++) {
        sum += term;
        term *= a / (k + 1);
      }
      const last = (term * c) / (c - a);
      expect(erlangC(c, a)).toBeCloseTo(last / (sum + last), 10);
    }
  });

  it('stays finite for hundreds of servers', () => {
    const c = erlangC(500, 450);
    expect(Number.isFinite(c)).toBe(true);
    expect(c).toBeGreaterThan(0);
    expect(c).toBeLessThan(1);
  });
});

describe('mmcMeanWaitSeconds', () => {
  it('M/M/1: Wq = ρ / (μ − λ)', () => {
    // λ = 8/s, s = 0.1 s (μ = 10/s): ρ = 0.8, Wq = 0.8 / 2 = 0.4 s.
    expect(mmcMeanWaitSeconds(1, 8, 0.1)).toBeCloseTo(0.4, 12);
  });

  it('M/M/2: Wq = C / (2μ − λ) with C = 1/3 at a = 1', () => {
    // λ = 10/s, s = 0.1 s: a = 1, 2μ − λ = 10/s, Wq = (1/3) / 10.
    expect(mmcMeanWaitSeconds(2, 10, 0.1)).toBeCloseTo(1 / 30, 12);
  });

  it('M/M/c, c = 10, a = 8: Wq = 0.40918 / (100 − 80)', () => {
    expect(mmcMeanWaitSeconds(10, 80, 0.1)).toBeCloseTo(0.40918 / 20, 6);
  });

  it('is infinite at capacity', () => {
    expect(mmcMeanWaitSeconds(2, 20, 0.1)).toBe(Infinity);
  });
});

describe('queueStretch', () => {
  it('equals (Wq + s) / s', () => {
    expect(queueStretch(1, 0.8)).toBeCloseTo((0.4 + 0.1) / 0.1, 12);
    expect(queueStretch(10, 0.8)).toBeCloseTo((0.40918 / 20 + 0.1) / 0.1, 5);
  });

  it('is 1 without load and infinite at capacity', () => {
    expect(queueStretch(4, 0)).toBe(1);
    expect(queueStretch(4, 1)).toBe(Infinity);
  });
});
