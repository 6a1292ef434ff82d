import { startPostgresServer } from '../../../test/support/postgres-server';
import type { PostgresServer } from '../../../test/support/postgres-server';
import { T0, contractStoreConfig, delta, entity, relation, signal } from '../../../test/support/store-contract';
import { openPostgresStore } from './postgres-store';
import type { EventState } from '../../model';
import type { TwinStore } from '../twin-store';

const S = 1000;
let server: PostgresServer;
let now = T0;
let databases = 0;
const opened: TwinStore[] = [];

beforeAll(async () => {
  server = await startPostgresServer();
}, 20_000);

afterAll(async () => {
  await server.stop();
});

beforeEach(() => {
  now = T0;
});

afterEach(async () => {
  for (const store of opened.splice(0)) await store.close();
});

/** Two collectors, a and b, sharing one fresh database (stale_after 60 s). */
async function twoCollectors(): Promise<[TwinStore, TwinStore]> {
  databases += 1;
  const url = await server.createDatabase(`multi_${databases}`);
  const config = contractStoreConfig();
  config.driver = 'postgres';
  config.postgres.url = url;
  config.postgres.staleAfterSeconds = 60;
  const open = (collectorId: string) => openPostgresStore(config, { clock: { now: () => now }, resolutionMs: 10 * S, collectorId });
  const stores = [await open('a'), await open('b')] as [TwinStore, TwinStore];
  opened.push(...stores);
  return stores;
}

describe('postgres store shared by two collectors', () => {
  it('keeps one row per entity, with the attributes both wrote and the widest seen times', async () => {
    const [a, b] = await twoCollectors();
    await a.writeDelta(delta({ entities: [entity('service:checkout', { attributes: { version: '1.2' }, firstSeen: T0, lastSeen: T0 + 5 * S })] }));
    await b.writeDelta(
      delta({ entities: [entity('service:checkout', { attributes: { region: 'eu' }, firstSeen: T0 - 10 * S, lastSeen: T0 + 2 * S })] }),
    );
    const merged = entity('service:checkout', { attributes: { version: '1.2', region: 'eu' }, firstSeen: T0 - 10 * S, lastSeen: T0 + 5 * S });
    expect((await a.loadState(0)).entities).toEqual([merged]);
    expect((await b.loadState(0)).entities).toEqual([merged]);
  });

  it('sums rates and totals of a relation, weights percentiles, and drops a stale collector’s rates', async () => {
    const [a, b] = await twoCollectors();
    const calls = (stats: Record<string, number>) => relation('calls', 'service:frontend', 'service:checkout', stats);
    await a.writeDelta(delta({ relations: [calls({ requests_per_second: 3, failed_per_second: 1, requests_total: 30, p95_seconds: 0.2 })] }));
    await b.writeDelta(delta({ relations: [calls({ requests_per_second: 1, failed_per_second: 0, requests_total: 12, p95_seconds: 0.6 })] }));
    const both = { requests_per_second: 4, failed_per_second: 1, requests_total: 42, p95_seconds: (0.2 * 3 + 0.6 * 1) / 4, error_ratio: 0.25 };
    expect((await a.loadState(0)).relations).toEqual([calls(both)]);
    expect((await b.loadState(0)).relations).toEqual([calls(both)]);

    now = T0 + 61 * S;
    await a.writeDelta(delta({ relations: [calls({ requests_per_second: 2, failed_per_second: 1, requests_total: 40, p95_seconds: 0.3 })] }));
    expect((await b.loadState(0)).relations).toEqual([
      calls({ requests_per_second: 2, failed_per_second: 1, requests_total: 52, p95_seconds: 0.3, error_ratio: 0.5 }),
    ]);
  });

  it('sums the points of a /s signal per bucket and averages a gauge, in reads, queries and rollups', async () => {
    const [a, b] = await twoCollectors();
    await a.writeDelta(
      delta({
        signals: [
          signal('service:checkout', 'http.rate', [[T0, 3], [T0 + 10 * S, 4]], '{request}/s', 'sum'),
          signal('host:web-1', 'cpu.util', [[T0, 0.2]], '1', 'gauge'),
        ],
      }),
    );
    await b.writeDelta(
      delta({
        signals: [
          signal('service:checkout', 'http.rate', [[T0, 2]], '{request}/s', 'sum'),
          signal('host:web-1', 'cpu.util', [[T0, 0.6], [T0 + 10 * S, 1]], '1', 'gauge'),
        ],
      }),
    );
    expect((await a.loadState(0)).signals).toEqual([
      signal('host:web-1', 'cpu.util', [[T0, 0.4], [T0 + 10 * S, 1]], '1', 'gauge'),
      signal('service:checkout', 'http.rate', [[T0, 5], [T0 + 10 * S, 4]], '{request}/s', 'sum'),
    ]);
    expect(await b.querySignal({ entity: 'service:checkout', name: 'http.rate', from: T0, to: T0 + 60 * S, stepMs: 60 * S })).toEqual([
      { t: T0, v: 4.5 },
    ]);
    expect(await a.maintain(T0 + 75 * S)).toEqual({ rolledUp: 1, rawDeleted: 0, rollupsDeleted: 0 });
    expect((await b.exportSnapshot()).rollups).toEqual([
      { entity: 'host:web-1', signal: 'cpu.util', stepMs: 60 * S, t: T0, avg: 0.7, min: 0.4, max: 1, count: 2 },
    ]);
  });

  it('sums event counts and interleaves the latest errors of both', async () => {
    const [a, b] = await twoCollectors();
    const error = (t: number, message: string) => ({ t, severityNumber: 17, severityText: 'ERROR', message, attributes: {} });
    const fromA: EventState = { entity: 'host:web-1', countsBySeverity: { INFO: 3, ERROR: 2 }, latestErrors: [error(T0 + 3, 'a2'), error(T0 + 1, 'a1')] };
    const fromB: EventState = { entity: 'host:web-1', countsBySeverity: { ERROR: 1, WARN: 1 }, latestErrors: [error(T0 + 2, 'b1')] };
    await a.writeDelta(delta({ events: [fromA] }));
    await b.writeDelta(delta({ events: [fromB] }));
    expect((await b.loadState(0)).events).toEqual([
      {
        entity: 'host:web-1',
        countsBySeverity: { INFO: 3, ERROR: 3, WARN: 1 },
        latestErrors: [error(T0 + 3, 'a2'), error(T0 + 2, 'b1'), error(T0 + 1, 'a1')],
      },
    ]);
  });

  it("gives each collector the other's writes and removals through changesSince", async () => {
    const [a, b] = await twoCollectors();
    const frontend = entity('service:frontend');
    const checkout = entity('service:checkout');
    const calls = relation('calls', 'service:frontend', 'service:checkout', { requests_per_second: 1 });
    await a.writeDelta(delta({ entities: [frontend, checkout], relations: [calls] }));
    const first = await b.changesSince(undefined, 0);
    expect(first.delta.entities).toEqual([checkout, frontend]);
    expect(first.delta.relations).toEqual([calls]);
    const fromA = await a.changesSince(undefined, 0);

    const rate = signal('service:frontend', 'http.rate', [[T0, 2]], '{request}/s', 'sum');
    await b.writeDelta(delta({ signals: [rate], removedEntities: ['service:checkout'] }));
    const seenByA = await a.changesSince(fromA.cursor, 0);
    expect(seenByA.delta.removedEntities).toEqual(['service:checkout']);
    expect(seenByA.delta.removedRelations).toEqual([calls.id]);
    expect(seenByA.delta.signals).toEqual([rate]);
    expect(seenByA.delta.entities.map((e) => e.id)).not.toContain('service:checkout');

    await a.writeDelta(delta({ signals: [signal('service:frontend', 'http.rate', [[T0, 3]], '{request}/s', 'sum')] }));
    const seenByB = await b.changesSince(first.cursor, 0);
    expect(seenByB.delta.removedEntities).toEqual(['service:checkout']);
    expect(seenByB.delta.signals).toEqual([signal('service:frontend', 'http.rate', [[T0, 5]], '{request}/s', 'sum')]);
  });

  it('forgets a removal when a collector writes the entity again', async () => {
    const [a, b] = await twoCollectors();
    const cursor = (await b.changesSince(undefined, 0)).cursor;
    await a.writeDelta(delta({ entities: [entity('service:checkout')] }));
    await a.writeDelta(delta({ removedEntities: ['service:checkout'] }));
    await b.writeDelta(delta({ entities: [entity('service:checkout')] }));
    const changes = await a.changesSince(cursor, 0);
    expect(changes.delta.entities).toEqual([entity('service:checkout')]);
    expect(changes.delta.removedEntities).toEqual([]);
  });
});

describe('saved scenarios shared by two collectors', () => {
  it('are one set: what one saves the other lists, versions and deletes', async () => {
    const [a, b] = await twoCollectors();
    await a.saveScenario({ name: 'peak', scenario: '{"step_seconds":60}', updatedAt: T0, updatedBy: 'ops' });
    expect(await b.listScenarios()).toEqual([{ name: 'peak', scenario: '{"step_seconds":60}', updatedAt: T0, updatedBy: 'ops', version: 1 }]);
    const again = await b.saveScenario({ name: 'peak', scenario: '{"step_seconds":30}', updatedAt: T0 + S, updatedBy: 'planner' });
    expect(again.version).toBe(2);
    expect(await a.getScenario('peak')).toEqual(again);
    expect(await a.deleteScenario('peak')).toBe(true);
    expect(await b.getScenario('peak')).toBeUndefined();
  });

  it('number concurrent saves of one name from both collectors without gaps', async () => {
    const [a, b] = await twoCollectors();
    const saves = await Promise.all(
      Array.from({ length: 10 }, (_, i) => (i % 2 === 0 ? a : b).saveScenario({ name: 'race', scenario: String(i), updatedAt: T0 + i, updatedBy: 'ops' })),
    );
    expect(saves.map((c) => c.version).sort((x, y) => x - y)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  });
});
