import type { Entity, EventState, Level, Relation, RelationType } from '../../model';

/** Row shapes as SQLite returns them, and their mapping to the twin's types. */
export interface EntityRow {
  id: string;
  type: string;
  level: string;
  name: string;
  attributes: string;
  parent: string | null;
  desired: string;
  first_seen: number;
  last_seen: number;
}

export interface RelationRow {
  id: string;
  from_id: string;
  to_id: string;
  type: string;
  stats: string;
  first_seen: number;
  last_seen: number;
}

export interface EventRow {
  entity: string;
  counts: string;
  latest: string;
}

export function entityFromRow(row: EntityRow): Entity {
  return {
    id: row.id,
    type: row.type,
    level: row.level as Level,
    name: row.name,
    attributes: JSON.parse(row.attributes),
    parent: row.parent ?? undefined,
    desired: JSON.parse(row.desired),
    firstSeen: row.first_seen,
    lastSeen: row.last_seen,
  };
}

export function relationFromRow(row: RelationRow): Relation {
  return {
    id: row.id,
    from: row.from_id,
    to: row.to_id,
    type: row.type as RelationType,
    stats: JSON.parse(row.stats),
    firstSeen: row.first_seen,
    lastSeen: row.last_seen,
  };
}

export function eventsFromRow(row: EventRow): EventState {
  return { entity: row.entity, countsBySeverity: JSON.parse(row.counts), latestErrors: JSON.parse(row.latest) };
}
