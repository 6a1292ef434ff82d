import type { Simulation, StepResult } from './simulation-types';

/** Real-time source; tests inject a fake one and advance it by hand. */
export interface DriverTimers {
  nowMs(): number;
  setInterval(tick: () => void, ms: number): unknown;
  clearInterval(handle: unknown): void;
}

export interface RealtimeDriverSettings {
  onStep(result: StepResult): void;
  /** Real milliseconds between ticks; default one simulated step at the simulation's speed. */
  tickMs?: number;
  timers?: DriverTimers;
}

export interface RealtimeDriver {
  stop(): void;
}

const realTimers: DriverTimers = {
  nowMs: () => performance.now(),
  setInterval(tick, ms) {
    const handle = setInterval(tick, ms);
    // The driver alone must not keep the process alive.
    handle.unref();
    return handle;
  },
  clearInterval: (handle) => clearInterval(handle as NodeJS.Timeout),
};

/**
 * Advances simulated time with real time × speed; each tick runs the steps that became due.
 * Steps fall due half a tick before the tick meant for them: with the ticks exactly on step
 * boundaries, a tick a little early ran no step and the next one two at once (and the demo skips
 * the telemetry of a step that finds the previous export still going).
 */
export function createRealtimeDriver(simulation: Simulation, settings: RealtimeDriverSettings): RealtimeDriver {
  const timers = settings.timers ?? realTimers;
  const { speed, stepSeconds } = simulation.config;
  const startSeconds = simulation.nowSeconds();
  const tickMs = settings.tickMs ?? Math.max(10, (stepSeconds / speed) * 1000);
  const startMs = timers.nowMs() - tickMs / 2;
  const handle = timers.setInterval(() => {
    const target = startSeconds + ((timers.nowMs() - startMs) / 1000) * speed;
    for (const result of simulation.advanceTo(target)) settings.onStep(result);
  }, tickMs);
  return { stop: () => timers.clearInterval(handle) };
}
