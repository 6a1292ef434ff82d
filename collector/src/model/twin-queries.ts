import { averageBySteps } from './signal-ring';
import { entityView, eventSummary, relationView, signalSummaries } from './twin-records';
import type { GraphStore } from './graph-store';
import type { EntityRecord } from './twin-records';
import type { Entity, EntityDetail, EntityFilter, SignalQuery, SignalSeries, Topology } from './types';

/** The read side over a graph store: every answer is a detached copy. */

/** Entities matching the filter, in the order they were first seen; `total` counts all matches. */
export function listEntities(store: GraphStore, filter: EntityFilter): { total: number; items: Entity[] } {
  const offset = filter.offset ?? 0;
  const limit = filter.limit ?? Number.POSITIVE_INFINITY;
  const needle = filter.name?.toLowerCase();
  const attributes = filter.attributes ? Object.entries(filter.attributes) : [];
  const items: Entity[] = [];
  let total = 0;
  for (const rec of store.entities.values()) {
    if (filter.type !== undefined && rec.type !== filter.type) continue;
    if (filter.level !== undefined && rec.level !== filter.level) continue;
    if (needle !== undefined && !rec.name.toLowerCase().includes(needle)) continue;
    if (!attributesMatch(rec, attributes)) continue;
    if (total >= offset && items.length < limit) items.push(entityView(rec));
    total += 1;
  }
  return { total, items };
}

function attributesMatch(rec: EntityRecord, wanted: [string, string][]): boolean {
  for (const [key, value] of wanted) {
    if (!Object.hasOwn(rec.attributes, key) || String(rec.attributes[key]) !== value) return false;
  }
  return true;
}

export function getEntity(store: GraphStore, id: string): EntityDetail | undefined {
  const rec = store.entities.get(id);
  if (!rec) return undefined;
  return {
    ...entityView(rec),
    signals: signalSummaries(rec),
    relations: (rec.relations ?? []).map(relationView),
    events: eventSummary(rec),
  };
}

/** Points of one signal within [from, to], averaged per `stepMs` bucket when given. */
export function signalHistory(store: GraphStore, query: SignalQuery): SignalSeries | undefined {
  const signal = store.entities.get(query.entity)?.signals?.get(query.name);
  if (!signal) return undefined;
  const points = signal.range(query.from ?? Number.NEGATIVE_INFINITY, query.to ?? Number.POSITIVE_INFINITY);
  return {
    entity: query.entity,
    name: query.name,
    unit: signal.unit,
    points: query.stepMs && query.stepMs > 0 ? averageBySteps(points, query.stepMs) : points,
  };
}

export function topology(store: GraphStore): Topology {
  const nodes: Topology['nodes'] = [];
  for (const rec of store.entities.values()) nodes.push({ ...entityView(rec), signals: signalSummaries(rec) });
  const edges = [...store.relations.values()].map(relationView);
  return { nodes, edges };
}
