import { numberAttribute } from './number-attribute';
import { componentRole } from '../model';
import type { Entity, Relation, TwinReader } from '../model';

/**
 * The data center's layout as the twin holds it: rooms, racks (with row and position), hosts in
 * racks, CRACs with the racks they cool, PDUs with the racks they power, and the hardware
 * components that carry the sensors (inlet and supply temperatures, fans, enclosure status).
 * Hosts outside any rack are not part of the data center and are left out.
 */
export interface Layout {
  /** A room's thermal mass when the inventory gives it (attribute `thermal_mass_joules_per_kelvin`). */
  rooms: { id: string; thermalMassJoulesPerKelvin: number | undefined }[];
  racks: { id: string; roomId: string; rowId: string | undefined; position: string | undefined }[];
  hosts: { entity: Entity; rackId: string; roomId: string; inlet: string | undefined; enclosure: string | undefined }[];
  cracs: { entity: Entity; roomId: string; cools: string[]; supply: string | undefined; fan: string | undefined }[];
  pdus: { entity: Entity; rackIds: string[] }[];
}

export function discoverLayout(twin: TwinReader): Layout {
  const { nodes, edges } = twin.topology();
  const byId = new Map<string, Entity>(nodes.map((n) => [n.id, n]));
  const ancestor = (id: string, type: string): string | undefined => {
    let at = byId.get(id)?.parent;
    for (let hops = 0; at !== undefined && hops < 16; hops++) {
      const e = byId.get(at);
      if (!e) return undefined;
      if (e.type === type) return e.id;
      at = e.parent;
    }
    return undefined;
  };
  const ofType = (type: string) => nodes.filter((n) => n.type === type);
  const racks = ofType('rack').flatMap((r) => {
    const roomId = ancestor(r.id, 'room');
    if (roomId === undefined) return [];
    const position = r.attributes.position;
    return [{ id: r.id, roomId, rowId: ancestor(r.id, 'row'), position: typeof position === 'string' ? position : undefined }];
  });
  const rackRoom = new Map(racks.map((r) => [r.id, r.roomId]));
  const components = componentsByOwner(nodes, byId);
  const role = (owner: string, wanted: string) => components.get(owner)?.find((c) => componentRole(c) === wanted)?.id;
  const hosts = ofType('host').flatMap((h) => {
    const rackId = ancestor(h.id, 'rack');
    const roomId = rackId && rackRoom.get(rackId);
    if (rackId === undefined || roomId === undefined) return [];
    return [{ entity: h, rackId, roomId, inlet: role(h.id, 'inlet'), enclosure: role(h.id, 'enclosure') }];
  });
  const targets = (from: string, type: Relation['type']) => edges.filter((e) => e.from === from && e.type === type).map((e) => e.to);
  const cracs = ofType('crac').flatMap((c) => {
    const cools = targets(c.id, 'cools').filter((r) => rackRoom.has(r));
    const roomId = ancestor(c.id, 'room') ?? (cools.length > 0 ? rackRoom.get(cools[0]) : undefined);
    if (roomId === undefined) return [];
    return [{ entity: c, roomId, cools, supply: role(c.id, 'supply'), fan: role(c.id, 'fan') }];
  });
  const hostRack = new Map(hosts.map((h) => [h.entity.id, h.rackId]));
  const pdus = ofType('pdu').map((p) => {
    const fed = targets(p.id, 'powers').map((t) => (rackRoom.has(t) ? t : hostRack.get(t)));
    return { entity: p, rackIds: [...new Set(fed.filter((r): r is string => r !== undefined))] };
  });
  const roomIds = new Set([...racks.map((r) => r.roomId), ...cracs.map((c) => c.roomId)]);
  const rooms = [...roomIds].map((id) => ({ id, thermalMassJoulesPerKelvin: numberAttribute(byId.get(id)?.attributes.thermal_mass_joules_per_kelvin) }));
  return { rooms, racks, hosts, cracs, pdus };
}

/** Hardware components grouped by the first non-component entity above them. */
function componentsByOwner(nodes: Entity[], byId: Map<string, Entity>): Map<string, Entity[]> {
  const owners = new Map<string, Entity[]>();
  for (const n of nodes) {
    if (n.type !== 'hw') continue;
    let at = n.parent;
    for (let hops = 0; at !== undefined && byId.get(at)?.type === 'hw' && hops < 8; hops++) at = byId.get(at)?.parent;
    if (at === undefined) continue;
    owners.set(at, [...(owners.get(at) ?? []), n]);
  }
  return owners;
}
