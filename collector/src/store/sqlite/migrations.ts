import type Database from 'better-sqlite3';
import { StoreVersionError } from '../store-version-error';

interface Migration {
  version: number;
  /** SQL run once, inside the transaction that records the version. */
  sql: string;
}

/**
 * Signals get an integer id so a point row is four numbers (WITHOUT ROWID: the primary key is
 * the table), keyed by time block first (see blocks.ts). `rev` numbers every writeDelta, so
 * changesSince can list entities, relations and events changed after a cursor; tombstones
 * remember removals for it. Signals carry no rev: stamping every signal a delta touches would
 * cost a row update per signal per flush. `marks` hold, per retention class, where rolling up
 * and expiry stopped (see maintenance.ts).
 */
const SCHEMA_V1 = `
CREATE TABLE entities (
  id TEXT PRIMARY KEY, type TEXT NOT NULL, level TEXT NOT NULL, name TEXT NOT NULL,
  attributes TEXT NOT NULL, parent TEXT, desired TEXT NOT NULL,
  first_seen INTEGER NOT NULL, last_seen INTEGER NOT NULL, rev INTEGER NOT NULL
);
CREATE INDEX entities_rev ON entities (rev);
CREATE TABLE relations (
  id TEXT PRIMARY KEY, from_id TEXT NOT NULL, to_id TEXT NOT NULL, type TEXT NOT NULL,
  stats TEXT NOT NULL, first_seen INTEGER NOT NULL, last_seen INTEGER NOT NULL, rev INTEGER NOT NULL
);
CREATE INDEX relations_from ON relations (from_id);
CREATE INDEX relations_to ON relations (to_id);
CREATE INDEX relations_rev ON relations (rev);
CREATE TABLE signals (
  id INTEGER PRIMARY KEY, entity TEXT NOT NULL, name TEXT NOT NULL, unit TEXT NOT NULL,
  kind TEXT NOT NULL, UNIQUE (entity, name)
);
CREATE TABLE points (
  block INTEGER NOT NULL, signal_id INTEGER NOT NULL, t INTEGER NOT NULL, v REAL NOT NULL,
  PRIMARY KEY (block, signal_id, t)
) WITHOUT ROWID;
CREATE TABLE rollups (
  step_ms INTEGER NOT NULL, block INTEGER NOT NULL, signal_id INTEGER NOT NULL, t INTEGER NOT NULL,
  avg REAL NOT NULL, min REAL NOT NULL, max REAL NOT NULL, count INTEGER NOT NULL,
  PRIMARY KEY (step_ms, block, signal_id, t)
) WITHOUT ROWID;
CREATE TABLE marks (key TEXT PRIMARY KEY, until_t INTEGER NOT NULL) WITHOUT ROWID;
CREATE TABLE events (entity TEXT PRIMARY KEY, counts TEXT NOT NULL, latest TEXT NOT NULL, rev INTEGER NOT NULL);
CREATE INDEX events_rev ON events (rev);
CREATE TABLE tombstones (
  kind TEXT NOT NULL, id TEXT NOT NULL, rev INTEGER NOT NULL, at INTEGER NOT NULL, PRIMARY KEY (kind, id)
) WITHOUT ROWID;
CREATE TABLE objects (
  kind TEXT NOT NULL, id TEXT NOT NULL, value TEXT NOT NULL, version INTEGER NOT NULL,
  updated_at INTEGER NOT NULL, PRIMARY KEY (kind, id)
) WITHOUT ROWID;
CREATE TABLE audit (
  seq INTEGER PRIMARY KEY AUTOINCREMENT, t INTEGER NOT NULL, actor TEXT NOT NULL,
  action TEXT NOT NULL, target TEXT NOT NULL, detail TEXT NOT NULL
);
INSERT INTO meta (key, value) VALUES ('rev', 0);
`;

/** Saved what-if scenarios: a table of their own, keyed by the name users give them. */
const SCENARIOS_V2 = `
CREATE TABLE scenarios (
  name TEXT PRIMARY KEY, scenario TEXT NOT NULL, version INTEGER NOT NULL,
  updated_at INTEGER NOT NULL, updated_by TEXT NOT NULL
) WITHOUT ROWID;
`;

/** Ordered; a store records the last one applied. Never edit one that shipped: add the next. */
export const MIGRATIONS: readonly Migration[] = [
  { version: 1, sql: SCHEMA_V1 },
  { version: 2, sql: SCENARIOS_V2 },
];

export const LATEST_SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1].version;

function storedVersion(db: Database.Database): number {
  const row = db.prepare("SELECT value FROM meta WHERE key = 'schema_version'").get() as { value: number } | undefined;
  return row ? Number(row.value) : 0;
}

/**
 * Brings the schema to the latest version in one transaction (all or nothing) and returns it;
 * throws StoreVersionError, touching nothing, when the store is newer than this code.
 */
export function migrate(db: Database.Database, where: string, migrations: readonly Migration[] = MIGRATIONS): number {
  const latest = migrations[migrations.length - 1].version;
  const run = db.transaction(() => {
    // `value` has no declared type, so numbers stay numbers.
    db.exec('CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value)');
    const current = storedVersion(db);
    if (current > latest) throw new StoreVersionError(where, current, latest);
    for (const migration of migrations) {
      if (migration.version <= current) continue;
      db.exec(migration.sql);
    }
    db.prepare("INSERT INTO meta (key, value) VALUES ('schema_version', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value").run(
      latest,
    );
    return latest;
  });
  return run.immediate();
}
