import { PRIOR_AMBIENT_CELSIUS, PRIOR_ENVELOPE_WATTS_PER_KELVIN, PRIOR_ROOM_TIME_CONSTANT_SECONDS } from './priors';
import type { RoomUnits } from './room-balance';
import type { DataCenterPhysics, RoomPhysics } from './types';

/**
 * The physics in array form for the step loop: indexes instead of ids, typed arrays instead of
 * Records, and the recirculation matrix as sparse rows (racks of the server's own room only).
 * Compiled once per physics object and cached; an edited copy (servers added, removed, moved)
 * is a new object or new arrays and compiles again. Editing a compiled physics in place is not
 * seen: copy it instead.
 */
export interface CompiledPhysics {
  serverIds: string[];
  rackIds: string[];
  cracIds: string[];
  roomIds: string[];
  serverRack: Int32Array;
  serverRoom: Int32Array;
  idleWatts: Float64Array;
  slopeWatts: Float64Array;
  powerOffsetWatts: Float64Array;
  standbyWatts: Float64Array;
  inletOffsetCelsius: Float64Array;
  inletTauSeconds: Float64Array;
  observedUtilization: Float64Array;
  observedUp: Uint8Array;
  observedInletCelsius: Float64Array;
  /** CSR rows: server i's racks are recRack[recStart[i] .. recStart[i+1]) with K per W in recK. */
  recStart: Int32Array;
  recRack: Int32Array;
  recK: Float64Array;
  rackRoom: Int32Array;
  cracRoom: Int32Array;
  cracCapacityWatts: Float64Array;
  cracAirflowWattsPerKelvin: Float64Array;
  cracFanPowerWatts: Float64Array;
  cracCopAtSetpoint: Float64Array;
  cracCopPerKelvin: Float64Array;
  /** The calibrated setpoint: the reference of the COP line. */
  cracCopReferenceCelsius: Float64Array;
  cracPowerOffsetWatts: Float64Array;
  cracObserved: { setpointCelsius: number; fanSpeedRatio: number; failed: boolean }[];
  rooms: RoomPhysics[];
  roomCracs: Int32Array[];
  /** Per room, scratch buffers the step fills with its units' controls. */
  roomUnits: RoomUnits[];
}

interface CacheEntry {
  key: unknown[];
  compiled: CompiledPhysics;
}

const cache = new WeakMap<DataCenterPhysics, CacheEntry>();

export function compilePhysics(physics: DataCenterPhysics): CompiledPhysics {
  const key = [physics.servers, physics.servers.length, physics.racks, physics.cracs, physics.rooms];
  const known = cache.get(physics);
  if (known && known.key.every((k, i) => k === key[i])) return known.compiled;
  const compiled = build(physics);
  cache.set(physics, { key, compiled });
  return compiled;
}

function build(physics: DataCenterPhysics): CompiledPhysics {
  const { servers, cracs } = physics;
  const rooms = [...physics.rooms];
  const roomIndex = new Map(rooms.map((r, i) => [r.id, i]));
  const roomOf = (id: string): number => {
    let at = roomIndex.get(id);
    if (at === undefined) {
      // A room only referenced (an edited copy): priors, and it starts at the ambient.
      at = rooms.length;
      roomIndex.set(id, at);
      const mass = PRIOR_ROOM_TIME_CONSTANT_SECONDS * PRIOR_ENVELOPE_WATTS_PER_KELVIN;
      rooms.push({ id, thermalMassJoulesPerKelvin: mass, envelopeWattsPerKelvin: PRIOR_ENVELOPE_WATTS_PER_KELVIN, ambientCelsius: PRIOR_AMBIENT_CELSIUS, returnCelsius: PRIOR_AMBIENT_CELSIUS, massFit: { samples: 0, r2: null, rmse: null, source: 'prior' }, rackIds: [], cracIds: [] });
    }
    return at;
  };
  const rackIds = physics.racks.map((r) => r.id);
  const rackIndex = new Map(rackIds.map((id, i) => [id, i]));
  const rackRoomList = physics.racks.map((r) => roomOf(r.roomId));
  for (const s of servers) {
    if (rackIndex.has(s.rackId)) continue;
    rackIndex.set(s.rackId, rackIds.length);
    rackIds.push(s.rackId);
    rackRoomList.push(roomOf(s.roomId));
  }
  const n = servers.length;
  const f64 = (read: (i: number) => number) => Float64Array.from({ length: n }, (_, i) => read(i));
  const serverRoom = Int32Array.from(servers, (s) => roomOf(s.roomId));
  const serverRack = Int32Array.from(servers, (s) => rackIndex.get(s.rackId) as number);
  const recStart = new Int32Array(n + 1);
  const recRack: number[] = [];
  const recK: number[] = [];
  servers.forEach((s, i) => {
    for (const [rack, k] of Object.entries(s.recirculation)) {
      const j = rackIndex.get(rack);
      // Sparse by construction: racks of another room do not blow into this one.
      if (j === undefined || rackRoomList[j] !== serverRoom[i] || !Number.isFinite(k) || k === 0) continue;
      recRack.push(j);
      recK.push(k);
    }
    recStart[i + 1] = recRack.length;
  });
  const cracRoom = Int32Array.from(cracs, (c) => roomOf(c.roomId));
  const roomCracs = rooms.map((_, r) => Int32Array.from(cracs.map((_c, i) => i).filter((i) => cracRoom[i] === r)));
  const c64 = (read: (i: number) => number) => Float64Array.from({ length: cracs.length }, (_, i) => read(i));
  return {
    serverIds: servers.map((s) => s.id),
    rackIds,
    cracIds: cracs.map((c) => c.id),
    roomIds: rooms.map((r) => r.id),
    serverRack,
    serverRoom,
    idleWatts: f64((i) => servers[i].idleWatts),
    slopeWatts: f64((i) => servers[i].peakWatts - servers[i].idleWatts),
    powerOffsetWatts: f64((i) => servers[i].powerOffsetWatts ?? 0),
    standbyWatts: f64((i) => servers[i].standbyWatts ?? 0),
    inletOffsetCelsius: f64((i) => servers[i].inletOffsetCelsius ?? 0),
    inletTauSeconds: f64((i) => servers[i].inletTauSeconds),
    observedUtilization: f64((i) => servers[i].utilization),
    observedUp: Uint8Array.from(servers, (s) => (s.up ? 1 : 0)),
    observedInletCelsius: f64((i) => servers[i].inletCelsius),
    recStart,
    recRack: Int32Array.from(recRack),
    recK: Float64Array.from(recK),
    rackRoom: Int32Array.from(rackRoomList),
    cracRoom,
    cracCapacityWatts: c64((i) => cracs[i].capacityWatts),
    cracAirflowWattsPerKelvin: c64((i) => cracs[i].airflowWattsPerKelvin),
    cracFanPowerWatts: c64((i) => cracs[i].fanPowerWatts),
    cracCopAtSetpoint: c64((i) => cracs[i].copAtSetpoint),
    cracCopPerKelvin: c64((i) => cracs[i].copPerKelvin),
    cracCopReferenceCelsius: c64((i) => cracs[i].setpointCelsius),
    cracPowerOffsetWatts: c64((i) => cracs[i].powerOffsetWatts ?? 0),
    cracObserved: cracs.map((c) => ({ setpointCelsius: c.setpointCelsius, fanSpeedRatio: c.fanSpeedRatio, failed: c.failed })),
    rooms,
    roomCracs,
    roomUnits: roomCracs.map((list) => ({
      conductance: new Float64Array(list.length),
      capacity: new Float64Array(list.length),
      setpoint: new Float64Array(list.length),
      failed: new Uint8Array(list.length),
    })),
  };
}
