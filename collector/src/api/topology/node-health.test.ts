import { createShopTwin, RECENT } from '../test-support/shop-twin';
import { NOW } from '../test-support/test-app';
import { hardwareHealth, trafficHealth } from './node-health';

describe('trafficHealth', () => {
  it.each([
    [{ requests_per_second: 10, error_ratio: 0 }, { status: 'ok', score: 1 }],
    [{ requests_per_second: 10, error_ratio: 0.0099 }, { status: 'ok', score: 0.9901 }],
    [{ requests_per_second: 10, error_ratio: 0.01 }, { status: 'degraded', score: 0.99 }],
    [{ requests_per_second: 10, error_ratio: 0.0499 }, { status: 'degraded', score: 0.9501 }],
    [{ requests_per_second: 10, error_ratio: 0.05 }, { status: 'failing', score: 0.95 }],
    [{ requests_per_second: 10, error_ratio: 1 }, { status: 'failing', score: 0 }],
    [{ requests_per_second: 0, error_ratio: 0 }, { status: 'unknown' }],
    [{ error_ratio: 0.5 }, { status: 'unknown' }],
    [{ requests_per_second: 10 }, { status: 'unknown' }],
    [{ requests_per_second: 10, error_ratio: Number.NaN }, { status: 'unknown' }],
  ])('%j is %j', (stats, health) => {
    expect(trafficHealth(stats)).toEqual(health);
  });
});

describe('hardwareHealth', () => {
  const moment = { atMs: NOW, maxAgeMs: 120_000, present: true };

  function psuWith(states: Record<string, number>, at = RECENT) {
    const { twin } = createShopTwin();
    for (const [state, value] of Object.entries(states)) {
      twin.recordSignal('hw:web-3/psu0', `hw.status{hw.state="${state}",hw.type="power_supply"}`, '1', 'sum', at, value);
    }
    const node = twin.topology().nodes.find((n) => n.id === 'hw:web-3/psu0');
    return hardwareHealth(twin, node!, moment);
  }

  it.each([
    [{}, { status: 'unknown' }],
    [{ ok: 1, failed: 0 }, { status: 'ok', score: 1 }],
    [{ ok: 0, degraded: 1 }, { status: 'degraded', score: 0.5 }],
    [{ ok: 0, predicted_failure: 1 }, { status: 'degraded', score: 0.5 }],
    [{ ok: 1, needs_cleaning: 1 }, { status: 'degraded', score: 0.5 }],
    [{ ok: 0, degraded: 1, failed: 1 }, { status: 'failing', score: 0 }],
    [{ ok: 0, failed: 0 }, { status: 'unknown' }],
    [{ melted: 1 }, { status: 'unknown' }],
  ])('states %j give %j', (states, health) => {
    expect(psuWith(states)).toEqual(health);
  });

  it('is unknown when the status is older than the maximum age', () => {
    expect(psuWith({ failed: 1 }, NOW - 120_001)).toEqual({ status: 'unknown' });
    expect(psuWith({ failed: 1 }, NOW - 120_000)).toEqual({ status: 'failing', score: 0 });
  });
});
