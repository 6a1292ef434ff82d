import { createRandom } from './random';

describe('createRandom', () => {
  it('is deterministic for a seed and differs between seeds', () => {
    const a = createRandom(42);
    const b = createRandom(42);
    const c = createRandom(43);
    const first = [a.next(), a.next(), a.next()];
    expect([b.next(), b.next(), b.next()]).toEqual(first);
    expect(c.next()).not.toBe(first[0]);
  });

  it('gives independent named streams', () => {
    const root = createRandom(7);
    expect(root.fork('thermal').next()).toBe(createRandom(7).fork('thermal').next());
    expect(root.fork('thermal').next()).not.toBe(root.fork('shop').next());
  });

  it('draws uniform values in [0, 1) and standard normals', () => {
    const r = createRandom(1);
    const n = 100_000;
    let sum = 0;
    let sumSquares = 0;
    let min = 1;
    let max = 0;
    for (let i = 0; i < n; i++) {
      const u = r.next();
      min = Math.min(min, u);
      max = Math.max(max, u);
      const z = r.normal();
      sum += z;
      sumSquares += z * z;
    }
    expect(min).toBeGreaterThanOrEqual(0);
    expect(max).toBeLessThan(1);
    // Mean 0 and variance 1 within 4 standard errors (1/sqrt(n) and sqrt(2/n)).
    expect(Math.abs(sum / n)).toBeLessThan(4 / Math.sqrt(n));
    expect(Math.abs(sumSquares / n - 1)).toBeLessThan(4 * Math.sqrt(2 / n));
  });
});
