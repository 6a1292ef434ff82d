import type Database from 'better-sqlite3';
import type { StoreConfig } from '../config';
import { rollupGraceMs } from '../retention-classes';
import type { StoreSettings } from '../store-settings';
import { checkScenarioInput } from '../twin-store';
import type { TwinStore } from '../twin-store';
import { isSharedFile, openConnection } from './connection';
import { createDeltaWriter } from './delta-writer';
import { createMaintenance } from './maintenance';
import { migrate } from './migrations';
import { createObjectStore } from './object-store';
import { createScenarioStore } from './scenario-store';
import { createSignalPurge } from './signal-purge';
import { createSnapshotPorter } from './snapshot';
import { createSignalQuery } from './signal-query';
import { createStateReader } from './state-reader';
import { inlineWrites, threadWrites } from './twin-writes';
import type { TwinWrites } from './twin-writes';

/**
 * Opens (creating or migrating) the SQLite store at `config.sqlite.path`; rejects with
 * StoreVersionError when the file is newer.
 *
 * A file store writes deltas and runs maintenance on a writer thread with its own connection
 * (twin-writes.ts), so a flush or a maintenance pass does not stall ingest and the API; this
 * thread's connection serves reads, imports, user objects and audit records (committed before
 * their promise resolves). `:memory:` (and `''`) give each connection its own private database,
 * so a second connection would not see the first one's tables: there everything stays on this
 * thread, synchronously, as the store did before the writer thread existed.
 */
export async function openSqliteStore(config: StoreConfig, settings: StoreSettings): Promise<TwinStore> {
  const path = config.sqlite.path;
  const db = openConnection(path);
  try {
    const schemaVersion = migrate(db, path);
    const purge = createSignalPurge(db);
    const graceMs = rollupGraceMs(config.flushIntervalSeconds, settings.resolutionMs);
    const maintenance = createMaintenance(db, { classes: config.retention, graceMs }, purge);
    const writes = isSharedFile(path)
      ? await threadWrites({ path, classes: config.retention, graceMs }, settings.clock)
      : inlineWrites(createDeltaWriter(db, settings.clock, purge), maintenance);
    return assemble(db, config, settings, { schemaVersion, writes, maintenance, purge });
  } catch (error) {
    db.close();
    throw error;
  }
}

interface Parts {
  schemaVersion: number;
  writes: TwinWrites;
  maintenance: ReturnType<typeof createMaintenance>;
  purge: ReturnType<typeof createSignalPurge>;
}

function assemble(db: Database.Database, config: StoreConfig, settings: StoreSettings, parts: Parts): TwinStore {
  const { schemaVersion, writes, maintenance, purge } = parts;
  const reader = createStateReader(db);
  const query = createSignalQuery(db, config.retention, settings.clock);
  const objects = createObjectStore(db, settings.clock);
  const scenarios = createScenarioStore(db);
  const porter = createSnapshotPorter(db, {
    schemaVersion,
    clock: settings.clock,
    reader,
    // A writer of its own per import: signal ids a longer-lived one cached may have been deleted since by the writer thread.
    writer: { write: (delta) => createDeltaWriter(db, settings.clock, purge).write(delta) },
    markRollupsDone: maintenance.markRollupsDone,
  });
  let closed: Promise<void> | undefined;
  // Reads and imports of the twin's state wait for the writes called before them (writes.foreground).
  // So do writes of objects and audit records: run while the writer thread is in a transaction, they
  // would block this thread in SQLite's busy wait (up to a whole maintenance pass); waiting here
  // keeps ingest and the API running, and they still commit before their promise resolves. The same
  // goes for saved scenarios. Reads of objects, audit records and scenarios need neither (WAL readers never wait). better-sqlite3 is synchronous:
  // async methods turn any throw into a rejected promise.
  return {
    description: `sqlite ${config.sqlite.path}`,
    schemaVersion,
    writeDelta: (delta) => writes.writeDelta(delta),
    loadState: (pointsSinceMs) => writes.foreground(() => reader.read(-1, pointsSinceMs)),
    changesSince: (cursor, pointsSinceMs) => writes.foreground(() => reader.changesSince(cursor, pointsSinceMs)),
    querySignal: (q) => writes.foreground(() => query(q)),
    maintain: (nowMs) => writes.maintain(nowMs),
    putObject: (kind, id, value) => writes.foreground(() => objects.put(kind, id, value)),
    getObject: async (kind, id) => objects.get(kind, id),
    listObjects: async (kind) => objects.list(kind),
    deleteObject: (kind, id) => writes.foreground(() => objects.delete(kind, id)),
    appendAudit: (entry) => writes.foreground(() => objects.appendAudit(entry)),
    listAudit: async (q) => objects.listAudit(q),
    saveScenario: async (input) => {
      checkScenarioInput(input);
      return writes.foreground(() => scenarios.save(input));
    },
    listScenarios: async () => scenarios.list(),
    getScenario: async (name) => scenarios.get(name),
    deleteScenario: (name) => writes.foreground(() => scenarios.delete(name)),
    exportSnapshot: () => writes.foreground(() => porter.exportSnapshot()),
    importSnapshot: (snapshot) => writes.foreground(() => porter.importSnapshot(snapshot)),
    close() {
      closed ??= writes.close().finally(() => {
        if (db.open) db.close();
      });
      return closed;
    },
  };
}
