import { createWindowStamp } from './window-stamp';

describe('service-graph window stamps', () => {
  it('stamps a window with the latest end of its calls, not its closing time', () => {
    const stamp = createWindowStamp(10_000, 1_000);
    stamp.observe(10_400);
    stamp.observe(10_900);
    stamp.observe(10_700);
    expect(stamp.close(13_000)).toBe(10_900);
  });

  it('never goes back, never passes the clock, and steps a quiet window on by its length', () => {
    const stamp = createWindowStamp(10_000, 1_000);
    stamp.observe(12_000);
    expect(stamp.close(12_500)).toBe(12_000);
    // Late calls from before the last stamp: one millisecond after it.
    stamp.observe(11_000);
    expect(stamp.close(13_500)).toBe(12_001);
    // A quiet window.
    expect(stamp.close(14_500)).toBe(13_001);
    // A call from a clock ahead of ours.
    stamp.observe(99_000);
    expect(stamp.close(15_500)).toBe(15_500);
  });
});
