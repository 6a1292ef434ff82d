import { createAnomalyDetector, log10NormalTail } from './index';

describe('anomaly detector', () => {
  it.each([
    [0, -0.30103],
    [3, -2.869699],
    [10, -23.118053],
    [-1, -0.075026],
  ])('log10NormalTail(%p) ≈ %p', (z, v) => expect(log10NormalTail(z)).toBeCloseTo(v, 5));

  it('flags a spike on a clean periodic signal once, and nothing else', () => {
    const d = createAnomalyDetector();
    const flags: number[] = [];
    for (let i = 0; i < 1000; i++) {
      const v = 10 + 5 * Math.sin((2 * Math.PI * i) / 50) + (i === 700 ? 40 : 0);
      const r = d.update(i * 60_000, v);
      if (r.flag) flags.push(i);
      if (i === 700) expect(r.score).toBe(1);
      if (i === 701) expect(r.score).toBe(0.5);
    }
    expect(flags).toEqual([700]);
    expect(d.stateBytes()).toBe(6880);
  });

  it('scores 0 during warm-up and stays in [0, 1]', () => {
    const d = createAnomalyDetector({ warmup: 20 });
    let seed = 7;
    const scores: number[] = [];
    for (let i = 0; i < 500; i++) {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      scores.push(d.update(i * 1000, seed / 2147483648).score);
    }
    expect(scores.slice(0, 20).every((s) => s === 0)).toBe(true);
    expect(scores.every((s) => s >= 0 && s <= 1)).toBe(true);
  });
});
