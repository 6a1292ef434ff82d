import { READ_SNAPSHOT, inTransaction } from './pg-context';
import { readState } from './read-state';
import { toAudit } from './objects';
import { insertScenarios, toScenario } from './scenarios';
import type { ScenarioRow } from './scenarios';
import { writeDelta } from './write-delta';
import type { PgContext } from './pg-context';
import type { PoolClient } from 'pg';
import type { AuditRecord, RollupPoint, StoredObject, TwinSnapshot } from '../twin-store';

/** The whole store, read in one consistent snapshot; the twin state merged over collectors. */
export async function exportSnapshot(ctx: PgContext, schemaVersion: number): Promise<TwinSnapshot> {
  return inTransaction(
    ctx.pool,
    async (client) => {
      const state = await readState(client, ctx, { sinceMicros: undefined, pointsSinceMs: Number.MIN_SAFE_INTEGER });
      const rollups = await client.query<{ entity: string; signal: string; step_ms: number; t: number; avg: number; min: number; max: number; count: number }>(
        'SELECT * FROM rollups ORDER BY entity COLLATE "C", signal COLLATE "C", step_ms, t',
      );
      const objects = await client.query<{ kind: string; id: string; value: unknown; version: number; updated_at: number }>(
        'SELECT * FROM objects ORDER BY kind COLLATE "C", id COLLATE "C"',
      );
      const audit = await client.query('SELECT * FROM audit ORDER BY seq');
      const scenarios = await client.query<ScenarioRow>('SELECT * FROM scenarios ORDER BY name COLLATE "C"');
      return {
        format: 'twinops-snapshot',
        version: 1,
        schemaVersion,
        exportedAt: ctx.clock.now(),
        state,
        rollups: rollups.rows.map((r): RollupPoint => ({
          entity: r.entity,
          signal: r.signal,
          stepMs: r.step_ms,
          t: r.t,
          avg: r.avg,
          min: r.min,
          max: r.max,
          count: r.count,
        })),
        objects: objects.rows.map((r): StoredObject => ({ kind: r.kind, id: r.id, value: r.value, version: r.version, updatedAt: r.updated_at })),
        audit: audit.rows.map(toAudit),
        scenarios: scenarios.rows.map(toScenario),
      };
    },
    READ_SNAPSHOT,
  );
}

/**
 * Loads a snapshot into an empty store in one transaction. The twin state becomes this
 * collector's contribution; objects keep their versions and audit records their numbers (the
 * sequence moves past them, so new records still sort after).
 */
export async function importSnapshot(ctx: PgContext, snapshot: TwinSnapshot): Promise<void> {
  const format = (snapshot as { format?: unknown }).format;
  const version = (snapshot as { version?: unknown }).version;
  if (format !== 'twinops-snapshot' || version !== 1) {
    throw new Error(`not a twinops snapshot (format ${JSON.stringify(format)}, version ${JSON.stringify(version)})`);
  }
  await inTransaction(ctx.pool, async (client) => {
    // Lock out a concurrent import or write between the emptiness check and the load.
    await client.query('LOCK TABLE entities, objects, audit, scenarios IN SHARE ROW EXCLUSIVE MODE');
    await refuseUnlessEmpty(client);
    const { state } = snapshot;
    await writeDelta(client, ctx, { ...state, removedEntities: [], removedRelations: [] });
    await insertRollups(client, snapshot.rollups);
    await insertObjects(client, snapshot.objects);
    await insertAudit(client, snapshot.audit);
    await insertScenarios(client, snapshot.scenarios ?? []);
  });
}

async function refuseUnlessEmpty(client: PoolClient): Promise<void> {
  for (const [table, what] of [
    ['entities', 'entities'],
    ['objects', 'objects'],
    ['audit', 'audit records'],
    ['scenarios', 'saved scenarios'],
  ]) {
    const { rows } = await client.query<{ n: number }>(`SELECT count(*) AS n FROM ${table}`);
    if (rows[0].n > 0) throw new Error(`cannot import into a store that already holds ${rows[0].n} ${what}`);
  }
}

async function insertRollups(client: PoolClient, rollups: RollupPoint[]): Promise<void> {
  if (rollups.length === 0) return;
  await client.query(
    `INSERT INTO rollups (entity, signal, step_ms, t, avg, min, max, count)
     SELECT * FROM unnest($1::text[], $2::text[], $3::bigint[], $4::bigint[], $5::float8[], $6::float8[], $7::float8[], $8::bigint[])
     ON CONFLICT DO NOTHING`,
    [
      rollups.map((r) => r.entity),
      rollups.map((r) => r.signal),
      rollups.map((r) => r.stepMs),
      rollups.map((r) => r.t),
      rollups.map((r) => r.avg),
      rollups.map((r) => r.min),
      rollups.map((r) => r.max),
      rollups.map((r) => r.count),
    ],
  );
}

async function insertObjects(client: PoolClient, objects: StoredObject[]): Promise<void> {
  if (objects.length === 0) return;
  await client.query(
    `INSERT INTO objects (kind, id, value, version, updated_at)
     SELECT kind, id, value::jsonb, version, updated_at FROM unnest($1::text[], $2::text[], $3::text[], $4::int[], $5::bigint[])
       AS u(kind, id, value, version, updated_at)`,
    [
      objects.map((o) => o.kind),
      objects.map((o) => o.id),
      objects.map((o) => JSON.stringify(o.value) ?? 'null'),
      objects.map((o) => o.version),
      objects.map((o) => o.updatedAt),
    ],
  );
}

async function insertAudit(client: PoolClient, audit: AuditRecord[]): Promise<void> {
  if (audit.length === 0) return;
  await client.query(
    `INSERT INTO audit (seq, t, actor, action, target, detail)
     SELECT seq, t, actor, action, target, detail::jsonb FROM unnest($1::bigint[], $2::bigint[], $3::text[], $4::text[], $5::text[], $6::text[])
       AS u(seq, t, actor, action, target, detail)`,
    [
      audit.map((a) => a.seq),
      audit.map((a) => a.t),
      audit.map((a) => a.actor),
      audit.map((a) => a.action),
      audit.map((a) => a.target),
      audit.map((a) => JSON.stringify(a.detail)),
    ],
  );
  await client.query("SELECT setval(pg_get_serial_sequence('audit', 'seq'), (SELECT max(seq) FROM audit))");
}
