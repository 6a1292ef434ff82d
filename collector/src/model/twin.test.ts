import { defaultTwinModelConfig } from './config';
import { InMemoryMetricsRegistry } from './metrics-registry';
import { createTwin } from './twin';
import type { TwinModelConfig } from './config';
import type { Twin, TwinChange } from './types';

function setup(change: (c: TwinModelConfig) => void = () => {}) {
  const config = defaultTwinModelConfig();
  change(config);
  let now = 1_000_000;
  const metrics = new InMemoryMetricsRegistry();
  const twin = createTwin(config, { clock: { now: () => now }, metrics });
  const changes: TwinChange[] = [];
  twin.subscribe((c) => changes.push(c));
  return { twin, metrics, changes, advance: (ms: number) => (now += ms) };
}

const kinds = (changes: TwinChange[]) => changes.map((c) => c.kind);

describe('createTwin: entities and relations', () => {
  it('adds, touches and updates entities, streaming only real changes', () => {
    const { twin, changes, advance } = setup();
    expect(twin.upsertEntity({ id: 'host:web-3', type: 'host', level: 'asset', attributes: { 'host.arch': 'amd64' } })).toBe(true);
    advance(5000);
    twin.upsertEntity({ id: 'host:web-3', type: 'host', level: 'asset', attributes: { 'host.arch': 'amd64' } });
    expect(kinds(changes)).toEqual(['entity.added']);
    twin.upsertEntity({ id: 'host:web-3', type: 'host', level: 'asset', attributes: { 'os.type': 'linux' } });
    expect(kinds(changes)).toEqual(['entity.added', 'entity.updated']);
    expect(twin.getEntity('host:web-3')).toEqual({
      id: 'host:web-3',
      type: 'host',
      level: 'asset',
      name: 'web-3',
      attributes: { 'host.arch': 'amd64', 'os.type': 'linux' },
      parent: undefined,
      desired: {},
      firstSeen: 1_000_000,
      lastSeen: 1_005_000,
      signals: [],
      relations: [],
      events: { countsBySeverity: {}, latestErrors: [] },
    });
  });

  it('links entities; contains sets the parent, and removal unwinds it', () => {
    const { twin, changes } = setup();
    twin.upsertEntity({ id: 'host:web-3', type: 'host', level: 'asset' });
    twin.upsertEntity({ id: 'hw:web-3/cpu0', type: 'hw', level: 'component', name: 'cpu0' });
    changes.length = 0;
    expect(twin.upsertRelation('host:web-3', 'hw:web-3/cpu0', 'contains')).toBe(true);
    expect(twin.upsertRelation('host:web-3', 'hw:web-3/cpu0', 'contains')).toBe(true);
    expect(kinds(changes)).toEqual(['relation.added', 'entity.updated']);
    expect(twin.getEntity('hw:web-3/cpu0')?.parent).toBe('host:web-3');
    expect(twin.getEntity('host:web-3')?.relations.map((r) => r.id)).toEqual(['contains:host:web-3->hw:web-3/cpu0']);
    expect(twin.removeRelation('contains:host:web-3->hw:web-3/cpu0')).toBe(true);
    expect(twin.getEntity('hw:web-3/cpu0')?.parent).toBeUndefined();
    twin.upsertRelation('host:web-3', 'hw:web-3/cpu0', 'contains', { weight: 1 });
    twin.recordSignal('host:web-3', 'cpu', '1', 'gauge', 1000, 0.5);
    expect(twin.removeEntity('host:web-3')).toBe(true);
    expect(twin.stats()).toEqual({ entities: 1, relations: 0, signals: 0, historyPoints: 0, dropped: {} });
    expect(twin.getEntity('hw:web-3/cpu0')?.parent).toBeUndefined();
    expect(twin.removeEntity('host:web-3')).toBe(false);
    expect(kinds(changes).slice(-3)).toEqual(['relation.removed', 'entity.updated', 'entity.removed']);
  });

  it('merges relation stats and refuses relations to unknown entities', () => {
    const { twin } = setup();
    twin.upsertEntity({ id: 'service:a', type: 'service', level: 'system' });
    twin.upsertEntity({ id: 'service:b', type: 'service', level: 'system' });
    twin.upsertRelation('service:a', 'service:b', 'calls', { rate: 1, errors: 0 });
    twin.upsertRelation('service:a', 'service:b', 'calls', { rate: 2 });
    expect(twin.topology().edges[0].stats).toEqual({ rate: 2, errors: 0 });
    expect(twin.upsertRelation('service:a', 'service:zzz', 'calls')).toBe(false);
    expect(twin.stats().dropped).toEqual({ relation_unknown_entity: 1 });
  });

  it('lists entities by type, level, name, attributes, with paging', () => {
    const { twin } = setup();
    for (let i = 0; i < 5; i++) {
      twin.upsertEntity({ id: `host:web-${i}`, type: 'host', level: 'asset', attributes: { rack: i % 2 } });
    }
    twin.upsertEntity({ id: 'service:Web', type: 'service', level: 'system' });
    const ids = (f: Parameters<Twin['listEntities']>[0]) => {
      const r = twin.listEntities(f);
      return [r.total, r.items.map((e) => e.id)];
    };
    expect(ids({ type: 'host', offset: 1, limit: 2 })).toEqual([5, ['host:web-1', 'host:web-2']]);
    expect(ids({ level: 'system' })).toEqual([1, ['service:Web']]);
    expect(ids({ name: 'WEB-4' })).toEqual([1, ['host:web-4']]);
    expect(ids({ name: 'web', attributes: { rack: '1' } })).toEqual([2, ['host:web-1', 'host:web-3']]);
  });

  it('keeps desired state', () => {
    const { twin, changes } = setup();
    twin.upsertEntity({ id: 'crac:ams1/c2', type: 'crac', level: 'asset' });
    expect(twin.setDesired('crac:ams1/c2', { supply_setpoint_celsius: 19 })).toBe(true);
    expect(twin.setDesired('crac:nope', { x: 1 })).toBe(false);
    expect(twin.getEntity('crac:ams1/c2')?.desired).toEqual({ supply_setpoint_celsius: 19 });
    expect(kinds(changes)).toEqual(['entity.added', 'entity.updated']);
  });
});

describe('createTwin: signals', () => {
  it('records points, streams the first, and answers history with steps', () => {
    const { twin, changes } = setup();
    twin.upsertEntity({ id: 'host:a', type: 'host', level: 'asset' });
    for (let t = 0; t < 60_000; t += 5000) twin.recordSignal('host:a', 'cpu', '1', 'gauge', t, t / 5000);
    expect(kinds(changes)).toEqual(['entity.added', 'signal.added']);
    expect(twin.getEntity('host:a')?.signals).toEqual([
      { name: 'cpu', unit: '1', kind: 'gauge', latest: { t: 55_000, v: 11 } },
    ]);
    expect(twin.signalHistory({ entity: 'host:a', name: 'cpu', from: 10_000, to: 30_000 })?.points).toEqual([
      { t: 10_000, v: 2.5 },
      { t: 20_000, v: 4.5 },
      { t: 30_000, v: 6.5 },
    ]);
    expect(twin.signalHistory({ entity: 'host:a', name: 'cpu', stepMs: 30_000 })).toEqual({
      entity: 'host:a',
      name: 'cpu',
      unit: '1',
      points: [
        { t: 0, v: 2.5 },
        { t: 30_000, v: 8.5 },
      ],
    });
    expect(twin.signalHistory({ entity: 'host:a', name: 'nope' })).toBeUndefined();
    expect(twin.stats().historyPoints).toBe(6);
  });

  it('refuses non-finite values, unknown entities and stale points', () => {
    const { twin } = setup();
    twin.upsertEntity({ id: 'host:a', type: 'host', level: 'asset' });
    expect(twin.recordSignal('host:a', 'x', '', 'gauge', 100_000, NaN)).toBe(false);
    expect(twin.recordSignal('host:b', 'x', '', 'gauge', 100_000, 1)).toBe(false);
    twin.recordSignal('host:a', 'x', '', 'gauge', 100_000, 1);
    expect(twin.recordSignal('host:a', 'x', '', 'gauge', 50_000, 1)).toBe(false);
    expect(twin.stats().dropped).toEqual({ invalid_value: 1, signal_unknown_entity: 1, signal_out_of_order: 1 });
  });

  it.each([
    ['signal_name_too_long', (c: TwinModelConfig) => (c.limits.maxSignalNameLength = 5), ['abcde', 'abcdef']],
    ['entity_signal_limit', (c: TwinModelConfig) => (c.limits.maxSignalsPerEntity = 2), ['a', 'b', 'c']],
    ['signal_limit', (c: TwinModelConfig) => (c.limits.maxSignals = 2), ['a', 'b', 'c']],
  ])('counts %s', (reason, change, names) => {
    const { twin } = setup(change);
    twin.upsertEntity({ id: 'host:a', type: 'host', level: 'asset' });
    for (const name of names) twin.recordSignal('host:a', name, '', 'gauge', 1000, 1);
    expect(twin.stats().signals).toBe(names.length - 1);
    expect(twin.stats().dropped).toEqual({ [reason]: 1 });
  });
});

describe('createTwin: limits', () => {
  it('keeps at most max_entities of a million distinct services and counts the rest', () => {
    const { twin, metrics } = setup();
    for (let i = 0; i < 1_000_000; i++) {
      twin.upsertEntity({ id: `service:s${i}`, type: 'service', level: 'system' });
    }
    expect(twin.stats().entities).toBe(100_000);
    expect(twin.stats().dropped).toEqual({ entity_limit: 900_000 });
    expect(metrics.get('twinops_twin_dropped_total', { reason: 'entity_limit' })).toBe(900_000);
    expect(metrics.get('twinops_twin_entities')).toBe(100_000);
  });

  it('truncates long attribute values and caps attributes per entity', () => {
    const { twin } = setup((c) => {
      c.limits.maxAttributeValueLength = 4;
      c.limits.maxAttributesPerEntity = 2;
    });
    twin.upsertEntity({ id: 'host:a', type: 'host', level: 'asset', attributes: { a: 'abcdefg', b: 12345678, c: true } });
    expect(twin.getEntity('host:a')?.attributes).toEqual({ a: 'abcd', b: 12345678 });
    expect(twin.stats().dropped).toEqual({ attribute_truncated: 1, attribute_limit: 1 });
  });

  it('caps relations', () => {
    const { twin, metrics } = setup((c) => (c.limits.maxRelations = 1));
    for (const id of ['a', 'b', 'c']) twin.upsertEntity({ id: `service:${id}`, type: 'service', level: 'system' });
    expect(twin.upsertRelation('service:a', 'service:b', 'calls')).toBe(true);
    expect(twin.upsertRelation('service:a', 'service:c', 'calls')).toBe(false);
    expect(twin.stats().dropped).toEqual({ relation_limit: 1 });
    expect(metrics.get('twinops_twin_relations')).toBe(1);
  });
});

describe('createTwin: events', () => {
  const event = (severityNumber: number, message: string, t = 1) => ({
    t,
    severityNumber,
    severityText: '',
    message,
    attributes: {},
  });

  it('counts by severity, keeps the latest WARN+ newest first, and streams them', () => {
    const { twin, changes } = setup((c) => {
      c.limits.maxEventsPerEntity = 2;
      c.limits.maxAttributeValueLength = 8;
    });
    twin.upsertEntity({ id: 'service:a', type: 'service', level: 'system' });
    twin.addEvent('service:a', event(9, 'hello'));
    twin.addEvent('service:a', event(13, 'disk almost full', 2));
    twin.addEvent('service:a', event(17, 'boom', 3));
    twin.addEvent('service:a', event(21, 'dead', 4));
    twin.addEvent('service:a', { ...event(0, 'x'), severityText: 'Warning' });
    expect(twin.addEvent('service:zzz', event(17, 'lost'))).toBe(false);
    const events = twin.getEntity('service:a')?.events;
    expect(events?.countsBySeverity).toEqual({ INFO: 1, WARN: 2, ERROR: 1, FATAL: 1 });
    expect(events?.latestErrors.map((e) => e.message)).toEqual(['x', 'dead']);
    expect(kinds(changes).filter((k) => k === 'event.added')).toHaveLength(4);
    expect(twin.stats().dropped).toEqual({ attribute_truncated: 1, event_evicted: 2, event_unknown_entity: 1 });
  });
});

describe('createTwin: subscribers', () => {
  it('survives a subscriber that throws, and unsubscribes', () => {
    const { twin, metrics, changes } = setup();
    const unsubscribe = twin.subscribe(() => {
      throw new Error('bad listener');
    });
    expect(twin.upsertEntity({ id: 'host:a', type: 'host', level: 'asset' })).toBe(true);
    expect(metrics.get('twinops_twin_subscriber_errors_total')).toBe(1);
    unsubscribe();
    twin.upsertEntity({ id: 'host:b', type: 'host', level: 'asset' });
    expect(metrics.get('twinops_twin_subscriber_errors_total')).toBe(1);
    expect(kinds(changes)).toEqual(['entity.added', 'entity.added']);
  });
});
