import { airflowWattsPerKelvin } from './crac-output';
import { PRIOR_AMBIENT_CELSIUS, PRIOR_COP_AT_SETPOINT, PRIOR_COP_PER_KELVIN, PRIOR_ENVELOPE_WATTS_PER_KELVIN } from './priors';
import { placeRacks, priorRecirculation } from './recirculation-prior';
import type { CracPhysics, FitQuality, DataCenterPhysics, RackPhysics, RoomPhysics, ServerPhysics } from './types';

/**
 * A made-up data center in its steady state, with known parameters: for benchmarks (the lead's
 * 1,000-server run) and for tests that need physics without a twin. Rooms of rows of racks, one
 * PDU per row, two CRACs per room sized N+1 for the room's load, every server at `utilization`.
 */
export interface SyntheticDataCenterOptions {
  at: number;
  rooms: number;
  rowsPerRoom: number;
  racksPerRow: number;
  serversPerRack: number;
  utilization: number;
}

const FIT_PRIOR = (): FitQuality => ({ samples: 0, r2: null, rmse: null, source: 'prior' });
const IDLE_WATTS = 150;
const PEAK_WATTS = 450;
const SETPOINT_CELSIUS = 18;

export function syntheticDataCenterPhysics(options: SyntheticDataCenterOptions): DataCenterPhysics {
  const rooms: RoomPhysics[] = [];
  const racks: RackPhysics[] = [];
  const servers: ServerPhysics[] = [];
  const cracs: CracPhysics[] = [];
  const pdus: DataCenterPhysics['pdus'] = [];
  const serverWatts = IDLE_WATTS + (PEAK_WATTS - IDLE_WATTS) * options.utilization;
  for (let r = 0; r < options.rooms; r++) {
    const roomId = `room:dc/room-${r + 1}`;
    const rackRows = Array.from({ length: options.rowsPerRoom }, (_, w) =>
      Array.from({ length: options.racksPerRow }, (_r, k) => ({ id: `rack:dc/r${r + 1}-${w + 1}-${k + 1}`, roomId, rowId: `row-${w + 1}`, position: `${w + 1}-${k + 1}` })),
    );
    const places = placeRacks(rackRows.flat());
    const rackWatts = serverWatts * options.serversPerRack;
    const itWatts = rackWatts * places.length;
    // Two units, each able to carry 3/4 of the room (N+1 with margin), 10 K across the coil at capacity.
    const capacityWatts = Math.max(10_000, 0.75 * itWatts);
    const conductance = capacityWatts / 10;
    const cracIds = [1, 2].map((k) => `crac:dc/crac-${r + 1}-${k}`);
    const totalG = 2 * conductance;
    const returnCelsius = (itWatts + totalG * SETPOINT_CELSIUS + PRIOR_ENVELOPE_WATTS_PER_KELVIN * PRIOR_AMBIENT_CELSIUS) / (totalG + PRIOR_ENVELOPE_WATTS_PER_KELVIN);
    const loadWatts = conductance * (returnCelsius - SETPOINT_CELSIUS);
    for (const id of cracIds) {
      const fanPowerWatts = 0.05 * capacityWatts;
      cracs.push({
        id,
        roomId,
        capacityWatts,
        airflowWattsPerKelvin: airflowWattsPerKelvin(conductance / 1200),
        setpointCelsius: SETPOINT_CELSIUS,
        fanSpeedRatio: 1,
        failed: false,
        fanPowerWatts,
        copAtSetpoint: PRIOR_COP_AT_SETPOINT,
        copPerKelvin: PRIOR_COP_PER_KELVIN,
        powerFit: FIT_PRIOR(),
        supplyCelsius: SETPOINT_CELSIUS,
        powerWatts: fanPowerWatts + loadWatts / PRIOR_COP_AT_SETPOINT,
      });
    }
    rackRows.forEach((row, w) => {
      const pduId = `pdu:dc/pdu-${r + 1}-${w + 1}`;
      pdus.push({ id: pduId, capacityWatts: 2 * rackWatts * row.length, rackIds: row.map((k) => k.id), powerWatts: rackWatts * row.length });
      for (const rack of row) racks.push({ id: rack.id, roomId, pduIds: [pduId], cracIds });
    });
    for (const place of places) {
      const recirculation = priorRecirculation(place, places);
      const rise = Object.values(recirculation).reduce((sum, k) => sum + k * rackWatts, 0);
      for (let s = 1; s <= options.serversPerRack; s++) {
        servers.push({
          id: `host:${place.id.slice('rack:dc/'.length)}-s${s}`,
          rackId: place.id,
          roomId,
          cores: 32,
          idleWatts: IDLE_WATTS,
          peakWatts: PEAK_WATTS,
          powerFit: FIT_PRIOR(),
          inletTauSeconds: 180 + 20 * (s % 10),
          inletFit: FIT_PRIOR(),
          recirculation: { ...recirculation },
          utilization: options.utilization,
          powerWatts: serverWatts,
          inletCelsius: SETPOINT_CELSIUS + rise,
          up: true,
        });
      }
    }
    rooms.push({
      id: roomId,
      thermalMassJoulesPerKelvin: 60 * (totalG + PRIOR_ENVELOPE_WATTS_PER_KELVIN),
      envelopeWattsPerKelvin: PRIOR_ENVELOPE_WATTS_PER_KELVIN,
      ambientCelsius: PRIOR_AMBIENT_CELSIUS,
      returnCelsius,
      massFit: FIT_PRIOR(),
      rackIds: places.map((p) => p.id),
      cracIds,
    });
  }
  return { at: options.at, servers, racks, cracs, rooms, pdus };
}
