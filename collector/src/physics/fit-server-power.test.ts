import { fitServerPower } from './fit-server-power';

describe('the server power fit', () => {
  it('recovers an exact line when the load moved', () => {
    const u = Array.from({ length: 50 }, (_, i) => i / 49);
    const fit = fitServerPower(u, u.map((x) => 120 + 200 * x), { idleWatts: 100, peakWatts: 400 });
    // The nameplate prior pulls by less than 0.05 W against 50 exact points.
    expect(fit.idleWatts).toBeCloseTo(120, 1);
    expect(fit.peakWatts).toBeCloseTo(320, 1);
    expect(fit.fit).toMatchObject({ samples: 50, source: 'fitted' });
    expect(fit.fit.r2).toBeCloseTo(1, 6);
  });

  it('keeps near the nameplate when the load barely moved, and fits the level', () => {
    const u = Array.from({ length: 50 }, (_, i) => 0.3 + 0.0001 * (i % 2));
    const fit = fitServerPower(u, u.map(() => 170), { idleWatts: 100, peakWatts: 400 });
    // The data pin idle + 0.3·slope = 170; the prior (idle 100 ± 25, slope 300 ± 75) shares the
    // 20 W gap by its variances: slope = 300 − 20·0.3·75² / (25² + 0.3²·75²) = 270.16.
    expect(fit.peakWatts - fit.idleWatts).toBeCloseTo(300 - (20 * 0.3 * 75 ** 2) / (25 ** 2 + 0.09 * 75 ** 2), 0);
    expect(fit.idleWatts + (fit.peakWatts - fit.idleWatts) * 0.3).toBeCloseTo(170, 0);
    expect(fit.fit.source).toBe('prior');
  });

  it.each([[0], [2]])('falls back to the nameplate with %s samples', (n) => {
    expect(fitServerPower(Array(n).fill(0.5), Array(n).fill(200), { idleWatts: 100, peakWatts: 400 })).toEqual({
      idleWatts: 100, peakWatts: 400, fit: { samples: n, r2: null, rmse: null, source: 'prior' },
    });
  });
});
