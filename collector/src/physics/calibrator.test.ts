import { InMemoryMetricsRegistry, createTwin, defaultTwinModelConfig } from '../model';
import { createCalibrator } from './calibrator';
import type { CalibratorTimers } from './calibrator';

const T0 = 1_700_000_000_000;

function manualTimers() {
  const timers = { callback: undefined as (() => void) | undefined, ms: 0, cleared: 0 };
  const api: CalibratorTimers = {
    setInterval: (callback, ms) => {
      timers.callback = callback;
      timers.ms = ms;
      return 1;
    },
    clearInterval: () => void (timers.cleared += 1),
  };
  return { timers, api };
}

describe('the calibrator', () => {
  function setup() {
    let now = T0;
    const clock = { now: () => now };
    const metrics = new InMemoryMetricsRegistry();
    const twin = createTwin(defaultTwinModelConfig(), { clock, metrics: new InMemoryMetricsRegistry() });
    twin.upsertEntity({ id: 'room:dc/a', type: 'room', level: 'asset' });
    twin.upsertEntity({ id: 'rack:dc/r1', type: 'rack', level: 'asset' });
    twin.upsertEntity({ id: 'host:h1', type: 'host', level: 'asset', attributes: { idle_power_watts: 100, peak_power_watts: 300 } });
    twin.upsertRelation('room:dc/a', 'rack:dc/r1', 'contains');
    twin.upsertRelation('rack:dc/r1', 'host:h1', 'contains');
    for (let k = 0; k < 30; k++) {
      twin.recordSignal('host:h1', 'hw.host.power', 'W', 'gauge', T0 + k * 10_000, 150);
      twin.recordSignal('host:h1', 'system.cpu.utilization', '1', 'gauge', T0 + k * 10_000, 0.25);
    }
    const { timers, api } = manualTimers();
    const calibrator = createCalibrator(twin, { clock, metrics, intervalSeconds: 60, windowSeconds: 600, timers: api });
    return { calibrator, metrics, timers, advance: (ms: number) => (now += ms) };
  }

  it('fits on first use, again once the interval has passed, and on its timer', () => {
    const { calibrator, metrics, timers, advance } = setup();
    expect(timers.ms).toBe(60_000);
    const first = calibrator.latest();
    expect(first?.at).toBe(T0);
    expect(first?.servers.map((s) => [s.id, s.rackId, s.roomId, s.powerWatts])).toEqual([['host:h1', 'rack:dc/r1', 'room:dc/a', 150]]);
    advance(30_000);
    expect(calibrator.latest()).toBe(first);
    advance(30_000);
    expect(calibrator.latest()?.at).toBe(T0 + 60_000);
    advance(60_000);
    timers.callback?.();
    expect(calibrator.latest()?.at).toBe(T0 + 120_000);
    expect(metrics.get('twinops_physics_calibrations_total', { outcome: 'ok' })).toBe(3);
    expect(metrics.get('twinops_physics_servers', {})).toBe(1);
    expect(calibrator.refit(T0 + 5).at).toBe(T0 + 5);
  });

  it('stops its timer once, and no longer refits on its own after stop', () => {
    const { calibrator, timers, advance } = setup();
    calibrator.stop();
    calibrator.stop();
    expect(timers.cleared).toBe(1);
    advance(120_000);
    expect(calibrator.latest()).toBeUndefined();
  });
});
