/**
 * The demo data center's physical layout: one site, two rooms, four rows, twelve racks of seven
 * servers, two CRAC units per room and one PDU per row (the ids of DEMO.md, shared with the shop
 * and the inventory file).
 */

/** A server model: electrical and thermal ratings. */
export interface ServerModel {
  id: string;
  vendor: string;
  idlePowerWatts: number;
  peakPowerWatts: number;
  /** Server fan power at 100 % speed (fan power grows with the cube of speed). */
  fanPeakPowerWatts: number;
  cores: number;
  memoryBytes: number;
  heightU: number;
}

export interface HostLayout {
  /** host.name, e.g. `r03-s7`. */
  name: string;
  /** Index into `DataCenterLayout.hosts`. */
  index: number;
  rackIndex: number;
  roomId: string;
  rowId: string;
  rackId: string;
  /** 1 (bottom) .. 7 (top) as built; servers added later take 8, 9, … in order of installation. */
  slot: number;
  /** The lowest rack unit the server occupies. */
  positionU: number;
  model: ServerModel;
}

export interface RackLayout {
  id: string;
  index: number;
  roomId: string;
  rowId: string;
  /** 0-based position in its row. */
  indexInRow: number;
  /** First or last rack of its row: more hot air curls round the row end into its inlets. */
  rowEnd: boolean;
  /** Floor position label, e.g. `A1-2`. */
  position: string;
  heightU: number;
  /** Time constant of the rack's inlet air (thermal mass of the rack and the cold aisle). */
  inletTimeConstantSeconds: number;
  hostIndexes: number[];
}

export interface CracLayout {
  id: string;
  index: number;
  roomId: string;
  /** Heat it can remove at 100 % fan speed. */
  capacityWatts: number;
  /** Air it moves at 100 % fan speed. */
  airflowCubicMetresPerSecond: number;
  /** Supply temperature setpoint at start (an actuator changes it). */
  supplySetpointCelsius: number;
  /** Fan speed at start, 0..1 (an actuator changes it). */
  fanSpeedRatio: number;
  /** CRAC fan power at 100 % speed. */
  fanPeakPowerWatts: number;
  /** Rack ids it cools: every rack of its room. */
  cools: string[];
}

export interface PduLayout {
  id: string;
  index: number;
  roomId: string;
  rowId: string;
  capacityWatts: number;
  /** Rack ids it powers: the racks of its row. */
  powers: string[];
}

export interface RoomLayout {
  id: string;
  index: number;
  rowIds: string[];
  /** Heat capacity of the room's air and structure that the return air sees. */
  thermalMassJoulesPerKelvin: number;
}

export interface DataCenterLayout {
  siteId: string;
  siteName: string;
  rooms: RoomLayout[];
  racks: RackLayout[];
  hosts: HostLayout[];
  cracs: CracLayout[];
  pdus: PduLayout[];
  models: ServerModel[];
}

const GIB = 1024 ** 3;

/** Three models so that the twin must learn per-model power (values typical of 1U/2U servers). */
export const SERVER_MODELS: readonly ServerModel[] = [
  { id: 'edge-1u', vendor: 'Contoso', idlePowerWatts: 110, peakPowerWatts: 350, fanPeakPowerWatts: 24, cores: 16, memoryBytes: 64 * GIB, heightU: 1 },
  { id: 'compute-2u', vendor: 'Contoso', idlePowerWatts: 150, peakPowerWatts: 500, fanPeakPowerWatts: 40, cores: 32, memoryBytes: 256 * GIB, heightU: 2 },
  { id: 'storage-2u', vendor: 'Fabrikam', idlePowerWatts: 130, peakPowerWatts: 300, fanPeakPowerWatts: 30, cores: 12, memoryBytes: 128 * GIB, heightU: 2 },
];

/** Model per slot s1..s7: storage at the bottom, compute in the middle, edge boxes on top. */
const SLOT_MODELS = ['storage-2u', 'storage-2u', 'compute-2u', 'compute-2u', 'compute-2u', 'edge-1u', 'edge-1u'];
const ROWS: readonly { room: string; row: string }[] = [
  { room: 'hall-a', row: 'a1' },
  { room: 'hall-a', row: 'a2' },
  { room: 'hall-b', row: 'b1' },
  { room: 'hall-b', row: 'b2' },
];
const RACKS_PER_ROW = 3;
const RACK_HEIGHT_U = 42;
/** Servers sit every 6 U from U1, leaving room for patch panels and blanking. */
export const SLOT_PITCH_U = 6;

/** Builds the layout of DEMO.md; pure, the same every call. */
export function createDataCenterLayout(): DataCenterLayout {
  const models = SERVER_MODELS.map((m) => ({ ...m }));
  const modelById = new Map(models.map((m) => [m.id, m]));
  const racks: RackLayout[] = [];
  const hosts: HostLayout[] = [];
  ROWS.forEach(({ room, row }) => {
    for (let i = 0; i < RACKS_PER_ROW; i++) {
      const index = racks.length;
      const id = `r${String(index + 1).padStart(2, '0')}`;
      const rack: RackLayout = {
        id,
        index,
        roomId: room,
        rowId: row,
        indexInRow: i,
        rowEnd: i === 0 || i === RACKS_PER_ROW - 1,
        position: `${row.toUpperCase()}-${i + 1}`,
        heightU: RACK_HEIGHT_U,
        // 3..8 minutes, a different one per rack (7 is coprime to 12) so the twin fits each.
        inletTimeConstantSeconds: 180 + 27 * ((index * 7) % 12),
        hostIndexes: [],
      };
      for (let slot = 1; slot <= SLOT_MODELS.length; slot++) {
        rack.hostIndexes.push(hosts.length);
        hosts.push({
          name: `${id}-s${slot}`,
          index: hosts.length,
          rackIndex: index,
          roomId: room,
          rowId: row,
          rackId: id,
          slot,
          positionU: 1 + (slot - 1) * SLOT_PITCH_U,
          model: modelById.get(SLOT_MODELS[slot - 1]) as ServerModel,
        });
      }
      racks.push(rack);
    }
  });
  const roomIds = ['hall-a', 'hall-b'];
  const rooms: RoomLayout[] = roomIds.map((id, index) => ({
    id,
    index,
    rowIds: ROWS.filter((r) => r.room === id).map((r) => r.row),
    // Air of a ~100 m³ hall with its floor plenum: about two minutes of lag when cooling stops,
    // shorter than the racks' own lags, which dominate what the twin sees.
    thermalMassJoulesPerKelvin: 120_000,
  }));
  const cracs: CracLayout[] = roomIds.flatMap((room) =>
    [1, 2].map((n) => ({
      id: `crac-${room.slice(-1)}${n}`,
      index: 0,
      roomId: room,
      // N+1 at typical load (~11 kW per room), not at peak: a failure shows.
      capacityWatts: 14_000,
      // 0.75 m³/s (~1600 CFM) moves 900 W/K: room airflow about 1.3x what the servers draw.
      airflowCubicMetresPerSecond: 0.75,
      supplySetpointCelsius: 18,
      fanSpeedRatio: 1,
      fanPeakPowerWatts: 800,
      cools: racks.filter((r) => r.roomId === room).map((r) => r.id),
    })),
  );
  cracs.forEach((c, i) => (c.index = i));
  const pdus: PduLayout[] = ROWS.map(({ room, row }, index) => ({
    id: `pdu-${row}`,
    index,
    roomId: room,
    rowId: row,
    // 21 servers of up to ~500 W each: a 12 kW PDU can be overloaded by a workload shift at peak.
    capacityWatts: 12_000,
    powers: racks.filter((r) => r.rowId === row).map((r) => r.id),
  }));
  return { siteId: 'dc1', siteName: 'Demo data center', rooms, racks, hosts, cracs, pdus, models };
}
