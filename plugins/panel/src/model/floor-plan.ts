import type { GraphNode, TopologyGraph } from './graph-types';
import type { FloorCrac, FloorPlan, FloorRack, FloorRoom, FloorRow, FloorServer, FloorSite } from './floor-types';

// Structure the floor knows; anything else between them (a building, a cage…) is walked through.
const FLOOR_TYPES = new Set(['site', 'room', 'row', 'rack', 'host', 'crac', 'pdu']);

interface Index {
  byId: Map<string, GraphNode>;
  contains: Map<string, string[]>;
  coolsOf: Map<string, string[]>;
  cooledBy: Map<string, string[]>;
}

const nameOf = (n: GraphNode) => n.title || n.id;
const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const byName = <T extends { id: string; name: string }>(a: T, b: T) => compare(a.name, b.name) || compare(a.id, b.id);

function push(map: Map<string, string[]>, key: string, value: string): void {
  const list = map.get(key);
  if (list) {
    list.push(value);
  } else {
    map.set(key, [value]);
  }
}

/**
 * The floor from the infrastructure graph: `contains` edges (parent → child) give the nesting,
 * `cools` edges (CRAC → rack) the cooling; stats on the nodes give the values (absent stays
 * undefined). Racks directly in a room go to a row with the room's id and no name; rooms under no
 * site go to a site with id and name ''; a CRAC in no room goes to the room of a rack it cools.
 * Everything is sorted by name, then id.
 */
export function floorPlan(graph: TopologyGraph): FloorPlan {
  const index: Index = {
    byId: new Map(graph.nodes.map((n) => [n.id, n])),
    contains: new Map(),
    coolsOf: new Map(),
    cooledBy: new Map(),
  };
  for (const e of graph.edges) {
    if (e.type === 'contains') {
      push(index.contains, e.source, e.target);
    } else if (e.type === 'cools') {
      push(index.coolsOf, e.source, e.target);
      push(index.cooledBy, e.target, e.source);
    }
  }
  const ofType = (type: string) => graph.nodes.filter((n) => n.type === type);
  const placedRooms = new Set<string>();
  const placedCracs = new Set<string>();
  const rackRoom = new Map<string, FloorRoom>();
  const sites: FloorSite[] = ofType('site').map((site) => {
    const rooms = below(index, site.id, 'room').map((room) => buildRoom(index, room, placedCracs, rackRoom));
    rooms.forEach((r) => placedRooms.add(r.id));
    return { id: site.id, name: nameOf(site), rooms };
  });
  const orphans = ofType('room').filter((r) => !placedRooms.has(r.id));
  if (orphans.length > 0) {
    sites.push({ id: '', name: '', rooms: orphans.map((room) => buildRoom(index, room, placedCracs, rackRoom)) });
  }
  for (const crac of ofType('crac')) {
    const room = placedCracs.has(crac.id)
      ? undefined
      : (index.coolsOf.get(crac.id) ?? []).map((r) => rackRoom.get(r)).find((r) => r);
    if (room) {
      room.cracs.push(buildCrac(index, crac));
      room.cracs.sort(byName);
    }
  }
  sites.sort(byName);
  for (const site of sites) {
    site.rooms.sort(byName);
  }
  return { sites };
}

/** The nearest nodes of `type` under `id` along `contains`, walking through nodes the floor does not know. */
function below(index: Index, id: string, type: string, through: ReadonlySet<string> = new Set()): GraphNode[] {
  const found: GraphNode[] = [];
  const seen = new Set([id]);
  const queue = [id];
  for (let head = 0; head < queue.length; head++) {
    for (const child of index.contains.get(queue[head]) ?? []) {
      const node = index.byId.get(child);
      if (!node || seen.has(child)) {
        continue;
      }
      seen.add(child);
      if (node.type === type) {
        found.push(node);
      } else if (!FLOOR_TYPES.has(node.type) || through.has(node.type)) {
        queue.push(child);
      }
    }
  }
  return found;
}

function buildRoom(
  index: Index,
  room: GraphNode,
  placedCracs: Set<string>,
  rackRoom: Map<string, FloorRoom>
): FloorRoom {
  const rows: FloorRow[] = below(index, room.id, 'row').map((row) => ({
    id: row.id,
    name: nameOf(row),
    racks: below(index, row.id, 'rack').map((rack) => buildRack(index, rack)),
  }));
  const loose = below(index, room.id, 'rack').map((rack) => buildRack(index, rack));
  if (loose.length > 0) {
    rows.push({ id: room.id, name: '', racks: loose });
  }
  rows.sort(byName);
  rows.forEach((row) => row.racks.sort(byName));
  // In-row coolers sit in a row; room coolers in the room.
  const cracs = below(index, room.id, 'crac', new Set(['row'])).map((crac) => buildCrac(index, crac));
  cracs.sort(byName);
  const result: FloorRoom = { id: room.id, name: nameOf(room), rows, cracs };
  cracs.forEach((c) => placedCracs.add(c.id));
  rows.forEach((row) => row.racks.forEach((rack) => rackRoom.set(rack.id, result)));
  return result;
}

function buildRack(index: Index, rack: GraphNode): FloorRack {
  const servers: FloorServer[] = below(index, rack.id, 'host').map((host) => ({
    id: host.id,
    name: nameOf(host),
    inletCelsius: host.stats.inlet_celsius,
    powerWatts: host.stats.power_watts,
  }));
  servers.sort(byName);
  const inlets = servers.flatMap((s) => (s.inletCelsius === undefined ? [] : [s.inletCelsius]));
  const power = rack.stats.power_watts;
  const capacity = rack.stats.capacity_watts;
  return {
    id: rack.id,
    name: nameOf(rack),
    servers,
    inletCelsius: inlets.length > 0 ? Math.max(...inlets) : undefined,
    powerWatts: power,
    capacityWatts: capacity,
    headroomWatts: power !== undefined && capacity !== undefined ? capacity - power : undefined,
    coolingBy: [...new Set(index.cooledBy.get(rack.id) ?? [])].sort(compare),
  };
}

function buildCrac(index: Index, crac: GraphNode): FloorCrac {
  return {
    id: crac.id,
    name: nameOf(crac),
    cools: [...new Set(index.coolsOf.get(crac.id) ?? [])].sort(compare),
    supplyCelsius: crac.stats.supply_celsius,
    failed: crac.health === 'failing',
  };
}
