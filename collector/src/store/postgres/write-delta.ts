import { isSummedSignal } from '../merge-rules';
import type { PgContext } from './pg-context';
import type { PoolClient } from 'pg';
import type { TwinDelta } from '../../model';

/** The same key twice in one INSERT ... ON CONFLICT is an error: keep the last, as a replay would. */
function lastByKey<T>(items: T[], key: (item: T) => string): T[] {
  const byKey = new Map<string, T>();
  for (const item of items) byKey.set(key(item), item);
  return [...byKey.values()];
}

const ms = (t: number): number => Math.round(t);

/**
 * Writes one batch as this collector's contribution, in the caller's transaction: removals first
 * (the listed entities and relations are how things are now, so they win over a removal in the
 * same batch), then shared entity and relation rows, then this collector's relation stats,
 * signal points and event summaries. Each table is one statement over unnest()ed arrays.
 */
export async function writeDelta(client: PoolClient, ctx: PgContext, delta: TwinDelta): Promise<void> {
  await removeEntities(client, delta.removedEntities);
  await removeRelations(client, delta.removedRelations);
  await upsertEntities(client, delta);
  await upsertRelations(client, ctx, delta);
  await upsertSignals(client, ctx, delta);
  await upsertEvents(client, ctx, delta);
}

async function upsertEntities(client: PoolClient, delta: TwinDelta): Promise<void> {
  const entities = lastByKey(delta.entities, (e) => e.id);
  if (entities.length === 0) return;
  const ids = entities.map((e) => e.id);
  // Attributes merge (each collector may know different ones); the latest writer names the rest.
  await client.query(
    `INSERT INTO entities (id, type, level, name, attributes, parent, desired, first_seen, last_seen, changed_at)
     SELECT id, type, level, name, attributes::jsonb, parent, desired::jsonb, first_seen, last_seen, clock_timestamp()
     FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::bigint[], $9::bigint[])
       AS u(id, type, level, name, attributes, parent, desired, first_seen, last_seen)
     ON CONFLICT (id) DO UPDATE SET type = excluded.type, level = excluded.level, name = excluded.name,
       attributes = entities.attributes || excluded.attributes, parent = excluded.parent,
       desired = CASE WHEN excluded.desired = '{}'::jsonb THEN entities.desired ELSE excluded.desired END,
       first_seen = LEAST(entities.first_seen, excluded.first_seen),
       last_seen = GREATEST(entities.last_seen, excluded.last_seen), changed_at = excluded.changed_at`,
    [
      ids,
      entities.map((e) => e.type),
      entities.map((e) => e.level),
      entities.map((e) => e.name),
      entities.map((e) => JSON.stringify(e.attributes)),
      entities.map((e) => e.parent ?? null),
      entities.map((e) => JSON.stringify(e.desired)),
      entities.map((e) => ms(e.firstSeen)),
      entities.map((e) => ms(e.lastSeen)),
    ],
  );
  await client.query("DELETE FROM tombstones WHERE kind = 'entity' AND id = ANY($1::text[])", [ids]);
}

async function upsertRelations(client: PoolClient, ctx: PgContext, delta: TwinDelta): Promise<void> {
  const relations = lastByKey(delta.relations, (r) => r.id);
  if (relations.length === 0) return;
  const ids = relations.map((r) => r.id);
  await client.query(
    `INSERT INTO relations (id, from_id, to_id, type, first_seen, last_seen, changed_at)
     SELECT id, from_id, to_id, type, first_seen, last_seen, clock_timestamp()
     FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::bigint[], $6::bigint[])
       AS u(id, from_id, to_id, type, first_seen, last_seen)
     ON CONFLICT (id) DO UPDATE SET first_seen = LEAST(relations.first_seen, excluded.first_seen),
       last_seen = GREATEST(relations.last_seen, excluded.last_seen), changed_at = excluded.changed_at`,
    [
      ids,
      relations.map((r) => r.from),
      relations.map((r) => r.to),
      relations.map((r) => r.type),
      relations.map((r) => ms(r.firstSeen)),
      relations.map((r) => ms(r.lastSeen)),
    ],
  );
  await client.query(
    `INSERT INTO relation_stats (relation_id, collector_id, stats, updated_ms)
     SELECT id, $2, stats::jsonb, $3 FROM unnest($1::text[], $4::text[]) AS u(id, stats)
     ON CONFLICT (relation_id, collector_id) DO UPDATE SET stats = excluded.stats, updated_ms = excluded.updated_ms`,
    [ids, ctx.collectorId, ctx.clock.now(), relations.map((r) => JSON.stringify(r.stats))],
  );
  await client.query("DELETE FROM tombstones WHERE kind = 'relation' AND id = ANY($1::text[])", [ids]);
}

async function upsertSignals(client: PoolClient, ctx: PgContext, delta: TwinDelta): Promise<void> {
  const signals = lastByKey(delta.signals, (s) => `${s.entity}\u0000${s.name}`);
  if (signals.length === 0) return;
  // Whether buckets add up across collectors is decided once here, so SQL reads need no rule. A
  // signal row is rewritten only when its unit or kind changed: every flush sends every active
  // signal, and rewriting unchanged rows was most of a flush's cost. The second SELECT sees the
  // rows as they were before this statement, which gives the ids of those left alone.
  const ids = await client.query<{ id: number; entity: string; name: string }>(
    `WITH input AS (
       SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::boolean[]) AS u(entity, name, unit, kind, summed)),
     written AS (
       INSERT INTO signals (entity, name, unit, kind, summed, changed_at)
       SELECT entity, name, unit, kind, summed, clock_timestamp() FROM input
       ON CONFLICT (entity, name) DO UPDATE SET unit = excluded.unit, kind = excluded.kind,
         summed = excluded.summed, changed_at = excluded.changed_at
       WHERE signals.unit <> excluded.unit OR signals.kind <> excluded.kind
       RETURNING id, entity, name)
     SELECT id, entity, name FROM written
     UNION ALL SELECT s.id, s.entity, s.name FROM signals s JOIN input i ON s.entity = i.entity AND s.name = i.name`,
    [
      signals.map((s) => s.entity),
      signals.map((s) => s.name),
      signals.map((s) => s.unit),
      signals.map((s) => s.kind),
      signals.map((s) => isSummedSignal(s.unit, s.kind)),
    ],
  );
  const idOf = new Map(ids.rows.map((r) => [`${r.entity}\u0000${r.name}`, r.id]));
  const signalId: number[] = [];
  const t: number[] = [];
  const v: number[] = [];
  for (const s of signals) {
    const id = idOf.get(`${s.entity}\u0000${s.name}`) as number;
    // One row per bucket: the same bucket twice in one statement would be an ON CONFLICT error.
    const byBucket = new Map<number, number>();
    for (const p of s.points) byBucket.set(ms(p.t), p.v);
    for (const [bucket, value] of byBucket) {
      signalId.push(id);
      t.push(bucket);
      v.push(value);
    }
  }
  if (t.length === 0) return;
  // The newest bucket is re-sent while it is still being averaged: a later value replaces.
  await client.query(
    `INSERT INTO points (signal_id, t, collector_id, v, changed_at)
     SELECT signal_id, t, $4, v, clock_timestamp() FROM unnest($1::bigint[], $2::bigint[], $3::float8[]) AS u(signal_id, t, v)
     ON CONFLICT (signal_id, t, collector_id) DO UPDATE SET v = excluded.v, changed_at = excluded.changed_at`,
    [signalId, t, v, ctx.collectorId],
  );
}

async function upsertEvents(client: PoolClient, ctx: PgContext, delta: TwinDelta): Promise<void> {
  const events = lastByKey(delta.events, (e) => e.entity);
  if (events.length === 0) return;
  await client.query(
    `INSERT INTO events (entity, collector_id, counts, latest, changed_at)
     SELECT entity, $4, counts::jsonb, latest::jsonb, clock_timestamp()
     FROM unnest($1::text[], $2::text[], $3::text[]) AS u(entity, counts, latest)
     ON CONFLICT (entity, collector_id) DO UPDATE SET counts = excluded.counts, latest = excluded.latest,
       changed_at = excluded.changed_at`,
    [
      events.map((e) => e.entity),
      events.map((e) => JSON.stringify(e.countsBySeverity)),
      events.map((e) => JSON.stringify(e.latestErrors)),
      ctx.collectorId,
    ],
  );
}

/** An entity goes with its relations (both directions), signals, points, rollups and events. */
async function removeEntities(client: PoolClient, ids: string[]): Promise<void> {
  if (ids.length === 0) return;
  const relations = await client.query<{ id: string }>(
    'SELECT id FROM relations WHERE from_id = ANY($1::text[]) OR to_id = ANY($1::text[])',
    [ids],
  );
  await removeRelations(client, relations.rows.map((r) => r.id));
  await client.query('DELETE FROM points WHERE signal_id IN (SELECT id FROM signals WHERE entity = ANY($1::text[]))', [ids]);
  await client.query('DELETE FROM rollups WHERE entity = ANY($1::text[])', [ids]);
  await client.query('DELETE FROM signals WHERE entity = ANY($1::text[])', [ids]);
  await client.query('DELETE FROM events WHERE entity = ANY($1::text[])', [ids]);
  await client.query('DELETE FROM entities WHERE id = ANY($1::text[])', [ids]);
  await tombstone(client, 'entity', ids);
}

async function removeRelations(client: PoolClient, ids: string[]): Promise<void> {
  if (ids.length === 0) return;
  await client.query('DELETE FROM relations WHERE id = ANY($1::text[])', [ids]);
  await tombstone(client, 'relation', ids);
}

/** Removals are remembered so that other collectors' changesSince learn of them. */
async function tombstone(client: PoolClient, kind: 'entity' | 'relation', ids: string[]): Promise<void> {
  await client.query(
    `INSERT INTO tombstones (kind, id, removed_at) SELECT $1, id, clock_timestamp() FROM unnest($2::text[]) AS u(id)
     ON CONFLICT (kind, id) DO UPDATE SET removed_at = excluded.removed_at`,
    [kind, [...new Set(ids)]],
  );
}
