import { SignalTrack } from './signal-track';

const options = { stepMs: 60_000, minHistory: 4, maxHistory: 10, refitEvery: 3, level: 0.9, warmup: 1000, flagLevel: 0.5 };

describe('SignalTrack', () => {
  it('pushes the mean of each step once the next step begins, and asks for a refit when due', () => {
    const track = new SignalTrack('e', 's', undefined, options);
    // Two buckets per step: means 1, 2, 3, 4, then step 4 open.
    for (let k = 0; k < 5; k++) {
      track.feed(k * 60_000, k);
      track.feed(k * 60_000 + 10_000, k + 2);
    }
    expect([track.lastStepStart, track.refitDue, track.fitted]).toEqual([180_000, true, false]);
    track.refit();
    expect([track.refitDue, track.fitted]).toEqual([false, true]);
    expect(track.forecast(2)?.mean.length).toBe(2);
    // Steps 4 and 5 pushed (by the buckets of steps 5 and 6): one short of refit_every.
    for (let k = 5; k < 7; k++) track.feed(k * 60_000, 10);
    expect(track.refitDue).toBe(false);
    track.feed(7 * 60_000, 10);
    expect(track.refitDue).toBe(true);
  });

  it('interpolates missing steps and starts over after a silence longer than the history', () => {
    const track = new SignalTrack('e', 's', undefined, { ...options, minHistory: 2 });
    track.feed(0, 0);
    track.feed(4 * 60_000, 4);
    track.feed(5 * 60_000, 5);
    // Steps 1..3 were interpolated between 0 and 4: five steps, a straight line.
    track.refit();
    expect(track.forecast(1)?.mean[0]).toBeCloseTo(5, 1);
    track.feed(30 * 60_000, 7);
    expect([track.fitted, track.lastStepStart]).toEqual([true, 5 * 60_000]);
    track.feed(31 * 60_000, 7);
    expect([track.fitted, track.lastStepStart]).toEqual([false, 30 * 60_000]);
  });

  it('turns a forecast crossing into epoch milliseconds', () => {
    const rule = { signals: 's', entities: '*', limit: 35, direction: 'above' as const };
    const track = new SignalTrack('e', 's', rule, { ...options, minHistory: 30, maxHistory: 40 });
    for (let k = 0; k <= 30; k++) track.feed(k * 60_000, k);
    track.refit();
    track.updateCrossing(10);
    // Last step 29 (value 29) at 29 min; the line reaches 35 six steps later, at 35 min.
    expect(track.crossing).toEqual({ limit: 35, direction: 'above', at: 2_100_000, earliest: expect.any(Number), latest: expect.any(Number) });
    track.updateCrossing(5);
    expect(track.crossing).toEqual({ limit: 35, direction: 'above' });
  });
});
