import { createRealtimeDriver } from './realtime-driver';
import type { DriverTimers } from './realtime-driver';
import { createSimulation } from './simulation';
import type { StepResult } from './simulation-types';

function fakeTimers() {
  let now = 1000;
  let tick: (() => void) | undefined;
  let intervalMs = 0;
  const timers: DriverTimers = {
    nowMs: () => now,
    setInterval(fn, ms) {
      tick = fn;
      intervalMs = ms;
      return 'handle';
    },
    clearInterval: () => (tick = undefined),
  };
  return { timers, advance: (ms: number) => ((now += ms), tick?.()), interval: () => intervalMs, running: () => tick !== undefined };
}

describe('createRealtimeDriver', () => {
  it('advances simulated time at the simulation speed', () => {
    const sim = createSimulation({ seed: 1, settleSeconds: 60, speed: 60, stepSeconds: 5 });
    const fake = fakeTimers();
    const steps: StepResult[] = [];
    const driver = createRealtimeDriver(sim, { onStep: (r) => steps.push(r), timers: fake.timers });
    expect(fake.interval()).toBeCloseTo(83.333, 3);
    fake.advance(30);
    expect(steps).toEqual([]);
    fake.advance(20);
    expect(steps.map((s) => s.timeSeconds)).toEqual([5]);
    fake.advance(30);
    expect(steps).toHaveLength(1);
    fake.advance(1000);
    expect(sim.nowSeconds()).toBe(65);
    expect(steps).toHaveLength(13);
    driver.stop();
    expect(fake.running()).toBe(false);
  });

  it('runs one step per tick when the ticks come a little early or late (steps fall due half a tick before)', () => {
    const sim = createSimulation({ seed: 1, settleSeconds: 60, speed: 60, stepSeconds: 60 });
    const fake = fakeTimers();
    const perTick: number[] = [];
    const driver = createRealtimeDriver(sim, { onStep: () => perTick[perTick.length - 1]++, tickMs: 1000, timers: fake.timers });
    for (const ms of [1000, 990, 1020, 960, 1040, 1000, 1400, 600]) {
      perTick.push(0);
      fake.advance(ms);
    }
    expect(perTick).toEqual([1, 1, 1, 1, 1, 1, 1, 1]);
    driver.stop();
    expect(fake.running()).toBe(false);
  });
});
