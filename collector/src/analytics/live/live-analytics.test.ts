import { createTwin, defaultTwinModelConfig, InMemoryMetricsRegistry } from '../../model';
import type { Logger, Twin } from '../../model';
import { defaultLiveAnalyticsConfig } from './config';
import { createLiveAnalytics } from './live-analytics';
import type { LiveAnalyticsConfig } from './config';
import type { HealthFunction, LiveAnalyticsSettings } from './live-analytics';

const T0 = Date.UTC(2025, 0, 1);
const MIN = 60_000;
const logger: Logger = { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} };

function setup(patch: (c: LiveAnalyticsConfig) => void = () => {}, health?: HealthFunction) {
  let now = T0;
  const metrics = new InMemoryMetricsRegistry();
  const twinConfig = defaultTwinModelConfig();
  twinConfig.history.retentionSeconds = 6 * 3600;
  const twin: Twin = createTwin(twinConfig, { clock: { now: () => now }, metrics });
  const config = defaultLiveAnalyticsConfig();
  config.anomaly.warmupPoints = 50;
  patch(config);
  const settings: LiveAnalyticsSettings = { twin, clock: { now: () => now }, metrics, logger, ...(health ? { health } : {}) };
  const live = createLiveAnalytics(config, settings);
  const host = (id: string) => twin.upsertEntity({ id, type: id.split(':')[0], level: 'asset' });
  const record = (entity: string, signal: string, t: number, v: number, unit = 'Cel') => {
    now = Math.max(now, t);
    twin.recordSignal(entity, signal, unit, 'gauge', t, v);
  };
  return { twin, live, metrics, host, record, setNow: (t: number) => (now = t), config };
}

/** A small deterministic wobble: the same series on every run. */
const wobble = (i: number) => 0.3 * Math.sin(i * 1.7) + 0.2 * Math.sin(i * 0.31);

describe('createLiveAnalytics', () => {
  it('feeds only closed buckets, once each, and only signals the globs match', () => {
    const { live, host, record } = setup();
    host('host:a');
    record('host:a', 'system.cpu.utilization', T0, 0.1, '1');
    record('host:a', 'process.count', T0, 3, '1');
    record('host:a', 'system.cpu.utilization', T0 + 10_000, 0.2, '1');
    record('host:a', 'system.cpu.utilization', T0 + 20_000, 0.3, '1');
    live.tick(T0 + 25_000);
    expect(live.analysisOf('host:a')).toEqual([{ signal: 'system.cpu.utilization', anomaly: { t: T0 + 10_000, score: 0, flag: false } }]);
    live.tick(T0 + 28_000);
    expect(live.analysisOf('host:a')[0].anomaly?.t).toBe(T0 + 10_000);
    // The open bucket took a second sample; it closes when the next bucket appears.
    record('host:a', 'system.cpu.utilization', T0 + 25_000, 0.5, '1');
    record('host:a', 'system.cpu.utilization', T0 + 30_000, 0.4, '1');
    live.tick(T0 + 31_000);
    expect(live.analysisOf('host:a')[0].anomaly?.t).toBe(T0 + 20_000);
    expect(live.analysisOf('host:b')).toEqual([]);
  });

  it('flags a step change and logs it, newest first', () => {
    const { live, host, record } = setup();
    host('host:a');
    for (let i = 0; i < 300; i++) record('host:a', 'hw.temperature', T0 + i * 10_000, 22 + wobble(i) + (i >= 200 ? 5 : 0));
    live.tick(T0 + 3000_000);
    const events = live.anomalies({ from: 0, to: Number.MAX_SAFE_INTEGER, limit: 100 });
    expect(events.at(-1)).toEqual({ entity: 'host:a', signal: 'hw.temperature', t: T0 + 200 * 10_000, score: 1, value: 22 + wobble(200) + 5 });
    expect(live.anomalies({ from: 0, to: T0 + 199 * 10_000, limit: 100 })).toEqual([]);
    expect(live.anomalies({ from: 0, to: Number.MAX_SAFE_INTEGER, entity: 'host:b', limit: 100 })).toEqual([]);
    expect(events.map((e) => e.t)).toEqual([...events.map((e) => e.t)].sort((a, b) => b - a));
  });

  it('forecasts when a linear rise crosses the inlet limit, within one step of the analytic time', () => {
    const { live, host, record, metrics } = setup();
    host('hw:h1/h1-inlet');
    host('hw:h1/h1-cpu');
    // 20 °C rising 0.002 °C/s: 27 °C at 3500 s.
    const value = (s: number) => 20 + 0.002 * s;
    for (let s = 0; s <= 2700; s += 10) {
      record('hw:h1/h1-inlet', 'hw.temperature', T0 + s * 1000, value(s));
      record('hw:h1/h1-cpu', 'hw.temperature', T0 + s * 1000, value(s));
    }
    const now = T0 + 2705_000;
    live.tick(now);
    const [inlet] = live.analysisOf('hw:h1/h1-inlet');
    const crossing = inlet.threshold;
    expect(crossing?.limit).toBe(27);
    expect(crossing?.direction).toBe('above');
    expect(Math.abs((crossing?.at ?? 0) - (T0 + 3500_000))).toBeLessThanOrEqual(MIN);
    expect(live.analysisOf('hw:h1/h1-cpu')[0].threshold).toBeUndefined();
    expect(metrics.get('twinops_forecast_time_to_threshold_seconds', { entity: 'hw:h1/h1-inlet', signal: 'hw.temperature', limit: '27' })).toBe(
      ((crossing?.at ?? 0) - now) / 1000,
    );
    const f = live.forecast('hw:h1/h1-inlet', 'hw.temperature', 10 * MIN);
    expect(f?.points.length).toBe(10);
    expect(f?.stepMs).toBe(MIN);
    expect(f?.unit).toBe('Cel');
    // Bucket 2700 s is still open, so step 44 (2640..2690 s) is not complete: step 43 is the last.
    expect(f?.points[0].t).toBe(T0 + 44 * MIN);
    // A step's mean is the line at its start + 25 s (buckets at +0..+50 s); the line is continued.
    expect(f?.points[0].v).toBeCloseTo(value(2640 + 25), 2);
    expect(f?.threshold).toEqual(crossing);
  });

  it('removes the time-to-threshold series when no crossing is forecast', () => {
    const { live, host, record, metrics } = setup((c) => (c.forecast.thresholdHorizonSeconds = 600));
    host('hw:h1/h1-inlet');
    for (let s = 0; s <= 2700; s += 10) record('hw:h1/h1-inlet', 'hw.temperature', T0 + s * 1000, 20 + 0.002 * s);
    live.tick(T0 + 2705_000);
    const labels = { entity: 'hw:h1/h1-inlet', signal: 'hw.temperature', limit: '27' };
    expect(metrics.has('twinops_forecast_time_to_threshold_seconds', labels)).toBe(false);
    expect(live.analysisOf('hw:h1/h1-inlet')[0].threshold).toEqual({ limit: 27, direction: 'above' });
  });

  it('respects max_signals and max_refits_per_tick', () => {
    const { live, host, record, metrics } = setup((c) => {
      c.maxSignals = 2;
      c.forecast.maxRefitsPerTick = 1;
      c.forecast.minHistoryPoints = 5;
    });
    for (const id of ['host:a', 'host:b', 'host:c']) host(id);
    for (let s = 0; s <= 600; s += 10) for (const id of ['host:a', 'host:b', 'host:c']) record(id, 'system.cpu.utilization', T0 + s * 1000, 0.5, '1');
    live.tick(T0 + 605_000);
    expect(metrics.get('twinops_live_signals')).toBe(2);
    expect(metrics.get('twinops_live_signals_skipped_total')).toBe(1);
    expect(live.analysisOf('host:c')).toEqual([]);
    expect([metrics.get('twinops_live_refits_total'), metrics.get('twinops_live_refits_pending')]).toEqual([1, 1]);
    live.tick(T0 + 606_000);
    expect([metrics.get('twinops_live_refits_total'), metrics.get('twinops_live_refits_pending')]).toEqual([2, 0]);
  });

  it('primes with history older than the twin, then goes on live', () => {
    const { live, host, record } = setup();
    host('host:a');
    const start = T0 + 3600_000;
    for (let s = 0; s <= 30; s += 10) record('host:a', 'system.memory.utilization', start + s * 1000, 0.5, '1');
    // One point a minute for an hour before, plus points the twin holds already (ignored).
    const points = Array.from({ length: 62 }, (_, i) => ({ t: T0 + i * MIN, v: 0.4 + 0.001 * i }));
    live.prime([{ entity: 'host:a', signal: 'system.memory.utilization', points }]);
    expect(live.analysisOf('host:a')[0].anomaly?.t).toBe(T0 + 59 * MIN);
    live.tick(start + 35_000);
    expect(live.analysisOf('host:a')[0].anomaly?.t).toBe(start + 20_000);
    const f = live.forecast('host:a', 'system.memory.utilization', 5 * MIN);
    expect(f?.points.map((p) => p.t)).toEqual([1, 2, 3, 4, 5].map((k) => T0 + 59 * MIN + k * MIN));
    expect(live.forecast('host:a', 'nothing', 5 * MIN)).toBeUndefined();
  });

  it('sets the /metrics series with their labels and drops them with the entity', () => {
    const health: HealthFunction = (_twin, analysisOf) =>
      new Map([['host:a', { score: analysisOf('host:a').length === 1 ? 0.75 : 0, status: 'degraded', reasons: [] }]]);
    const { live, host, record, metrics, twin } = setup((c) => (c.forecast.minHistoryPoints = 5), health);
    host('host:a');
    for (let s = 0; s <= 600; s += 10) record('host:a', 'system.cpu.utilization', T0 + s * 1000, 0.5, '1');
    live.tick(T0 + 605_000);
    const signal = { entity: 'host:a', signal: 'system.cpu.utilization' };
    expect(metrics.has('twinops_anomaly_score', signal)).toBe(true);
    expect(metrics.get('twinops_forecast_value', { ...signal, horizon: '900' })).toBeCloseTo(0.5, 9);
    expect(metrics.get('twinops_forecast_value', { ...signal, horizon: '3600' })).toBeCloseTo(0.5, 9);
    expect(metrics.get('twinops_entity_health', { entity: 'host:a', type: 'host' })).toBe(0.75);
    expect(live.health('host:a')).toEqual({ score: 0.75, status: 'degraded', reasons: [] });
    expect(metrics.get('twinops_live_tick_duration_seconds_count')).toBe(1);
    twin.removeEntity('host:a');
    expect(metrics.has('twinops_anomaly_score', signal)).toBe(false);
    expect(metrics.has('twinops_forecast_value', { ...signal, horizon: '900' })).toBe(false);
    expect(metrics.get('twinops_live_signals')).toBe(0);
  });

  it('finds signals the twin held before it was created, and stops listening on stop', () => {
    let now = T0;
    const metrics = new InMemoryMetricsRegistry();
    const twin = createTwin(defaultTwinModelConfig(), { clock: { now: () => now }, metrics });
    twin.upsertEntity({ id: 'host:a', type: 'host', level: 'asset' });
    twin.recordSignal('host:a', 'hw.host.power', 'W', 'gauge', T0, 100);
    const live = createLiveAnalytics(defaultLiveAnalyticsConfig(), { twin, clock: { now: () => now }, metrics, logger });
    expect(metrics.get('twinops_live_signals')).toBe(1);
    live.stop();
    now += 1000;
    twin.recordSignal('host:a', 'hw.temperature', 'Cel', 'gauge', now, 20);
    expect(metrics.get('twinops_live_signals')).toBe(1);
    live.start();
    expect(metrics.get('twinops_live_signals')).toBe(2);
    live.stop();
  });
});
