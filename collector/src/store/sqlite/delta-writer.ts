import type Database from 'better-sqlite3';
import type { Clock, Entity, EventState, Relation, SignalState, TwinDelta } from '../../model';
import { rawBlock } from './blocks';
import type { SignalPurge } from './signal-purge';

/** Points per INSERT: one statement call per batch instead of per point (1,000 variables fit any SQLite build). */
const POINTS_PER_STATEMENT = 250;

export interface DeltaWriter {
  /** Applies a delta (removals first, then upserts) in its own transaction, or inside the caller's. */
  write(delta: TwinDelta): void;
}

export function createDeltaWriter(db: Database.Database, clock: Clock, purge: SignalPurge): DeltaWriter {
  const nextRev = db.prepare("UPDATE meta SET value = value + 1 WHERE key = 'rev' RETURNING value").pluck();
  const upsertEntity = db.prepare(`
    INSERT INTO entities (id, type, level, name, attributes, parent, desired, first_seen, last_seen, rev)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
    ON CONFLICT (id) DO UPDATE SET type = excluded.type, level = excluded.level, name = excluded.name,
      attributes = json_patch(entities.attributes, excluded.attributes), parent = excluded.parent,
      desired = CASE WHEN excluded.desired = '{}' THEN entities.desired ELSE excluded.desired END,
      first_seen = min(entities.first_seen, excluded.first_seen),
      last_seen = max(entities.last_seen, excluded.last_seen), rev = excluded.rev`);
  const upsertRelation = db.prepare(`
    INSERT INTO relations (id, from_id, to_id, type, stats, first_seen, last_seen, rev) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
    ON CONFLICT (id) DO UPDATE SET from_id = excluded.from_id, to_id = excluded.to_id, type = excluded.type,
      stats = excluded.stats, first_seen = min(relations.first_seen, excluded.first_seen),
      last_seen = max(relations.last_seen, excluded.last_seen), rev = excluded.rev`);
  const upsertSignal = db
    .prepare(
      `INSERT INTO signals (entity, name, unit, kind) VALUES (?, ?, ?, ?)
       ON CONFLICT (entity, name) DO UPDATE SET unit = excluded.unit, kind = excluded.kind
       RETURNING id`,
    )
    .pluck();
  // Signal ids by entity and name, with the unit and kind stored: a known signal costs no statement.
  const known = new Map<string, { id: number; unit: string; kind: string }>();
  const replaceEvents = db.prepare('INSERT OR REPLACE INTO events (entity, counts, latest, rev) VALUES (?, ?, ?, ?)');
  const bury = db.prepare('INSERT OR REPLACE INTO tombstones (kind, id, rev, at) VALUES (?, ?, ?, ?)');
  const unbury = db.prepare('DELETE FROM tombstones WHERE kind = ? AND id = ?');
  const relationsOf = db.prepare('SELECT id FROM relations WHERE from_id = ? OR to_id = ?').pluck();
  const deleteRelation = db.prepare('DELETE FROM relations WHERE id = ?');
  const signalsOf = db.prepare('SELECT id FROM signals WHERE entity = ?').pluck();
  const deleteEntityRows = [
    'DELETE FROM signals WHERE entity = ?',
    'DELETE FROM events WHERE entity = ?',
    'DELETE FROM entities WHERE id = ?',
  ].map((sql) => db.prepare(sql));
  const pointStatements = new Map<number, Database.Statement>();

  function pointStatement(rows: number): Database.Statement {
    let statement = pointStatements.get(rows);
    if (!statement) {
      const values = Array.from({ length: rows }, () => '(?, ?, ?, ?)').join(', ');
      statement = db.prepare(
        `INSERT INTO points (block, signal_id, t, v) VALUES ${values} ON CONFLICT (block, signal_id, t) DO UPDATE SET v = excluded.v`,
      );
      pointStatements.set(rows, statement);
    }
    return statement;
  }

  function removeRelation(id: string, rev: number, at: number): void {
    if (deleteRelation.run(id).changes > 0) bury.run('relation', id, rev, at);
  }

  function removeEntity(id: string, rev: number, at: number): void {
    for (const relationId of relationsOf.all(id, id) as string[]) removeRelation(relationId, rev, at);
    for (const key of known.keys()) if (key.startsWith(`${id}\u0000`)) known.delete(key);
    purge.purge(signalsOf.all(id) as number[]);
    for (const statement of deleteEntityRows) statement.run(id);
    bury.run('entity', id, rev, at);
  }

  function writeEntity(e: Entity, rev: number): void {
    const parent = e.parent ?? null;
    upsertEntity.run(e.id, e.type, e.level, e.name, JSON.stringify(e.attributes ?? {}), parent, JSON.stringify(e.desired ?? {}), e.firstSeen, e.lastSeen, rev);
    unbury.run('entity', e.id);
  }

  function writeRelation(r: Relation, rev: number): void {
    upsertRelation.run(r.id, r.from, r.to, r.type, JSON.stringify(r.stats ?? {}), r.firstSeen, r.lastSeen, rev);
    unbury.run('relation', r.id);
  }

  function signalId(s: SignalState): number {
    const key = `${s.entity}\u0000${s.name}`;
    const cached = known.get(key);
    if (cached && cached.unit === s.unit && cached.kind === s.kind) return cached.id;
    const id = upsertSignal.get(s.entity, s.name, s.unit, s.kind) as number;
    known.set(key, { id, unit: s.unit, kind: s.kind });
    return id;
  }

  function writePoints(signals: SignalState[]): void {
    const params: number[] = [];
    for (const s of signals) {
      const id = signalId(s);
      for (const p of s.points) {
        params.push(rawBlock(p.t), id, p.t, p.v);
        if (params.length === POINTS_PER_STATEMENT * 4) pointStatement(POINTS_PER_STATEMENT).run(params.splice(0));
      }
    }
    if (params.length > 0) pointStatement(params.length / 4).run(params);
  }

  function writeEvents(events: EventState[], rev: number): void {
    for (const e of events) replaceEvents.run(e.entity, JSON.stringify(e.countsBySeverity), JSON.stringify(e.latestErrors), rev);
  }

  const apply = db.transaction((delta: TwinDelta) => {
    const rev = nextRev.get() as number;
    const at = clock.now();
    for (const id of delta.removedRelations ?? []) removeRelation(id, rev, at);
    for (const id of delta.removedEntities ?? []) removeEntity(id, rev, at);
    for (const e of delta.entities ?? []) writeEntity(e, rev);
    for (const r of delta.relations ?? []) writeRelation(r, rev);
    writePoints(delta.signals ?? []);
    writeEvents(delta.events ?? [], rev);
  });

  return {
    write(delta) {
      try {
        apply(delta);
      } catch (error) {
        // Ids cached during a rolled-back transaction may not exist.
        known.clear();
        throw error;
      }
    },
  };
}
