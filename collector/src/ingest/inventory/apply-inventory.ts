import type { TwinWriter } from '../../model';
import type { InventoryGraph } from './build-graph';

/**
 * Writes inventories into the twin, one after another: each call upserts the new graph, then
 * removes what the previous one had and the new one lacks. Hosts are never removed (telemetry
 * may know them too); only their inventory relations go.
 */
export function createInventoryApplier(twin: TwinWriter): (graph: InventoryGraph) => void {
  let previous: InventoryGraph = { entities: [], relations: [] };
  return (graph) => {
    for (const entity of graph.entities) twin.upsertEntity(entity);
    for (const r of graph.relations) twin.upsertRelation(r.from, r.to, r.type);
    const relationIds = new Set(graph.relations.map((r) => `${r.type}:${r.from}->${r.to}`));
    for (const r of previous.relations) {
      const id = `${r.type}:${r.from}->${r.to}`;
      if (!relationIds.has(id)) twin.removeRelation(id);
    }
    const entityIds = new Set(graph.entities.map((e) => e.id));
    for (const e of previous.entities) if (!entityIds.has(e.id) && e.type !== 'host') twin.removeEntity(e.id);
    previous = graph;
  };
}
