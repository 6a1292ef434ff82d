import { airflowWattsPerKelvin } from './crac-output';
import { estimateReturn } from './estimate-return';
import { fitCracPower } from './fit-crac-power';
import { numberAttribute } from './number-attribute';
import {
  PRIOR_AMBIENT_CELSIUS,
  PRIOR_CRAC_CAPACITY_WATTS,
  PRIOR_CRAC_DESIGN_RISE_KELVIN,
  PRIOR_CRAC_SETPOINT_CELSIUS,
  PRIOR_ENVELOPE_WATTS_PER_KELVIN,
  PRIOR_ROOM_TIME_CONSTANT_SECONDS,
} from './priors';
import { held, lastValue } from './twin-grid';
import type { Layout } from './discover-layout';
import type { TwinGrid } from './twin-grid';
import type { CracPhysics, RoomPhysics } from './types';

/**
 * The cooling side of each room: the return air estimated from the balance with the observed
 * supplies, fan speeds and IT power; each unit's heat removed, its COP fit, its setpoint (the
 * supply it holds when it is below capacity, else the inventory's) and whether it has failed
 * (return air well above its setpoint while its supply is not below the return).
 */
export interface Cooling {
  cracs: CracPhysics[];
  rooms: RoomPhysics[];
  /** Observed airflow-weighted supply per room and grid time. */
  roomSupply: Map<string, Float64Array>;
  rackCracs: Map<string, string[]>;
}

/** The setpoint is the median supply of this many latest samples. */
const SETPOINT_SAMPLES = 6;

export function calibrateCracs(grid: TwinGrid, layout: Layout, roomIt: Map<string, Float64Array>): Cooling {
  const n = grid.seconds.length;
  const cracs: CracPhysics[] = [];
  const rooms: RoomPhysics[] = [];
  const roomSupply = new Map<string, Float64Array>();
  for (const room of layout.rooms) {
    const units = layout.cracs.filter((c) => c.roomId === room.id).map((c) => {
      const attrs = c.entity.attributes;
      const capacity = numberAttribute(attrs.capacity_watts) ?? PRIOR_CRAC_CAPACITY_WATTS;
      const airflow = numberAttribute(attrs.airflow_cubic_metres_per_second);
      const setpoint = numberAttribute(attrs.supply_setpoint_celsius) ?? PRIOR_CRAC_SETPOINT_CELSIUS;
      const ratio = held(grid.series(c.fan, 'hw.fan.speed_ratio'), 1).map((r) => Math.min(1, Math.max(0, r)));
      const rawSupply = grid.series(c.supply, 'hw.temperature');
      const full = airflow !== undefined ? airflowWattsPerKelvin(airflow) : capacity / PRIOR_CRAC_DESIGN_RISE_KELVIN;
      return { c, capacity, setpoint, full, ratio, rawSupply, supply: held(rawSupply, setpoint), power: grid.series(c.entity.id, 'hw.host.power') };
    });
    const fullFlow = units.reduce((s, u) => s + u.full, 0);
    // The inventory's figure when it has one: without a return-air sensor the data cannot tell it.
    const mass = room.thermalMassJoulesPerKelvin ?? PRIOR_ROOM_TIME_CONSTANT_SECONDS * (fullFlow + PRIOR_ENVELOPE_WATTS_PER_KELVIN);
    const it = roomIt.get(room.id) ?? new Float64Array(n);
    const estimate = estimateReturn({
      times: grid.seconds,
      itWatts: it,
      units: units.map((u) => ({ conductance: u.ratio.map((r) => r * u.full), supplyCelsius: u.supply })),
      thermalMassJoulesPerKelvin: mass,
      envelopeWattsPerKelvin: PRIOR_ENVELOPE_WATTS_PER_KELVIN,
      ambientCelsius: PRIOR_AMBIENT_CELSIUS,
    });
    const returnCelsius = n > 0 ? estimate.returnCelsius[n - 1] : PRIOR_AMBIENT_CELSIUS;
    const mixed = new Float64Array(n);
    for (let k = 0; k < n; k++) {
      const flow = units.reduce((s, u) => s + u.ratio[k] * u.full, 0);
      mixed[k] = flow > 0 ? units.reduce((s, u) => s + u.ratio[k] * u.full * u.supply[k], 0) / flow : estimate.returnCelsius[k];
    }
    roomSupply.set(room.id, mixed);
    units.forEach((u, i) => {
      const load = estimate.loadWatts[i];
      const ratio = n > 0 ? u.ratio[n - 1] : 1;
      const supply = lastValue(u.rawSupply) ?? u.setpoint;
      const latestLoad = n > 0 ? load[n - 1] : 0;
      const failed = ratio > 0 && returnCelsius - u.setpoint > 1 && returnCelsius - supply < 0.3 * (returnCelsius - u.setpoint);
      const holding = !failed && latestLoad > 0 && latestLoad < 0.95 * u.capacity * ratio;
      const setpoint = holding ? median([...u.rawSupply].filter((v) => v === v).slice(-SETPOINT_SAMPLES)) ?? u.setpoint : u.setpoint;
      const samples = [...u.power].flatMap((w, k) => (w === w ? [{ fanSpeedRatio: u.ratio[k], loadWatts: load[k], supplyCelsius: u.supply[k], powerWatts: w }] : []));
      const fit = fitCracPower(samples, u.capacity, setpoint);
      cracs.push({
        id: u.c.entity.id,
        roomId: room.id,
        capacityWatts: u.capacity,
        airflowWattsPerKelvin: u.full,
        setpointCelsius: setpoint,
        fanSpeedRatio: ratio,
        failed,
        fanPowerWatts: fit.fanPowerWatts,
        copAtSetpoint: fit.copAtSetpoint,
        copPerKelvin: fit.copPerKelvin,
        powerFit: fit.fit,
        supplyCelsius: supply,
        powerWatts: lastValue(u.power) ?? 0,
      });
    });
    rooms.push({
      id: room.id,
      thermalMassJoulesPerKelvin: mass,
      envelopeWattsPerKelvin: PRIOR_ENVELOPE_WATTS_PER_KELVIN,
      ambientCelsius: PRIOR_AMBIENT_CELSIUS,
      returnCelsius,
      massFit: { samples: 0, r2: null, rmse: null, source: 'prior' },
      rackIds: layout.racks.filter((r) => r.roomId === room.id).map((r) => r.id),
      cracIds: units.map((u) => u.c.entity.id),
    });
  }
  const rackCracs = new Map(
    layout.racks.map((r) => {
      const cooling = layout.cracs.filter((c) => c.cools.includes(r.id)).map((c) => c.entity.id);
      return [r.id, cooling.length > 0 ? cooling : layout.cracs.filter((c) => c.roomId === r.roomId).map((c) => c.entity.id)];
    }),
  );
  return { cracs, rooms, roomSupply, rackCracs };
}

function median(values: number[]): number | undefined {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}
