import { fitCpuCost } from './cpu-fit';

const series = (values: number[]) => values.map((v, i) => ({ t: 1000 * i, v }));

describe('fitCpuCost', () => {
  it('recovers base and cost from a host whose load varies', () => {
    const rates = Array.from({ length: 20 }, (_, i) => 100 + 10 * i);
    const busy = rates.map((r) => 0.5 + 0.02 * r);
    const fit = fitCpuCost(series(busy), series(rates));
    expect(fit.coreSecondsPerRequest).toBeCloseTo(0.02, 12);
    expect(fit.baseBusyCores).toBeCloseTo(0.5, 12);
    expect(fit.fit).toEqual({ samples: 20, r2: 1, rmse: expect.any(Number), source: 'fitted' });
    expect(fit.fit.rmse).toBeLessThan(1e-12);
  });

  it('falls back to busy ÷ rate when the rate does not vary', () => {
    const fit = fitCpuCost(series(Array(20).fill(3)), series(Array(20).fill(100)));
    expect(fit).toEqual({ coreSecondsPerRequest: 0.03, baseBusyCores: 0, fit: { samples: 20, r2: null, rmse: null, source: 'prior' } });
  });

  it('falls back with too few points, and charges a host without requests to its base', () => {
    expect(fitCpuCost(series([1, 2]), series([10, 20]))).toEqual({ coreSecondsPerRequest: 0.1, baseBusyCores: 0, fit: { samples: 2, r2: null, rmse: null, source: 'prior' } });
    expect(fitCpuCost(series([4, 4]), [])).toEqual({ coreSecondsPerRequest: 0, baseBusyCores: 4, fit: { samples: 0, r2: null, rmse: null, source: 'prior' } });
  });

  it('keeps the prior when the fit explains little (noise), reporting its R²', () => {
    const rates = Array.from({ length: 20 }, (_, i) => 100 + (i % 2));
    const busy = rates.map((_, i) => 2 + (i % 3 === 0 ? 0.5 : -0.25));
    const fit = fitCpuCost(series(busy), series(rates));
    expect(fit.fit.source).toBe('prior');
    expect(fit.fit.r2).toBeLessThan(0.5);
    expect(fit.baseBusyCores).toBe(0);
  });
});
