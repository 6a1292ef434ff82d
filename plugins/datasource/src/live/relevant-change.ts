import type { TwinQuery } from '../types';
import type { TwinChangeEvent } from './change-stream';

const TOPOLOGY_KINDS = new Set(['entity.added', 'entity.removed', 'relation.added', 'relation.removed']);
const ENTITY_KINDS = new Set(['entity.added', 'entity.updated', 'entity.removed']);

/** The entity a change is about, when it names one. */
function changedEntity(change: TwinChangeEvent): string | undefined {
  const { entity, id } = change.data;
  if (typeof entity === 'string') {
    return entity;
  }
  if (typeof entity === 'object' && entity !== null && typeof (entity as { id?: unknown }).id === 'string') {
    return (entity as { id: string }).id;
  }
  return typeof id === 'string' ? id : undefined;
}

/** Whether `wanted` (a query's entity, maybe empty: any) matches the change's entity. */
const forEntity = (wanted: string | undefined, change: TwinChangeEvent) => !wanted || changedEntity(change) === wanted;

/**
 * Whether a change should re-run a live query: graph changes for topology, entity changes for the
 * entity table, a new signal of the query's entity for signal-based queries, a new event for events.
 * Simulations are what-ifs on demand and never re-run by themselves.
 */
export function isRelevantChange(query: TwinQuery, change: TwinChangeEvent): boolean {
  switch (query.queryType) {
    case 'topology':
      return TOPOLOGY_KINDS.has(change.kind);
    case 'entities':
      return ENTITY_KINDS.has(change.kind);
    case 'signals':
    case 'forecast':
    case 'anomalies':
    case 'rootCause':
      return change.kind === 'signal.added' && forEntity(query.entity, change);
    case 'events':
      return change.kind === 'event.added' && forEntity(query.entity, change);
    default:
      return false;
  }
}
