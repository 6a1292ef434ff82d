import { autocorrelation, isSeasonal } from './autocorrelation';

const sine = (n: number, period: number) => Array.from({ length: n }, (_, t) => 10 + Math.sin((2 * Math.PI * t) / period));

describe('autocorrelation', () => {
  it('matches hand-computed values for 1, 2, 3, 4', () => {
    // Deviations -1.5 -0.5 0.5 1.5, sum of squares 5; lag 1: 1.25 / 5; lag 2: -1.5 / 5.
    const r = autocorrelation([1, 2, 3, 4], 3);
    expect(r[0]).toBeCloseTo(0.25, 12);
    expect(r[1]).toBeCloseTo(-0.3, 12);
    expect(r[2]).toBeCloseTo(-0.45, 12);
  });

  it('is zero for a constant series', () => {
    expect(autocorrelation([5, 5, 5, 5], 2)).toEqual([0, 0]);
  });
});

describe('isSeasonal (M4 90% test)', () => {
  it.each([
    ['a daily sine over 10 days', sine(240, 24), 24, true],
    ['a straight line', Array.from({ length: 240 }, (_, t) => t), 24, true],
    ['alternating values at period 24', Array.from({ length: 240 }, (_, t) => (t % 2 === 0 ? 1 : -1)), 24, true],
    ['a series shorter than three periods', sine(71, 24), 24, false],
  ])('%s', (_name, values, period, expected) => {
    expect(isSeasonal(values, period)).toBe(expected);
  });
});
