import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Worker } from 'node:worker_threads';
import { contractStoreConfig, delta, entity, signal, T0 } from '../../../test/support/store-contract';
import type { StoreSettings } from '../store-settings';
import { openSqliteStore } from './sqlite-store';
import type { WriterWorkerData } from './writer-protocol';

// The real writer thread, kept at hand so the test can kill it.
const mockSpawned: Worker[] = [];
jest.mock('./writer-spawn', () => ({
  spawnWriterWorker(data: WriterWorkerData) {
    const worker = jest.requireActual('./writer-spawn').spawnWriterWorker(data);
    mockSpawned.push(worker);
    return worker;
  },
}));

let dir: string;
const settings: StoreSettings = { clock: { now: () => T0 }, resolutionMs: 10_000, collectorId: 'test' };

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'twinops-sqlite-crash-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('a file store whose writer thread dies', () => {
  it('rejects the pending and later writes with a clear error, keeps reads and objects, and closes', async () => {
    const store = await openSqliteStore({ ...contractStoreConfig(), sqlite: { path: join(dir, 'twin.db') } }, settings);
    await store.writeDelta(delta({ entities: [entity('host:a')] }));
    // Killed first, so the outcome does not depend on whether a write could finish before the kill.
    const killed = mockSpawned[mockSpawned.length - 1].terminate();
    const pending = [store.writeDelta(delta({ signals: [signal('host:a', 'cpu', [[T0, 1]])] })), store.maintain(T0)];
    await killed;
    const message = 'sqlite store: the writer thread exited unexpectedly (code 1)';
    for (const call of pending) await expect(call).rejects.toThrow(message);
    await expect(store.writeDelta(delta({}))).rejects.toThrow(message);
    await expect(store.maintain(T0)).rejects.toThrow(message);
    expect((await store.loadState(0)).entities.map((e) => e.id)).toEqual(['host:a']);
    await expect(store.putObject('scenario', 's', 1)).resolves.toMatchObject({ version: 1 });
    await expect(store.close()).resolves.toBeUndefined();
  });
});
