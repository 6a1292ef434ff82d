import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { contractStoreConfig, delta, entity, signal, T0 } from '../../../test/support/store-contract';
import type { StoreSettings } from '../store-settings';
import type { TwinStore } from '../twin-store';
import { openSqliteStore } from './sqlite-store';

/** The store as the collector sees it when a file's deltas and maintenance go through the writer thread. */
const S = 1000;
let dir: string;
const settings: StoreSettings = { clock: { now: () => T0 }, resolutionMs: 10 * S, collectorId: 'test' };
const open = (path: string): Promise<TwinStore> => openSqliteStore({ ...contractStoreConfig(), sqlite: { path } }, settings);

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'twinops-sqlite-thread-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** Delta `i`: the entity renamed n<i> and the point at T0 set to i. */
function numbered(i: number) {
  return delta({ entities: [entity('host:a', { name: `n${i}` })], signals: [signal('host:a', 'cpu.util', [[T0, i]])] });
}

describe('a file store’s writer thread', () => {
  it('applies concurrent deltas in call order and resolves them in that order', async () => {
    const store = await open(join(dir, 'twin.db'));
    const resolved: number[] = [];
    const writes = Array.from({ length: 20 }, (_, i) => store.writeDelta(numbered(i)).then(() => resolved.push(i)));
    // Called after the writes without waiting for them: sees all of them.
    const state = await store.loadState(0);
    await Promise.all(writes);
    expect(resolved).toEqual(Array.from({ length: 20 }, (_, i) => i));
    expect(state.entities.map((e) => e.name)).toEqual(['n19']);
    expect(state.signals[0].points).toEqual([{ t: T0, v: 19 }]);
    await store.close();
  });

  it.each([
    ['file', () => join(dir, 'twin.db')],
    [':memory:', () => ':memory:'],
  ])('%s: rejects a delta that breaks a constraint with the SQLite message, writes none of it, and keeps serving', async (_, path) => {
    const store = await open(path());
    const bad = delta({ entities: [entity('host:b', { name: null as unknown as string })], signals: [signal('host:b', 'cpu.util', [[T0, 1]])] });
    await expect(store.writeDelta(bad)).rejects.toMatchObject({ message: 'NOT NULL constraint failed: entities.name', code: 'SQLITE_CONSTRAINT_NOTNULL' });
    await store.writeDelta(numbered(1));
    const state = await store.loadState(0);
    expect(state.entities.map((e) => e.id)).toEqual(['host:a']);
    expect(state.signals.map((s) => s.entity)).toEqual(['host:a']);
    await store.close();
  });

  it('commits user objects and audit records called during a large delta once it is written, in call order', async () => {
    const store = await open(join(dir, 'twin.db'));
    const big = delta({ signals: Array.from({ length: 5000 }, (_, i) => signal('host:a', `cpu.s${i}`, [[T0, i]])) });
    const done: string[] = [];
    const calls = [
      store.writeDelta(big).then(() => done.push('delta')),
      store.putObject('scenario', 's', { x: 1 }).then((o) => done.push(`object v${o.version}`)),
      store.appendAudit({ actor: 'ops', action: 'scenario.put', target: 's', detail: {} }).then((a) => done.push(`audit ${a.seq}`)),
      store.deleteObject('scenario', 'nothing').then((deleted) => done.push(`deleted ${deleted}`)),
    ];
    await Promise.all(calls);
    expect(done).toEqual(['delta', 'object v1', 'audit 1', 'deleted false']);
    await store.close();
  });

  it('finishes pending writes on close, then rejects writes and maintenance with the closed message', async () => {
    const path = join(dir, 'twin.db');
    const store = await open(path);
    const pending = store.writeDelta(numbered(7));
    const maintained = store.maintain(T0);
    await store.close();
    await expect(pending).resolves.toBeUndefined();
    await expect(maintained).resolves.toEqual({ rolledUp: 0, rawDeleted: 0, rollupsDeleted: 0 });
    await expect(store.writeDelta(numbered(8))).rejects.toThrow('The database connection is not open');
    await expect(store.maintain(T0)).rejects.toThrow('The database connection is not open');
    const again = await open(path);
    expect((await again.loadState(0)).entities.map((e) => e.name)).toEqual(['n7']);
    await again.close();
  });
});
