import type { DataCenterLayout, HostLayout } from './layout';
import { createWorldModel, idleHostState } from './world-state';
import type { WorldState } from './world-state';

/**
 * Installing servers in a running data center. The built racks hold a server every 6 U; new
 * servers fill the gaps bottom first, packed at 1 U steps (a 4 U gap takes two 2 U servers).
 * New servers get the next slot numbers (`r01-s8`, `r01-s9`, …) and are appended to
 * `layout.hosts`, so the indexes of existing hosts do not change.
 */

export interface AddServersRequest {
  rack: string;
  count: number;
  /** Host name whose model the new servers copy; default the rack's first server. */
  model?: string;
}

/** The lowest free install places of a rack for a server `heightU` tall, bottom first. */
export function freeRackPositions(layout: DataCenterLayout, rackId: string, heightU: number): number[] {
  const rack = layout.racks.find((r) => r.id === rackId);
  if (!rack) throw new Error(`unknown rack '${rackId}'`);
  const used = new Set<number>();
  for (const i of rack.hostIndexes) {
    const host = layout.hosts[i];
    for (let u = host.positionU; u < host.positionU + host.model.heightU; u++) used.add(u);
  }
  const free: number[] = [];
  for (let position = 1; position + heightU - 1 <= rack.heightU; position++) {
    let fits = true;
    for (let u = position; u < position + heightU; u++) if (used.has(u)) fits = false;
    if (!fits) continue;
    free.push(position);
    for (let u = position; u < position + heightU; u++) used.add(u);
  }
  return free;
}

/** A new layout with `count` servers added to the rack; pure. Throws naming the field at fault. */
export function addServersToLayout(layout: DataCenterLayout, request: AddServersRequest): { layout: DataCenterLayout; added: HostLayout[] } {
  const rackIndex = layout.racks.findIndex((r) => r.id === request.rack);
  if (rackIndex < 0) throw new Error(`unknown rack '${request.rack}'`);
  const rack = layout.racks[rackIndex];
  if (!Number.isInteger(request.count) || request.count < 1) throw new Error(`count: must be a positive integer, got ${request.count}`);
  const template = request.model === undefined ? layout.hosts[rack.hostIndexes[0]] : layout.hosts.find((h) => h.name === request.model);
  if (!template) throw new Error(`unknown host '${request.model}'`);
  const model = template.model;
  const free = freeRackPositions(layout, rack.id, model.heightU);
  if (request.count > free.length) {
    throw new Error(`count: must be at most ${free.length} (free places for ${model.id} in rack ${rack.id}), got ${request.count}`);
  }
  let slot = Math.max(0, ...rack.hostIndexes.map((i) => layout.hosts[i].slot));
  const added: HostLayout[] = free.slice(0, request.count).map((positionU, k) => {
    slot++;
    return {
      name: `${rack.id}-s${slot}`,
      index: layout.hosts.length + k,
      rackIndex,
      roomId: rack.roomId,
      rowId: rack.rowId,
      rackId: rack.id,
      slot,
      positionU,
      model,
    };
  });
  const racks = layout.racks.map((r) => (r.index === rackIndex ? { ...r, hostIndexes: [...r.hostIndexes, ...added.map((h) => h.index)] } : r));
  return { layout: { ...layout, racks, hosts: [...layout.hosts, ...added] }, added };
}

/**
 * The world with servers added: the model (recirculation kernel included) rebuilt over the new
 * layout, the new hosts powered on and idle, their air and CPU at the rack's mean inlet (they
 * draw power from the next step on).
 */
export function addServersToWorld(state: WorldState, request: AddServersRequest): { state: WorldState; added: HostLayout[] } {
  const { layout, added } = addServersToLayout(state.model.layout, request);
  const members = layout.racks[added[0].rackIndex].hostIndexes.filter((i) => i < state.hosts.length);
  const room = state.model.layout.rooms.findIndex((r) => r.id === added[0].roomId);
  const inlet = members.length > 0 ? members.reduce((sum, i) => sum + state.hosts[i].inletCelsius, 0) / members.length : state.rooms[room].supplyCelsius;
  return { state: { ...state, model: createWorldModel(layout), hosts: [...state.hosts, ...added.map(() => idleHostState(inlet))] }, added };
}
