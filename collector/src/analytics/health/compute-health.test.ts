import { InMemoryMetricsRegistry, createTwin, defaultTwinModelConfig } from '../../model';
import type { Level, Twin } from '../../model';
import type { SignalAnalysis } from '../live';
import { computeHealth } from './compute-health';
import { defaultHealthOptions } from './health-rules';

const NOW = 1_700_000_000_000;
const FAILED = 'hw.status{hw.state="failed"}';
const OK = 'hw.status{hw.state="ok"}';

/** enterprise > site > room > row > rack > hosts h1, h2; h1 holds a PSU and an inlet sensor. */
function datacenter(): Twin {
  const twin = createTwin(defaultTwinModelConfig(), { clock: { now: () => NOW }, metrics: new InMemoryMetricsRegistry() });
  const chain: [string, string, Level][] = [
    ['enterprise:acme', 'enterprise', 'enterprise'],
    ['site:ams1', 'site', 'asset'],
    ['room:ams1/hall1', 'room', 'asset'],
    ['row:ams1/a', 'row', 'asset'],
    ['rack:ams1/r1', 'rack', 'asset'],
    ['host:h1', 'host', 'asset'],
    ['hw:h1/psu-1', 'hw', 'component'],
  ];
  chain.forEach(([id, type, level], i) => {
    twin.upsertEntity({ id, type, level });
    if (i > 0) twin.upsertRelation(chain[i - 1][0], id, 'contains');
  });
  twin.upsertEntity({ id: 'host:h2', type: 'host', level: 'asset' });
  twin.upsertRelation('rack:ams1/r1', 'host:h2', 'contains');
  twin.upsertEntity({ id: 'hw:h1/inlet', type: 'hw', level: 'component' });
  twin.upsertRelation('host:h1', 'hw:h1/inlet', 'contains');
  twin.recordSignal('hw:h1/inlet', 'hw.temperature', 'Cel', 'gauge', NOW - 10_000, 24.5);
  twin.recordSignal('hw:h1/psu-1', OK, '1', 'gauge', NOW - 10_000, 1);
  twin.recordSignal('hw:h1/psu-1', FAILED, '1', 'gauge', NOW - 10_000, 0);
  return twin;
}

/** frontend calls checkout; both are part_of the purchase flow; checkout contains one instance. */
function shop(checkoutErrors: number): Twin {
  const twin = createTwin(defaultTwinModelConfig(), { clock: { now: () => NOW }, metrics: new InMemoryMetricsRegistry() });
  for (const name of ['frontend', 'checkout']) twin.upsertEntity({ id: `service:${name}`, type: 'service', level: 'system' });
  twin.upsertEntity({ id: 'instance:checkout-1', type: 'instance', level: 'system' });
  twin.upsertEntity({ id: 'flow:purchase', type: 'flow', level: 'process' });
  twin.upsertRelation('service:frontend', 'service:checkout', 'calls');
  twin.upsertRelation('service:checkout', 'instance:checkout-1', 'contains');
  twin.upsertRelation('service:frontend', 'flow:purchase', 'part_of');
  twin.upsertRelation('service:checkout', 'flow:purchase', 'part_of');
  const traffic = (id: string, ratio: number) => {
    twin.recordSignal(id, 'service.requests_per_second', '{request}/s', 'sum', NOW - 10_000, 50);
    twin.recordSignal(id, 'service.error_ratio', '1', 'gauge', NOW - 10_000, ratio);
  };
  traffic('service:frontend', 0.002);
  traffic('service:checkout', checkoutErrors);
  return twin;
}

const none = () => [];
const analyses = (byEntity: Record<string, SignalAnalysis[]>) => (entity: string) => byEntity[entity] ?? [];
const OK_HEALTH = { score: 1, status: 'ok', reasons: [] };
const UNKNOWN = { score: 1, status: 'unknown', reasons: [] };

describe('computeHealth: the hierarchy', () => {
  it('makes a failed PSU failing, its host degraded, and every level above carry a child reason, damped', () => {
    const twin = datacenter();
    twin.recordSignal('hw:h1/psu-1', OK, '1', 'gauge', NOW, 0);
    twin.recordSignal('hw:h1/psu-1', FAILED, '1', 'gauge', NOW, 1);
    const health = computeHealth(twin, none, NOW);
    const cause = 'hw:h1/psu-1: hw.status failed';
    expect(Object.fromEntries(health)).toEqual({
      'hw:h1/psu-1': { score: 0, status: 'failing', reasons: [{ kind: 'hw_status', message: 'hw.status failed', signal: FAILED }] },
      'host:h1': { score: 0.5, status: 'degraded', reasons: [{ kind: 'child', message: 'hw:h1/psu-1 failing: hw.status failed', entity: 'hw:h1/psu-1' }] },
      'rack:ams1/r1': { score: 0.75, status: 'degraded', reasons: [{ kind: 'child', message: `host:h1 degraded: ${cause}`, entity: 'host:h1' }] },
      'row:ams1/a': { score: 0.875, status: 'degraded', reasons: [{ kind: 'child', message: `rack:ams1/r1 degraded: ${cause}`, entity: 'rack:ams1/r1' }] },
      'room:ams1/hall1': { score: 0.9375, status: 'degraded', reasons: [{ kind: 'child', message: `row:ams1/a degraded: ${cause}`, entity: 'row:ams1/a' }] },
      'site:ams1': { score: 0.96875, status: 'degraded', reasons: [{ kind: 'child', message: `room:ams1/hall1 degraded: ${cause}`, entity: 'room:ams1/hall1' }] },
      'enterprise:acme': { score: 0.984375, status: 'degraded', reasons: [{ kind: 'child', message: `site:ams1 degraded: ${cause}`, entity: 'site:ams1' }] },
      // No signal and nothing below: nothing tells.
      'host:h2': UNKNOWN,
      'hw:h1/inlet': UNKNOWN,
    });
  });

  it('reads ok where hw.status says ok, and forgets a hw.status older than the statistics age', () => {
    const twin = datacenter();
    const health = computeHealth(twin, none, NOW);
    expect(health.get('hw:h1/psu-1')).toEqual(OK_HEALTH);
    expect(health.get('host:h1')).toEqual(OK_HEALTH);
    expect(health.get('enterprise:acme')).toEqual(OK_HEALTH);
    twin.recordSignal('hw:h1/psu-1', FAILED, '1', 'gauge', NOW - 10_000, 1);
    expect(computeHealth(twin, none, NOW + 130_000).get('hw:h1/psu-1')).toEqual(UNKNOWN);
  });

  it.each([
    ['in 40 min degraded', 40, { score: 0.5, status: 'degraded' }, { score: 0.75, status: 'degraded' }, { score: 0.875, status: 'degraded' }],
    ['in 10 min failing', 10, { score: 0, status: 'failing' }, { score: 0.5, status: 'degraded' }, { score: 0.75, status: 'degraded' }],
  ])('makes an inlet forecast to cross 27 °C %s, with its host and rack degraded', (_, minutes, inlet, host, rack) => {
    const twin = datacenter();
    const at = NOW + minutes * 60_000;
    const threshold = { limit: 27, direction: 'above' as const, at, earliest: at - 300_000, latest: at + 300_000 };
    const health = computeHealth(twin, analyses({ 'hw:h1/inlet': [{ signal: 'hw.temperature', threshold }] }), NOW);
    const message = `hw.temperature forecast to rise above 27 °C in ${minutes} min`;
    expect(health.get('hw:h1/inlet')).toEqual({ ...inlet, reasons: [{ kind: 'threshold', message, signal: 'hw.temperature' }] });
    expect(health.get('host:h1')).toEqual({
      ...host,
      reasons: [{ kind: 'child', message: `hw:h1/inlet ${inlet.status}: ${message}`, entity: 'hw:h1/inlet' }],
    });
    expect(health.get('rack:ams1/r1')).toEqual({
      ...rack,
      reasons: [{ kind: 'child', message: `host:h1 degraded: hw:h1/inlet: ${message}`, entity: 'host:h1' }],
    });
  });

  it('ignores a threshold not crossed within the horizon and anomalies not flagged or no longer recent', () => {
    const twin = datacenter();
    const health = computeHealth(
      twin,
      analyses({
        'hw:h1/inlet': [
          { signal: 'hw.temperature', threshold: { limit: 27, direction: 'above', earliest: NOW + 600_000 }, anomaly: { t: NOW, score: 0.4, flag: false } },
          { signal: 'hw.fan', anomaly: { t: NOW - 301_000, score: 0.99, flag: true } },
        ],
      }),
      NOW,
    );
    expect(health.get('hw:h1/inlet')).toEqual(OK_HEALTH);
  });

  it('lists reasons worst first and keeps at most maxReasons', () => {
    const twin = datacenter();
    const byEntity = analyses({
      'host:h1': [
        { signal: 'cpu', anomaly: { t: NOW - 60_000, score: 0.9, flag: true } },
        { signal: 'disk', threshold: { limit: 0.1, direction: 'below', at: NOW + 3_600_000 } },
        { signal: 'mem', anomaly: { t: NOW, score: 0.98, flag: true } },
      ],
    });
    twin.recordSignal('hw:h1/psu-1', FAILED, '1', 'gauge', NOW, 1);
    const health = computeHealth(twin, byEntity, NOW, { ...defaultHealthOptions(), maxReasons: 3 });
    expect(health.get('host:h1')).toEqual({
      score: 0.5,
      status: 'degraded',
      reasons: [
        { kind: 'threshold', message: 'disk forecast to fall below 0.1 in 60 min', signal: 'disk' },
        { kind: 'child', message: 'hw:h1/psu-1 failing: hw.status failed', entity: 'hw:h1/psu-1' },
        { kind: 'anomaly', message: 'mem anomalous (score 0.98)', signal: 'mem' },
      ],
    });
  });
});

describe('computeHealth: services, dependencies and process twins', () => {
  it('makes a service with 10 % errors failing, its caller degraded by a dependency, and its flow degraded', () => {
    const health = computeHealth(shop(0.1), none, NOW);
    const cause = 'error ratio 10 % (failing from 5 %)';
    expect(Object.fromEntries(health)).toEqual({
      'service:checkout': { score: 0, status: 'failing', reasons: [{ kind: 'error_ratio', message: cause, signal: 'service.error_ratio' }] },
      'service:frontend': {
        score: 0.5,
        status: 'degraded',
        reasons: [{ kind: 'dependency', message: `depends on service:checkout, failing: ${cause}`, entity: 'service:checkout' }],
      },
      'flow:purchase': {
        score: 0.5,
        status: 'degraded',
        reasons: [
          { kind: 'child', message: `service:checkout failing: ${cause}`, entity: 'service:checkout' },
          { kind: 'child', message: `service:frontend degraded: service:checkout: ${cause}`, entity: 'service:frontend' },
        ],
      },
      'instance:checkout-1': UNKNOWN,
    });
  });

  it.each([
    [0.02, 'degraded', 0.5, 'error ratio 2 % (degraded from 1 %)'],
    [0.009, 'ok', 1, undefined],
  ])('grades an error ratio of %s as %s', (ratio, status, score, message) => {
    const health = computeHealth(shop(ratio), none, NOW);
    const reasons = message === undefined ? [] : [{ kind: 'error_ratio', message, signal: 'service.error_ratio' }];
    expect(health.get('service:checkout')).toEqual({ score, status, reasons });
  });

  it('takes an instance as a child of its service, and stale traffic as no traffic', () => {
    const twin = shop(0.001);
    twin.recordSignal('instance:checkout-1', 'jvm.gc', 's', 'gauge', NOW, 1);
    const anomaly = { t: NOW, score: 0.8, flag: true };
    const health = computeHealth(twin, analyses({ 'instance:checkout-1': [{ signal: 'jvm.gc', anomaly }] }), NOW);
    expect(health.get('instance:checkout-1')).toEqual({ score: 0.6, status: 'degraded', reasons: [{ kind: 'anomaly', message: 'jvm.gc anomalous (score 0.80)', signal: 'jvm.gc' }] });
    expect(health.get('service:checkout')).toEqual({
      score: 0.8,
      status: 'degraded',
      reasons: [{ kind: 'child', message: 'instance:checkout-1 degraded: jvm.gc anomalous (score 0.80)', entity: 'instance:checkout-1' }],
    });
    // Two minutes later the traffic statistics are stale: nothing tells about the services.
    expect(computeHealth(twin, none, NOW + 130_000).get('service:frontend')).toEqual(UNKNOWN);
  });

  it('cuts a cycle of calls where it closes, so a fault does not feed back to itself', () => {
    const twin = shop(0.1);
    twin.upsertRelation('service:checkout', 'service:frontend', 'calls');
    const health = computeHealth(twin, none, NOW);
    expect(health.get('service:checkout')?.reasons.map((r) => r.kind)).toEqual(['error_ratio']);
    expect(health.get('service:frontend')?.score).toBe(0.5);
  });

  it('passes a dependency on along a chain of calls, damped per hop', () => {
    const twin = shop(0.1);
    twin.upsertEntity({ id: 'service:gateway', type: 'service', level: 'system' });
    twin.upsertRelation('service:gateway', 'service:frontend', 'calls');
    expect(computeHealth(twin, none, NOW).get('service:gateway')).toEqual({
      score: 0.75,
      status: 'degraded',
      reasons: [
        { kind: 'dependency', message: 'depends on service:frontend, degraded: service:checkout: error ratio 10 % (failing from 5 %)', entity: 'service:frontend' },
      ],
    });
  });
});
