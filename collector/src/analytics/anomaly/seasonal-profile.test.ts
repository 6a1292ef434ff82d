import { SeasonalProfile, seasonalBins } from './seasonal-profile';

const DAY = 86_400_000;
const HOUR = 3_600_000;

describe('SeasonalProfile', () => {
  it('predicts NaN for an unseen phase, the first value, then smooths across cycles', () => {
    const p = new SeasonalProfile(DAY, 4, 0.5);
    expect(p.predict(0)).toBeNaN();
    p.learn(HOUR, 10);
    expect(p.predict(5 * HOUR)).toBe(10); // same 6-hour bin
    expect(p.predict(6 * HOUR)).toBeNaN(); // next bin
    p.learn(DAY + HOUR, 20); // same phase one cycle later: 10 + 0.5·(20 − 10)
    expect(p.predict(2 * DAY)).toBe(15);
  });

  it('places times before the epoch at their phase', () => {
    const p = new SeasonalProfile(DAY, 4, 0.5);
    p.learn(-HOUR, 7); // 23:00 the day before → last bin
    expect(p.predict(DAY - HOUR)).toBe(7);
    expect(p.predict(0)).toBeNaN();
  });

  it('stores 32-bit values: 4 bytes per bin', () => {
    expect(new SeasonalProfile(DAY, 288, 0.1).bytes).toBe(1152);
  });

  it.each([
    [DAY, 5 * 60_000, 288, 288],
    [DAY, 60_000, 288, 288],
    [DAY, 6 * HOUR, 288, 4],
    [DAY, 8 * HOUR, 288, 0],
    [7 * DAY, HOUR, 288, 168],
    [7 * DAY, 5 * 60_000, 288, 288],
  ])('seasonalBins(%p, %p, %p) = %p', (period, step, max, bins) => expect(seasonalBins(period, step, max)).toBe(bins));
});
