import { entityView, eventSummary, relationView } from './twin-records';
import type { GraphStore } from './graph-store';
import type { TwinDelta, TwinState } from './types';

/** The changes the store's journal recorded since the previous call, as a delta; clears the journal. */
export function takeDelta(store: GraphStore): TwinDelta {
  const journal = store.journal;
  const delta: TwinDelta = {
    entities: [],
    relations: [],
    signals: [],
    events: [],
    removedEntities: [...journal.removedEntities],
    removedRelations: [...journal.removedRelations],
  };
  for (const id of journal.entities) {
    const rec = store.entities.get(id);
    if (rec) delta.entities.push(entityView(rec));
  }
  for (const id of journal.relations) {
    const rec = store.relations.get(id);
    if (rec) delta.relations.push(relationView(rec));
  }
  for (const { entity, signal } of journal.signals) {
    // A signal of an entity removed since (and perhaps re-created) is not this entity's any more.
    if (store.entities.get(entity.id) !== entity) continue;
    const points = signal.range(signal.dirtyFrom, Number.POSITIVE_INFINITY);
    delta.signals.push({ entity: entity.id, name: signal.name, unit: signal.unit, kind: signal.kind, points });
  }
  for (const id of journal.events) {
    const rec = store.entities.get(id);
    if (rec) delta.events.push({ entity: id, ...eventSummary(rec) });
  }
  journal.clear();
  return delta;
}

/**
 * Loads saved or merged state into the store: removals first, then entities (attributes merged,
 * times and desired state as given), relations (stats replaced), parents, signal buckets
 * (set, not averaged) and event summaries (replaced). Limits apply as for live writes.
 */
export function applyState(store: GraphStore, state: TwinState | TwinDelta): void {
  if ('removedEntities' in state) {
    for (const id of state.removedRelations) store.removeRelation(id);
    for (const id of state.removedEntities) store.removeEntity(id);
  }
  for (const entity of state.entities) {
    if (!store.upsertEntity(entity)) continue;
    const rec = store.entities.get(entity.id);
    if (!rec) continue;
    rec.firstSeen = Math.min(rec.firstSeen, entity.firstSeen);
    rec.lastSeen = entity.lastSeen;
    if (Object.keys(entity.desired).length > 0) rec.desired = { ...entity.desired };
  }
  for (const relation of state.relations) {
    if (!store.upsertRelation(relation.from, relation.to, relation.type)) continue;
    const rec = store.relations.get(relation.id);
    if (!rec) continue;
    rec.stats = { ...relation.stats };
    rec.firstSeen = Math.min(rec.firstSeen, relation.firstSeen);
    rec.lastSeen = relation.lastSeen;
  }
  for (const entity of state.entities) {
    const rec = store.entities.get(entity.id);
    if (rec && entity.parent !== undefined && store.entities.has(entity.parent)) rec.parent = entity.parent;
  }
  for (const signal of state.signals) store.putSignalPoints(signal.entity, signal.name, signal.unit, signal.kind, signal.points);
  for (const events of state.events) store.replaceEvents(events.entity, events.countsBySeverity, events.latestErrors);
}
