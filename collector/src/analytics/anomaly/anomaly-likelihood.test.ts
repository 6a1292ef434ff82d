import { AnomalyLikelihood } from './anomaly-likelihood';
import { log10NormalTail } from './normal-tail';

describe('AnomalyLikelihood', () => {
  it('compares the short average with the long-run mean and spread of past averages', () => {
    const l = new AnomalyLikelihood({ shortWindow: 2, longWindow: 4 });
    // Until the short window has been full once there is nothing to compare with.
    expect(l.update(1)).toBe(0);
    expect(l.update(1)).toBe(0); // average 1 learned: mean 1, variance 0
    // Average 1 at the mean: tail probability 1/2 → −log10(0.5) / 10.
    expect(l.update(1)).toBeCloseTo(-Math.log10(0.5) / 10, 8); // the erfc fit is good to ~1e-7
    // Average 2 against a spread of 0 (floored at 1e-3): far in the tail, capped at 1.
    expect(l.update(3)).toBe(1);
    // The average 2 was learned with weight 1/3: mean 4/3, variance (2/3)·(1/3) = 2/9.
    const z = (2 - 4 / 3) / (Math.sqrt(2 / 9) + 1e-3);
    const score = l.update(1);
    expect(score).toBeCloseTo(-log10NormalTail(z) / 10, 12);
    expect(score).toBeCloseTo(0.110188, 6); // z ≈ 1.4112, tail ≈ 0.0791
  });

  it('maps a tail probability of 1e-5 to 0.5', () => {
    // z ≈ 4.264891 has an upper tail of 1e-5.
    expect(-log10NormalTail(4.264891) / 10).toBeCloseTo(0.5, 6);
  });

  it('reports the short window and six scalars', () => {
    expect(new AnomalyLikelihood({ shortWindow: 10, longWindow: 100 }).bytes).toBe(10 * 8 + 6 * 8);
  });
});
