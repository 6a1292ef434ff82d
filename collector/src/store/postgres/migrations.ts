import { StoreVersionError } from '../store-version-error';
import { inTransaction } from './pg-context';
import type { Pool } from 'pg';

/**
 * The schema, one entry per version (index 0 = version 1). Append, never edit: a store at
 * version N has run exactly the first N entries.
 *
 * Entities and relations are shared rows; relation stats, points and event summaries are kept per
 * collector and merged on read. `changed_at` is the database clock (clock_timestamp()), so
 * collectors with skewed clocks still agree on what changed after a cursor. There are no foreign
 * keys to entities: a collector may write a signal of an entity another collector is removing at
 * that moment, and that must not fail its whole batch; removals delete dependents explicitly.
 * Points, the bulk of the data, are keyed by a numeric signal id: narrow rows and one compact
 * primary key that also serves range reads, rollups and expiry (signal_id = ANY(...) AND t < x).
 */
export const MIGRATIONS: readonly string[] = [
  `
  CREATE TABLE entities (
    id text PRIMARY KEY, type text NOT NULL, level text NOT NULL, name text NOT NULL,
    attributes jsonb NOT NULL, parent text, desired jsonb NOT NULL,
    first_seen bigint NOT NULL, last_seen bigint NOT NULL, changed_at timestamptz NOT NULL);
  CREATE INDEX entities_changed ON entities (changed_at);
  CREATE TABLE relations (
    id text PRIMARY KEY, from_id text NOT NULL, to_id text NOT NULL, type text NOT NULL,
    first_seen bigint NOT NULL, last_seen bigint NOT NULL, changed_at timestamptz NOT NULL);
  CREATE INDEX relations_from ON relations (from_id);
  CREATE INDEX relations_to ON relations (to_id);
  CREATE INDEX relations_changed ON relations (changed_at);
  CREATE TABLE relation_stats (
    relation_id text NOT NULL REFERENCES relations (id) ON DELETE CASCADE, collector_id text NOT NULL,
    stats jsonb NOT NULL, updated_ms bigint NOT NULL, PRIMARY KEY (relation_id, collector_id));
  CREATE TABLE signals (
    id bigserial PRIMARY KEY, entity text NOT NULL, name text NOT NULL, unit text NOT NULL,
    kind text NOT NULL, summed boolean NOT NULL, changed_at timestamptz NOT NULL, UNIQUE (entity, name));
  CREATE INDEX signals_changed ON signals (changed_at);
  CREATE INDEX signals_name ON signals (name);
  CREATE TABLE points (
    signal_id bigint NOT NULL, t bigint NOT NULL, collector_id text NOT NULL, v double precision NOT NULL,
    changed_at timestamptz NOT NULL, PRIMARY KEY (signal_id, t, collector_id));
  CREATE INDEX points_changed ON points (changed_at);
  CREATE TABLE rollups (
    entity text NOT NULL, signal text NOT NULL, step_ms bigint NOT NULL, t bigint NOT NULL,
    avg double precision NOT NULL, min double precision NOT NULL, max double precision NOT NULL,
    count bigint NOT NULL, PRIMARY KEY (entity, signal, step_ms, t));
  CREATE INDEX rollups_level ON rollups (signal, step_ms, t);
  CREATE TABLE events (
    entity text NOT NULL, collector_id text NOT NULL, counts jsonb NOT NULL, latest jsonb NOT NULL,
    changed_at timestamptz NOT NULL, PRIMARY KEY (entity, collector_id));
  CREATE INDEX events_changed ON events (changed_at);
  CREATE TABLE tombstones (
    kind text NOT NULL, id text NOT NULL, removed_at timestamptz NOT NULL, PRIMARY KEY (kind, id));
  CREATE INDEX tombstones_removed ON tombstones (removed_at);
  CREATE TABLE objects (
    kind text NOT NULL, id text NOT NULL, value jsonb NOT NULL, version integer NOT NULL,
    updated_at bigint NOT NULL, PRIMARY KEY (kind, id));
  CREATE TABLE audit (
    seq bigserial PRIMARY KEY, t bigint NOT NULL, actor text NOT NULL, action text NOT NULL,
    target text NOT NULL, detail jsonb NOT NULL);
  `,
  // 2: saved what-if scenarios, shared by all collectors. The JSON is kept as text, verbatim.
  `
  CREATE TABLE scenarios (
    name text PRIMARY KEY, scenario text NOT NULL, version integer NOT NULL,
    updated_at bigint NOT NULL, updated_by text NOT NULL);
  `,
];

/** Any fixed number: collectors opening the same database at once queue on it, so one migrates. */
const MIGRATION_LOCK = 0x7477_696e;

/**
 * Brings the schema to the newest version in one transaction, holding an advisory lock so that
 * collectors starting together do not both migrate. Returns the version the store is at.
 */
export async function migrate(
  pool: Pool,
  where: string,
  collectorId: string,
  migrations: readonly string[] = MIGRATIONS,
): Promise<number> {
  return inTransaction(pool, async (client) => {
    await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    await client.query('CREATE TABLE IF NOT EXISTS meta (key text PRIMARY KEY, value text NOT NULL)');
    const found = await client.query<{ value: string }>("SELECT value FROM meta WHERE key = 'schema_version'");
    const current = found.rows.length > 0 ? Number(found.rows[0].value) : 0;
    const newest = migrations.length;
    if (current > newest) throw new StoreVersionError(where, current, newest);
    for (let version = current + 1; version <= newest; version++) {
      await client.query(migrations[version - 1]);
      // Who migrated, for whoever wonders later (and for the test that two starts migrate once).
      await client.query('INSERT INTO meta (key, value) VALUES ($1, $2)', [`migrated_to_${version}`, `${collectorId} at ${new Date().toISOString()}`]);
    }
    await client.query(
      "INSERT INTO meta (key, value) VALUES ('schema_version', $1) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
      [String(newest > current ? newest : current)],
    );
    return Math.max(current, newest);
  });
}
