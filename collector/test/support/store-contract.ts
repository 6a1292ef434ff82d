/**
 * The behaviour every TwinStore backend shares, as a Jest suite: `describeTwinStoreContract`
 * is called from a backend's own test file (sqlite-store.test.ts, postgres-store.test.ts). It
 * covers single-collector semantics only: with one collector, merged values are its own.
 *
 * Orders the contract fixes: loadState and changesSince list entities, relations and events by
 * id, signals by (entity, name), points oldest first; snapshots list rollups by (entity, signal,
 * stepMs, t), objects by (kind, id), audit records by seq and saved scenarios by name.
 */
import type { Entity, EventState, Relation, SignalState, TwinDelta } from '../../src/model';
import { defaultStoreConfig } from '../../src/store/config';
import type { StoreConfig } from '../../src/store/config';
import type { StoreSettings } from '../../src/store/store-settings';
import type { TwinSnapshot, TwinStore } from '../../src/store/twin-store';

/** Opens a store on an EMPTY database (each call a fresh one); the contract closes it. */
export type OpenStoreForContract = (config: StoreConfig, settings: StoreSettings) => Promise<TwinStore>;

const S = 1000;
/** A multiple of ten minutes, so every rollup bucket of the contract config starts on it. */
export const T0 = 1_700_000_400_000;

/** cpu.* keeps raw points an hour, minute buckets two hours and ten-minute buckets a day; disk.io raw ten minutes. */
export function contractStoreConfig(): StoreConfig {
  const config = defaultStoreConfig();
  config.flushIntervalSeconds = 5;
  config.retention = [
    {
      signals: 'cpu.*',
      rawSeconds: 3600,
      rollups: [
        { stepSeconds: 60, keepSeconds: 7200 },
        { stepSeconds: 600, keepSeconds: 86_400 },
      ],
    },
    { signals: 'disk.io', rawSeconds: 600, rollups: [] },
  ];
  return config;
}

export function entity(id: string, over: Partial<Entity> = {}): Entity {
  const [type, name] = id.split(':');
  return { id, type, level: 'system', name, attributes: {}, parent: undefined, desired: {}, firstSeen: T0, lastSeen: T0, ...over };
}

export function relation(type: Relation['type'], from: string, to: string, stats: Record<string, number> = {}): Relation {
  return { id: `${type}:${from}->${to}`, from, to, type, stats, firstSeen: T0, lastSeen: T0 };
}

export function signal(entityId: string, name: string, values: [number, number][], unit = '1', kind = 'gauge'): SignalState {
  return { entity: entityId, name, unit, kind, points: values.map(([t, v]) => ({ t, v })) };
}

export function delta(over: Partial<TwinDelta>): TwinDelta {
  return { entities: [], relations: [], signals: [], events: [], removedEntities: [], removedRelations: [], ...over };
}

/** Points every ten seconds from T0: value i at T0 + 10 s x i. */
export function ramp(count: number, from = 0): [number, number][] {
  return Array.from({ length: count }, (_, i) => [T0 + (from + i) * 10 * S, from + i]);
}

const host = entity('host:web-1', {
  type: 'host',
  level: 'asset',
  attributes: { 'host.name': 'web-1', cores: 8, spot: false },
  parent: 'rack:r1',
  lastSeen: T0 + 10 * S,
});
const checkout = entity('service:checkout', { desired: { replicas: 3 } });
const frontend = entity('service:frontend');
const rack = entity('rack:r1', { level: 'asset' });
const calls = relation('calls', 'service:frontend', 'service:checkout', { requests_per_second: 2, p99_seconds: 0.25 });
const runsOn = relation('runs_on', 'service:checkout', 'host:web-1');
const hostEvents: EventState = {
  entity: 'host:web-1',
  countsBySeverity: { INFO: 4, ERROR: 1 },
  latestErrors: [{ t: T0, severityNumber: 17, severityText: 'ERROR', message: 'disk full', attributes: { 'disk.device': 'sda' } }],
};

function fullDelta(): TwinDelta {
  return delta({
    entities: [host, checkout, frontend, rack],
    relations: [calls, runsOn],
    signals: [signal('host:web-1', 'cpu.util', ramp(3), '1'), signal('service:checkout', 'http.rate', [[T0, 5]], '{request}/s', 'sum')],
    events: [hostEvents],
  });
}

export function describeTwinStoreContract(name: string, open: OpenStoreForContract): void {
  describe(`${name}: TwinStore contract`, () => {
    let now = T0;
    const settings: StoreSettings = { clock: { now: () => now }, resolutionMs: 10 * S, collectorId: 'contract' };
    const opened: TwinStore[] = [];
    async function fresh(config = contractStoreConfig()): Promise<TwinStore> {
      const store = await open(config, settings);
      opened.push(store);
      return store;
    }
    beforeEach(() => {
      now = T0;
    });
    afterEach(async () => {
      for (const store of opened.splice(0)) await store.close();
    });

    describe('state', () => {
      it('starts empty, at schema version 1 or later', async () => {
        const store = await fresh();
        expect(await store.loadState(0)).toEqual({ entities: [], relations: [], signals: [], events: [] });
        expect(store.schemaVersion).toBeGreaterThanOrEqual(1);
        expect(store.description).not.toBe('');
      });

      it('gives back what was written, in the contract order', async () => {
        const store = await fresh();
        await store.writeDelta(fullDelta());
        expect(await store.loadState(0)).toEqual({
          entities: [host, rack, checkout, frontend],
          relations: [calls, runsOn],
          signals: [signal('host:web-1', 'cpu.util', ramp(3)), signal('service:checkout', 'http.rate', [[T0, 5]], '{request}/s', 'sum')],
          events: [hostEvents],
        });
      });

      it('restores only points at or after pointsSinceMs, keeping every signal', async () => {
        const store = await fresh();
        await store.writeDelta(fullDelta());
        const state = await store.loadState(T0 + 10 * S);
        expect(state.signals).toEqual([signal('host:web-1', 'cpu.util', ramp(2, 1)), signal('service:checkout', 'http.rate', [], '{request}/s', 'sum')]);
      });

      it('merges attributes, keeps the first firstSeen and the last lastSeen, replaces the rest', async () => {
        const store = await fresh();
        await store.writeDelta(fullDelta());
        const later = entity('host:web-1', {
          type: 'vm',
          level: 'component',
          name: 'web one',
          attributes: { cores: 16, zone: 'b' },
          parent: undefined,
          desired: { power: 'on' },
          firstSeen: T0 + 60 * S,
          lastSeen: T0 + 70 * S,
        });
        await store.writeDelta(delta({ entities: [later] }));
        const older = entity('host:web-1', { ...later, firstSeen: T0 - 60 * S, lastSeen: T0 - 50 * S });
        await store.writeDelta(delta({ entities: [older] }));
        const state = await store.loadState(0);
        expect(state.entities[0]).toEqual({
          ...later,
          attributes: { 'host.name': 'web-1', cores: 16, spot: false, zone: 'b' },
          firstSeen: T0 - 60 * S,
          lastSeen: T0 + 70 * S,
        });
      });

      it('replaces a point written again for the same bucket, and the signal unit and kind', async () => {
        const store = await fresh();
        await store.writeDelta(delta({ signals: [signal('host:web-1', 'cpu.util', [[T0, 1], [T0 + 10 * S, 2]])] }));
        await store.writeDelta(delta({ signals: [signal('host:web-1', 'cpu.util', [[T0 + 10 * S, 2.5], [T0 + 20 * S, 3]], '%', 'sum')] }));
        expect((await store.loadState(0)).signals).toEqual([
          signal('host:web-1', 'cpu.util', [[T0, 1], [T0 + 10 * S, 2.5], [T0 + 20 * S, 3]], '%', 'sum'),
        ]);
      });

      it('replaces relation stats and event summaries', async () => {
        const store = await fresh();
        await store.writeDelta(fullDelta());
        const busier = { ...calls, stats: { requests_per_second: 7 }, lastSeen: T0 + 30 * S };
        const events: EventState = { entity: 'host:web-1', countsBySeverity: { INFO: 5 }, latestErrors: [] };
        await store.writeDelta(delta({ relations: [busier], events: [events] }));
        const state = await store.loadState(0);
        expect(state.relations).toEqual([busier, runsOn]);
        expect(state.events).toEqual([events]);
      });

      it('removes an entity with its relations, signals, points and events', async () => {
        const store = await fresh();
        await store.writeDelta(fullDelta());
        await store.writeDelta(delta({ removedEntities: ['host:web-1'] }));
        expect(await store.loadState(0)).toEqual({
          entities: [rack, checkout, frontend],
          relations: [calls],
          signals: [signal('service:checkout', 'http.rate', [[T0, 5]], '{request}/s', 'sum')],
          events: [],
        });
        expect(await store.querySignal({ entity: 'host:web-1', name: 'cpu.util', from: 0, to: T0 + 3600 * S })).toEqual([]);
      });

      it('removes a relation by id, and ignores unknown removals', async () => {
        const store = await fresh();
        await store.writeDelta(fullDelta());
        await store.writeDelta(delta({ removedRelations: [calls.id, 'calls:a->b'], removedEntities: ['nothing:here'] }));
        expect((await store.loadState(0)).relations).toEqual([runsOn]);
      });

      it('applies removals before upserts, so an entity removed and seen again in one delta stays', async () => {
        const store = await fresh();
        await store.writeDelta(fullDelta());
        const again = entity('host:web-1', { firstSeen: T0 + 90 * S, lastSeen: T0 + 90 * S });
        await store.writeDelta(delta({ removedEntities: ['host:web-1'], entities: [again] }));
        const state = await store.loadState(0);
        expect(state.entities.find((e) => e.id === 'host:web-1')).toEqual(again);
        expect(state.signals.map((s) => s.name)).toEqual(['http.rate']);
      });
    });

    describe('changesSince', () => {
      it('gives everything first, then at least what changed, with removals', async () => {
        const store = await fresh();
        await store.writeDelta(fullDelta());
        const first = await store.changesSince(undefined, T0 + 10 * S);
        expect(first.delta.entities).toEqual([host, rack, checkout, frontend]);
        expect(first.delta.relations).toEqual([calls, runsOn]);
        expect(first.delta.signals).toEqual([signal('host:web-1', 'cpu.util', ramp(2, 1)), signal('service:checkout', 'http.rate', [], '{request}/s', 'sum')]);
        expect(first.delta.events).toEqual([hostEvents]);
        expect(first.delta.removedEntities).toEqual([]);
        expect(typeof first.cursor).toBe('string');

        const renamed = { ...frontend, name: 'web front', lastSeen: T0 + 40 * S };
        await store.writeDelta(delta({ entities: [renamed], removedEntities: ['rack:r1'], removedRelations: [runsOn.id] }));
        const next = await store.changesSince(first.cursor, 0);
        expect(next.delta.entities).toContainEqual(renamed);
        expect(next.delta.entities.map((e) => e.id)).not.toContain('rack:r1');
        expect(next.delta.removedEntities).toContain('rack:r1');
        expect(next.delta.removedRelations).toContain(runsOn.id);
      });
    });

    describe('querySignal', () => {
      it('reads raw points in [from, to], oldest first, averaging per step when asked', async () => {
        const store = await fresh();
        await store.writeDelta(delta({ signals: [signal('host:web-1', 'cpu.util', ramp(12))] }));
        now = T0 + 120 * S;
        const query = { entity: 'host:web-1', name: 'cpu.util', from: T0 + 20 * S, to: T0 + 50 * S };
        expect(await store.querySignal(query)).toEqual(ramp(4, 2).map(([t, v]) => ({ t, v })));
        expect(await store.querySignal({ ...query, from: T0, to: T0 + 110 * S, stepMs: 30 * S })).toEqual([
          { t: T0, v: 1 },
          { t: T0 + 30 * S, v: 4 },
          { t: T0 + 60 * S, v: 7 },
          { t: T0 + 90 * S, v: 10 },
        ]);
        expect(await store.querySignal({ ...query, name: 'cpu.none' })).toEqual([]);
      });

      it('reads the finest rollup whose keep covers the range once raw points are gone', async () => {
        const store = await fresh();
        await store.writeDelta(delta({ signals: [signal('host:web-1', 'cpu.util', ramp(12))] }));
        await store.maintain(T0 + 615 * S);
        now = T0 + 3625 * S;
        await store.maintain(now);
        const range = { entity: 'host:web-1', name: 'cpu.util', from: T0, to: T0 + 119 * S };
        expect(await store.querySignal(range)).toEqual([
          { t: T0, v: 2.5 },
          { t: T0 + 60 * S, v: 8.5 },
        ]);
        expect(await store.querySignal({ ...range, stepMs: 120 * S })).toEqual([{ t: T0, v: 5.5 }]);
        // A rollup bucket counts when it overlaps the range.
        expect(await store.querySignal({ ...range, from: T0 + 20 * S, to: T0 + 60 * S })).toEqual([
          { t: T0, v: 2.5 },
          { t: T0 + 60 * S, v: 8.5 },
        ]);
        now = T0 + 7261 * S;
        expect(await store.querySignal(range)).toEqual([{ t: T0, v: 5.5 }]);
      });
    });

    describe('maintain', () => {
      it('rolls up closed buckets once, finest from raw points, coarser from the finer rollup', async () => {
        const store = await fresh();
        await store.writeDelta(delta({ signals: [signal('host:web-1', 'cpu.util', ramp(12))] }));
        // Minute buckets close 15 s (a flush plus a raw bucket) after they end.
        expect(await store.maintain(T0 + 134 * S)).toEqual({ rolledUp: 1, rawDeleted: 0, rollupsDeleted: 0 });
        expect(await store.maintain(T0 + 135 * S)).toEqual({ rolledUp: 1, rawDeleted: 0, rollupsDeleted: 0 });
        expect(await store.maintain(T0 + 135 * S)).toEqual({ rolledUp: 0, rawDeleted: 0, rollupsDeleted: 0 });
        expect(await store.maintain(T0 + 615 * S)).toEqual({ rolledUp: 1, rawDeleted: 0, rollupsDeleted: 0 });
        const snapshot = await store.exportSnapshot();
        expect(snapshot.rollups).toEqual([
          { entity: 'host:web-1', signal: 'cpu.util', stepMs: 60 * S, t: T0, avg: 2.5, min: 0, max: 5, count: 6 },
          { entity: 'host:web-1', signal: 'cpu.util', stepMs: 60 * S, t: T0 + 60 * S, avg: 8.5, min: 6, max: 11, count: 6 },
          { entity: 'host:web-1', signal: 'cpu.util', stepMs: 600 * S, t: T0, avg: 5.5, min: 0, max: 11, count: 12 },
        ]);
      });

      it('deletes raw points beyond raw_seconds and rollups beyond keep_seconds, per class', async () => {
        const store = await fresh();
        await store.writeDelta(
          delta({
            signals: [signal('host:web-1', 'cpu.util', ramp(12)), signal('host:web-1', 'disk.io', ramp(12)), signal('host:web-1', 'queue.depth', ramp(12))],
          }),
        );
        // disk.io keeps raw ten minutes: points before T0 + 25 s go (t = 0, 10, 20 s).
        expect(await store.maintain(T0 + 625 * S)).toEqual({ rolledUp: 3, rawDeleted: 3, rollupsDeleted: 0 });
        // cpu.util keeps raw an hour, queue.depth (no class) two days.
        expect(await store.maintain(T0 + 3625 * S)).toEqual({ rolledUp: 0, rawDeleted: 12, rollupsDeleted: 0 });
        expect(await store.maintain(T0 + 7261 * S)).toEqual({ rolledUp: 0, rawDeleted: 9, rollupsDeleted: 2 });
        expect(await store.maintain(T0 + 86_401 * S)).toEqual({ rolledUp: 0, rawDeleted: 0, rollupsDeleted: 1 });
        const state = await store.loadState(0);
        expect(state.signals.map((s) => [s.name, s.points.length])).toEqual([
          ['cpu.util', 0],
          ['disk.io', 0],
          ['queue.depth', 12],
        ]);
        expect(await store.maintain(T0 + 172_800 * S + 115 * S)).toEqual({ rolledUp: 0, rawDeleted: 12, rollupsDeleted: 0 });
        expect((await store.exportSnapshot()).rollups).toEqual([]);
      });
    });

    describe('objects', () => {
      it('versions objects, stamps them with the clock and lists them by id per kind', async () => {
        const store = await fresh();
        now = T0 + 1 * S;
        expect(await store.putObject('scenario', 'b', { load: 2 })).toEqual({ kind: 'scenario', id: 'b', value: { load: 2 }, version: 1, updatedAt: T0 + 1 * S });
        now = T0 + 2 * S;
        await store.putObject('scenario', 'a', ['x', 1, null]);
        await store.putObject('policy', 'a', 'text');
        now = T0 + 3 * S;
        const b2 = await store.putObject('scenario', 'b', { load: 3, nested: { deep: true } });
        expect(b2).toEqual({ kind: 'scenario', id: 'b', value: { load: 3, nested: { deep: true } }, version: 2, updatedAt: T0 + 3 * S });
        expect(await store.getObject('scenario', 'b')).toEqual(b2);
        expect(await store.getObject('scenario', 'c')).toBeUndefined();
        expect(await store.listObjects('scenario')).toEqual([
          { kind: 'scenario', id: 'a', value: ['x', 1, null], version: 1, updatedAt: T0 + 2 * S },
          b2,
        ]);
        expect(await store.listObjects('alert')).toEqual([]);
      });

      it('deletes objects, restarting their version', async () => {
        const store = await fresh();
        await store.putObject('policy', 'p', 1);
        await store.putObject('policy', 'p', 2);
        expect(await store.deleteObject('policy', 'p')).toBe(true);
        expect(await store.deleteObject('policy', 'p')).toBe(false);
        expect(await store.getObject('policy', 'p')).toBeUndefined();
        expect((await store.putObject('policy', 'p', 3)).version).toBe(1);
      });

      it('rejects a value that is not JSON, with the reason', async () => {
        const store = await fresh();
        await expect(store.putObject('policy', 'p', { n: BigInt(1) })).rejects.toThrow('Do not know how to serialize a BigInt');
        expect(await store.getObject('policy', 'p')).toBeUndefined();
      });
    });

    describe('audit', () => {
      it('numbers records in order, lists newest first and pages back with beforeSeq', async () => {
        const store = await fresh();
        const records = [];
        for (let i = 0; i < 5; i++) {
          now = T0 + i * S;
          records.push(await store.appendAudit({ actor: 'ops', action: 'desired.set', target: `service:s${i}`, detail: { i, tags: ['a'] } }));
        }
        expect(records[0]).toEqual({ seq: records[0].seq, t: T0, actor: 'ops', action: 'desired.set', target: 'service:s0', detail: { i: 0, tags: ['a'] } });
        for (let i = 1; i < 5; i++) expect(records[i].seq).toBeGreaterThan(records[i - 1].seq);
        expect(await store.listAudit({ limit: 2 })).toEqual([records[4], records[3]]);
        expect(await store.listAudit({ limit: 2, beforeSeq: records[3].seq })).toEqual([records[2], records[1]]);
        expect(await store.listAudit({ limit: 10, beforeSeq: records[1].seq })).toEqual([records[0]]);
        expect(await store.listAudit({ limit: 10, beforeSeq: records[0].seq })).toEqual([]);
      });
    });

    describe('saved scenarios', () => {
      /** JSON text with spacing and characters a re-serialization would change: kept verbatim. */
      const peakText = '{ "horizon_seconds": 3600, "step_seconds": 60,\n  "name": "pic de charge \u00e9t\u00e9 🌡", "changes": [] }';

      it('saves, versions and gives back scenarios verbatim, stamped with the given time and author', async () => {
        const store = await fresh();
        now = T0 + 99 * S;
        const first = await store.saveScenario({ name: 'peak', scenario: peakText, updatedAt: T0 + 1 * S, updatedBy: 'ops' });
        expect(first).toEqual({ name: 'peak', scenario: peakText, updatedAt: T0 + 1 * S, updatedBy: 'ops', version: 1 });
        const second = await store.saveScenario({ name: 'peak', scenario: '{"changes":[1]}', updatedAt: T0 + 2 * S, updatedBy: 'planner' });
        expect(second).toEqual({ name: 'peak', scenario: '{"changes":[1]}', updatedAt: T0 + 2 * S, updatedBy: 'planner', version: 2 });
        expect(await store.getScenario('peak')).toEqual(second);
        expect(await store.getScenario('Peak')).toBeUndefined();
      });

      it('lists scenarios ordered by name, apart from user objects', async () => {
        const store = await fresh();
        for (const name of ['b', 'a c', 'B', 'é', 'a']) {
          await store.saveScenario({ name, scenario: `"${name}"`, updatedAt: T0, updatedBy: 'ops' });
        }
        await store.putObject('scenario', 'zz', {});
        expect((await store.listScenarios()).map((c) => c.name)).toEqual(['B', 'a', 'a c', 'b', 'é']);
        expect((await store.listScenarios())[1]).toEqual({ name: 'a', scenario: '"a"', updatedAt: T0, updatedBy: 'ops', version: 1 });
        expect(await store.getScenario('zz')).toBeUndefined();
      });

      it('starts with none, deletes them, restarting their version', async () => {
        const store = await fresh();
        expect(await store.listScenarios()).toEqual([]);
        await store.saveScenario({ name: 'peak', scenario: '{}', updatedAt: T0, updatedBy: 'ops' });
        await store.saveScenario({ name: 'peak', scenario: '{}', updatedAt: T0, updatedBy: 'ops' });
        expect(await store.deleteScenario('peak')).toBe(true);
        expect(await store.deleteScenario('peak')).toBe(false);
        expect(await store.deleteScenario('never')).toBe(false);
        expect(await store.getScenario('peak')).toBeUndefined();
        expect(await store.listScenarios()).toEqual([]);
        expect((await store.saveScenario({ name: 'peak', scenario: '{}', updatedAt: T0, updatedBy: 'ops' })).version).toBe(1);
      });

      it('applies concurrent saves of one name one after another', async () => {
        const store = await fresh();
        const saves = await Promise.all(
          [1, 2, 3, 4].map((i) => store.saveScenario({ name: 'race', scenario: String(i), updatedAt: T0 + i, updatedBy: 'ops' })),
        );
        expect(saves.map((c) => c.version).sort()).toEqual([1, 2, 3, 4]);
        expect((await store.getScenario('race'))?.version).toBe(4);
      });

      it('rejects a save the store cannot hold, with a message, and keeps nothing of it', async () => {
        const store = await fresh();
        const missing = { name: 'x', scenario: undefined as unknown as string, updatedAt: T0, updatedBy: 'ops' };
        await expect(store.saveScenario(missing)).rejects.toThrow('saved scenario "x": scenario must be JSON text, got undefined');
        expect(await store.listScenarios()).toEqual([]);
      });
    });

    describe('snapshots', () => {
      async function populated(): Promise<TwinStore> {
        const store = await fresh();
        await store.writeDelta(fullDelta());
        await store.writeDelta(delta({ signals: [signal('host:web-1', 'cpu.util', ramp(12))] }));
        await store.maintain(T0 + 615 * S);
        now = T0 + 700 * S;
        await store.putObject('scenario', 's1', { load: 1.5 });
        await store.putObject('scenario', 's1', { load: 2 });
        await store.appendAudit({ actor: 'ops', action: 'scenario.put', target: 's1', detail: {} });
        await store.appendAudit({ actor: 'system', action: 'snapshot.export', target: '', detail: { n: 1 } });
        await store.saveScenario({ name: 'peak', scenario: '{"step_seconds": 60}', updatedAt: T0 + 650 * S, updatedBy: 'ops' });
        await store.saveScenario({ name: 'peak', scenario: '{"step_seconds": 30}', updatedAt: T0 + 660 * S, updatedBy: 'planner' });
        await store.saveScenario({ name: 'cool', scenario: '{}', updatedAt: T0 + 670 * S, updatedBy: 'ops' });
        return store;
      }

      it('exports the whole store', async () => {
        const store = await populated();
        now = T0 + 800 * S;
        const snapshot = await store.exportSnapshot();
        expect(snapshot.format).toBe('twinops-snapshot');
        expect(snapshot.version).toBe(1);
        expect(snapshot.schemaVersion).toBe(store.schemaVersion);
        expect(snapshot.exportedAt).toBe(T0 + 800 * S);
        expect(snapshot.state).toEqual(await store.loadState(0));
        expect(snapshot.rollups).toHaveLength(3);
        expect(snapshot.objects).toEqual([{ kind: 'scenario', id: 's1', value: { load: 2 }, version: 2, updatedAt: T0 + 700 * S }]);
        expect(snapshot.audit.map((a) => [a.action, a.t])).toEqual([
          ['scenario.put', T0 + 700 * S],
          ['snapshot.export', T0 + 700 * S],
        ]);
        expect(snapshot.scenarios).toEqual([
          { name: 'cool', scenario: '{}', updatedAt: T0 + 670 * S, updatedBy: 'ops', version: 1 },
          { name: 'peak', scenario: '{"step_seconds": 30}', updatedAt: T0 + 660 * S, updatedBy: 'planner', version: 2 },
        ]);
      });

      it('round-trips through JSON into an empty store, which goes on from there', async () => {
        const source = await populated();
        const snapshot: TwinSnapshot = JSON.parse(JSON.stringify(await source.exportSnapshot()));
        const target = await fresh();
        await target.importSnapshot(snapshot);
        const again = await target.exportSnapshot();
        expect({ ...again, exportedAt: 0, schemaVersion: 0 }).toEqual({ ...snapshot, exportedAt: 0, schemaVersion: 0 });
        const next = await target.appendAudit({ actor: 'ops', action: 'snapshot.import', target: '', detail: {} });
        expect(next.seq).toBeGreaterThan(snapshot.audit[1].seq);
        expect((await target.putObject('scenario', 's1', {})).version).toBe(3);
        expect(await target.listScenarios()).toEqual(snapshot.scenarios);
        expect((await target.saveScenario({ name: 'peak', scenario: '{}', updatedAt: T0, updatedBy: 'ops' })).version).toBe(3);
        // Buckets already rolled up are not rolled up again from partial raw points.
        expect(await target.maintain(T0 + 615 * S)).toEqual({ rolledUp: 0, rawDeleted: 0, rollupsDeleted: 0 });
      });

      it.each([
        ['entities', (store: TwinStore) => store.writeDelta(delta({ entities: [rack] })), 'cannot import into a store that already holds 1 entities'],
        ['objects', (store: TwinStore) => store.putObject('k', 'i', 1).then(() => undefined), 'cannot import into a store that already holds 1 objects'],
        [
          'audit records',
          (store: TwinStore) => store.appendAudit({ actor: 'a', action: 'b', target: 'c', detail: {} }).then(() => undefined),
          'cannot import into a store that already holds 1 audit records',
        ],
        [
          'saved scenarios',
          (store: TwinStore) => store.saveScenario({ name: 'n', scenario: '{}', updatedAt: T0, updatedBy: 'ops' }).then(() => undefined),
          'cannot import into a store that already holds 1 saved scenarios',
        ],
      ])('refuses to import into a store that holds %s', async (_what, fill, message) => {
        const snapshot = await (await populated()).exportSnapshot();
        const target = await fresh();
        await fill(target);
        await expect(target.importSnapshot(snapshot)).rejects.toThrow(message);
      });

      it('imports a snapshot from before saved scenarios', async () => {
        const snapshot = await (await populated()).exportSnapshot();
        delete snapshot.scenarios;
        const target = await fresh();
        await target.importSnapshot(snapshot);
        expect(await target.listScenarios()).toEqual([]);
        expect(await target.listObjects('scenario')).toEqual(snapshot.objects);
      });

      it('refuses what is not a snapshot', async () => {
        const target = await fresh();
        const bogus = { format: 'other', version: 1 } as unknown as TwinSnapshot;
        await expect(target.importSnapshot(bogus)).rejects.toThrow('not a twinops snapshot (format "other", version 1)');
        expect(await target.loadState(0)).toEqual({ entities: [], relations: [], signals: [], events: [] });
      });
    });
  });
}
