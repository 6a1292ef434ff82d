import { createRandom } from '../random';
import { erlangC, overflowFraction, queueState, sampleWait } from './queueing';
import { exponential } from './sampling';

describe('erlangC', () => {
  it.each([
    // [servers, offered erlangs, expected]: c = 1 reduces to ρ; M/M/2 at a = 1 gives 1/3; c = 3, a = 2 gives 4/9.
    [1, 0.5, 0.5],
    [1, 0.9, 0.9],
    [2, 1, 1 / 3],
    [3, 2, 4 / 9],
    [2, 0, 0],
    [2, 2, 1],
  ])('C(%d, %d) = %d', (c, a, expected) => {
    expect(erlangC(c, a)).toBeCloseTo(expected, 12);
  });
});

describe('queueState', () => {
  it('M/M/1: Wq = ρ / (μ − λ)', () => {
    const q = queueState(0.5, 1, 1, 100);
    expect(q.meanWaitSeconds).toBeCloseTo(0.5 / (1 - 0.5), 12);
    expect(q.utilization).toBe(0.5);
  });

  it('M/M/2 with λ = μ = 1: Lq = 2ρ³ / (1 − ρ²) = 1/3 and Little gives Wq = Lq / λ', () => {
    const q = queueState(1, 2, 1, 100);
    const rho = 0.5;
    expect(q.meanWaitSeconds * 1).toBeCloseTo((2 * rho ** 3) / (1 - rho ** 2), 12);
  });

  it('agrees with a FCFS M/M/3 event simulation (mean wait and Little’s law)', () => {
    const r = createRandom(3);
    const lambda = 2.4;
    const service = 1;
    const free = [0, 0, 0];
    let t = 0;
    let waitSum = 0;
    const n = 200_000;
    for (let i = 0; i < n; i++) {
      t += exponential(r, 1 / lambda);
      const k = free.indexOf(Math.min(...free));
      const begin = Math.max(t, free[k]);
      waitSum += begin - t;
      free[k] = begin + exponential(r, service);
    }
    const q = queueState(lambda, 3, service, 100);
    const meanWait = waitSum / n;
    expect(Math.abs(meanWait - q.meanWaitSeconds) / q.meanWaitSeconds).toBeLessThan(0.05);
    // Little: time-average queue length = waiting time accumulated over the run / its length = λ·Wq.
    expect(Math.abs(waitSum / t - lambda * q.meanWaitSeconds) / (lambda * q.meanWaitSeconds)).toBeLessThan(0.05);
  });

  it('errors rise sharply near saturation and equal the overflow beyond it', () => {
    const at = (rho: number) => queueState(rho * 200, 4, 0.02, 1).errorProbability;
    expect(at(0.5)).toBeLessThan(1e-12);
    expect(at(0.9)).toBeLessThan(1e-6);
    expect(at(0.99)).toBeGreaterThan(0.1);
    const over = queueState(400, 4, 0.02, 1);
    expect(overflowFraction(over)).toBeCloseTo(1 - 0.99 / 2, 12);
    expect(over.errorProbability).toBeGreaterThan(overflowFraction(over));
    expect(over.utilization).toBe(2);
  });

  it('samples waits with the mean Wq', () => {
    const r = createRandom(5);
    const q = queueState(3, 4, 1, 100);
    let sum = 0;
    for (let i = 0; i < 100_000; i++) sum += sampleWait(r, q);
    expect(sum / 100_000).toBeCloseTo(q.meanWaitSeconds, 1);
  });
});
