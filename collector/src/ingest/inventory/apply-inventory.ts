import type { TwinWriter } from '../../model';
import type { HostAlias, InventoryGraph } from './build-graph';

/** Inventory entities by the `host.name` their own telemetry reports under. */
export type HostAliases = Map<string, HostAlias['entity']>;

/**
 * Writes inventories into the twin, one after another: each call upserts the new graph, then
 * removes what the previous one had and the new one lacks. Hosts are never removed (telemetry
 * may know them too); only their inventory relations go. `hostAliases` is replaced by the new
 * inventory's, so resources resolve onto the devices it names from then on.
 */
export function createInventoryApplier(twin: TwinWriter, hostAliases: HostAliases): (graph: InventoryGraph) => void {
  let previous: InventoryGraph = { entities: [], relations: [], hostAliases: [] };
  return (graph) => {
    hostAliases.clear();
    for (const alias of graph.hostAliases) hostAliases.set(alias.hostName, alias.entity);
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
