import { detectSeasonalPeriods } from './seasonality';

describe('detectSeasonalPeriods', () => {
  it('finds a daily cycle in hourly points', () => {
    const values = Array.from({ length: 500 }, (_, t) => 50 + 10 * Math.sin((2 * Math.PI * t) / 24));
    expect(detectSeasonalPeriods(values)).toEqual([24]);
  });

  it('finds the daily and weekly cycles when weekends differ', () => {
    const values = Array.from({ length: 24 * 7 * 6 }, (_, t) => (50 + 10 * Math.sin((2 * Math.PI * t) / 24)) * (Math.floor(t / 24) % 7 >= 5 ? 0.6 : 1));
    expect(detectSeasonalPeriods(values)).toEqual([24, 168]);
  });

  it('finds the same cycle at another resolution (12 five-minute points to the hour)', () => {
    const values = Array.from({ length: 400 }, (_, t) => Math.cos((2 * Math.PI * t) / 12));
    expect(detectSeasonalPeriods(values)).toEqual([12]);
  });

  it('finds nothing in a trend', () => {
    expect(detectSeasonalPeriods(Array.from({ length: 300 }, (_, t) => t))).toEqual([]);
  });
});
