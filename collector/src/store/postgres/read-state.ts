import { mergeEventSummaries, mergeRelationStats } from '../merge-rules';
import type { PgContext } from './pg-context';
import type { PoolClient } from 'pg';
import type { Entity, EntityEvent, EventState, Relation, RelationType, SignalState, TwinState } from '../../model';

/**
 * Which rows to read: all of them (`since` undefined) or those changed after a database time in
 * microseconds since the epoch. Points are read from `pointsSinceMs` on either way.
 */
export interface ReadWindow {
  sinceMicros: number | undefined;
  pointsSinceMs: number;
}

interface EntityRow {
  id: string;
  type: string;
  level: Entity['level'];
  name: string;
  attributes: Entity['attributes'];
  parent: string | null;
  desired: Entity['desired'];
  first_seen: number;
  last_seen: number;
}

/** `changed_at > since` or always true; $1 is the bound time (NULL when reading everything). */
const CHANGED = (column: string): string => `($1::float8 IS NULL OR ${column} > to_timestamp($1::float8 / 1e6))`;

/** The merged twin (or the part changed after the window's time), read in the caller's transaction. */
export async function readState(client: PoolClient, ctx: PgContext, window: ReadWindow): Promise<TwinState> {
  const since = window.sinceMicros ?? null;
  const entities = await client.query<EntityRow>(`SELECT * FROM entities WHERE ${CHANGED('changed_at')} ORDER BY id COLLATE "C"`, [since]);
  return {
    entities: entities.rows.map(toEntity),
    relations: await readRelations(client, ctx, since),
    signals: await readSignals(client, since, window.pointsSinceMs),
    events: await readEvents(client, since),
  };
}

function toEntity(row: EntityRow): Entity {
  return {
    id: row.id,
    type: row.type,
    level: row.level,
    name: row.name,
    attributes: row.attributes,
    parent: row.parent ?? undefined,
    desired: row.desired,
    firstSeen: row.first_seen,
    lastSeen: row.last_seen,
  };
}

async function readRelations(client: PoolClient, ctx: PgContext, since: number | null): Promise<Relation[]> {
  const rows = await client.query<{
    id: string;
    from_id: string;
    to_id: string;
    type: RelationType;
    first_seen: number;
    last_seen: number;
    contributions: { collectorId: string; stats: Record<string, number>; updatedMs: number }[] | null;
  }>(
    `SELECT r.id, r.from_id, r.to_id, r.type, r.first_seen, r.last_seen,
       (SELECT jsonb_agg(jsonb_build_object('collectorId', s.collector_id, 'stats', s.stats, 'updatedMs', s.updated_ms)
          ORDER BY s.collector_id) FROM relation_stats s WHERE s.relation_id = r.id) AS contributions
     FROM relations r WHERE ${CHANGED('r.changed_at')} ORDER BY r.id COLLATE "C"`,
    [since],
  );
  const now = ctx.clock.now();
  return rows.rows.map((r) => ({
    id: r.id,
    from: r.from_id,
    to: r.to_id,
    type: r.type,
    stats: mergeRelationStats(r.contributions ?? [], now, ctx.staleAfterMs),
    firstSeen: r.first_seen,
    lastSeen: r.last_seen,
  }));
}

const MERGED = 'CASE WHEN s.summed THEN sum(p.v) ELSE avg(p.v) END';
const ALL_POINTS = `SELECT p.signal_id, p.t, ${MERGED} AS v
  FROM points p JOIN signals s ON s.id = p.signal_id
  WHERE p.t >= $1 GROUP BY p.signal_id, p.t, s.summed ORDER BY p.signal_id, p.t`;
const CHANGED_POINTS = `WITH buckets AS (SELECT DISTINCT signal_id, t FROM points WHERE t >= $2 AND ${CHANGED('changed_at')})
  SELECT p.signal_id, p.t, ${MERGED} AS v
  FROM points p JOIN buckets b ON b.signal_id = p.signal_id AND b.t = p.t JOIN signals s ON s.id = p.signal_id
  GROUP BY p.signal_id, p.t, s.summed ORDER BY p.signal_id, p.t`;

/**
 * Signals with their merged points: per bucket the sum over collectors or the mean (the signal's
 * `summed`, set from merge-rules when written). When reading changes, a signal comes when its
 * row or one of its points changed, with only its changed buckets, each merged over every
 * collector's value for it.
 */
async function readSignals(client: PoolClient, since: number | null, pointsSinceMs: number): Promise<SignalState[]> {
  const signals = await client.query<{ id: number; entity: string; name: string; unit: string; kind: string }>(
    `SELECT s.id, s.entity, s.name, s.unit, s.kind FROM signals s
     WHERE ${CHANGED('s.changed_at')}
       OR ($1::float8 IS NOT NULL AND s.id IN (SELECT signal_id FROM points WHERE t >= $2 AND ${CHANGED('changed_at')}))
     ORDER BY s.entity COLLATE "C", s.name COLLATE "C"`,
    [since, pointsSinceMs],
  );
  const points = await client.query<{ signal_id: number; t: number; v: number }>(
    since === null ? ALL_POINTS : CHANGED_POINTS,
    since === null ? [pointsSinceMs] : [since, pointsSinceMs],
  );
  const byId = new Map<number, SignalState>();
  const result = signals.rows.map((s) => {
    const state: SignalState = { entity: s.entity, name: s.name, unit: s.unit, kind: s.kind, points: [] };
    byId.set(s.id, state);
    return state;
  });
  for (const p of points.rows) byId.get(p.signal_id)?.points.push({ t: p.t, v: p.v });
  return result;
}

async function readEvents(client: PoolClient, since: number | null): Promise<EventState[]> {
  const rows = await client.query<{ entity: string; summaries: { counts: Record<string, number>; latest: EntityEvent[] }[] }>(
    `SELECT ev.entity, jsonb_agg(jsonb_build_object('counts', ev.counts, 'latest', ev.latest) ORDER BY ev.collector_id) AS summaries
     FROM events ev WHERE ev.entity IN (SELECT entity FROM events WHERE ${CHANGED('changed_at')})
     GROUP BY ev.entity ORDER BY ev.entity COLLATE "C"`,
    [since],
  );
  return rows.rows.map((r) => ({
    entity: r.entity,
    ...mergeEventSummaries(r.summaries.map((s) => ({ countsBySeverity: s.counts, latestErrors: s.latest }))),
  }));
}
