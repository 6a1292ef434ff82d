import { cracOutput, mixedSupplyCelsius, nextReturnCelsius } from './crac';
import {
  CPU_TIME_CONSTANT_SECONDS,
  STANDBY_POWER_WATTS,
  computePowerWatts,
  fanPowerWatts,
  fanSpeedFor,
  thermalResistanceKelvinPerWatt,
  throttleFactorFor,
} from './server-power';
import { lag, recirculationKelvin } from './thermal';
import { isUp } from './world-state';
import type { CracOutput } from './crac';
import type { CracState, HostState, RoomState, WorldState } from './world-state';

/** What the rest of the demo gives the physics each step: the shop's load per host name. */
export interface WorldInputs {
  /** CPU utilization 0..1 per host (hosts not listed idle); the shop's `hostLoad()` fits. */
  hostLoad: ReadonlyMap<string, { cpuUtilization: number }>;
}

/** Long steps are split so the explicit room balance and the throttle loop stay stable. */
export const MAX_SUBSTEP_SECONDS = 5;
/** Lag of the temperature sensors themselves (probe and housing). */
export const SENSOR_TIME_CONSTANT_SECONDS = 20;

/** Advances the world by dtSeconds; pure: returns a new state, the input is untouched. */
export function stepWorld(state: WorldState, inputs: WorldInputs, dtSeconds: number): WorldState {
  if (!(dtSeconds >= 0)) throw new Error(`dtSeconds: must be >= 0, got ${dtSeconds}`);
  const n = Math.max(1, Math.ceil(dtSeconds / MAX_SUBSTEP_SECONDS));
  const utilization = state.model.layout.hosts.map((h) => inputs.hostLoad.get(h.name)?.cpuUtilization ?? 0);
  let next = state;
  for (let i = 0; i < n; i++) next = substep(next, utilization, dtSeconds / n);
  return next;
}

/** Runs at constant utilization until temperatures have settled (default 4 h: 30 of the longest τ). */
export function settle(state: WorldState, inputs: WorldInputs, seconds = 14_400): WorldState {
  return stepWorld(state, inputs, seconds);
}

function substep(state: WorldState, utilization: number[], dt: number): WorldState {
  const { layout, kernel, roomCracs, roomRacks, hostRoom } = state.model;
  // 1. Electrical: fans and throttling react to the CPU temperature of the previous instant.
  const hosts: HostState[] = state.hosts.map((prev, i) => {
    const model = layout.hosts[i].model;
    if (!isUp(prev)) {
      return { ...prev, utilization: 0, throttleFactor: 1, fanSpeedRatio: 0, fanPowerWatts: 0, powerWatts: STANDBY_POWER_WATTS };
    }
    const fanSpeedRatio = fanSpeedFor(prev.cpuCelsius, prev.fanFailed);
    const throttleFactor = throttleFactorFor(prev.cpuCelsius);
    const fan = fanPowerWatts(model, fanSpeedRatio);
    const power = computePowerWatts(model, utilization[i], throttleFactor) + fan;
    return { ...prev, utilization: utilization[i], throttleFactor, fanSpeedRatio, fanPowerWatts: fan, powerWatts: power };
  });
  const rackPower = new Float64Array(layout.racks.length);
  hosts.forEach((h, i) => (rackPower[layout.hosts[i].rackIndex] += h.powerWatts));

  // 2. Rooms and CRACs: all IT power becomes heat in the room's air.
  const cracs: CracState[] = state.cracs.map((c) => ({ ...c }));
  const rooms: RoomState[] = layout.rooms.map((room, r) => {
    const prev = state.rooms[r];
    const itPower = roomRacks[r].reduce((sum, k) => sum + rackPower[k], 0);
    const outputs: CracOutput[] = roomCracs[r].map((c) => cracOutput(layout.cracs[c], state.cracs[c], prev.returnCelsius));
    roomCracs[r].forEach((c, j) => {
      const o = outputs[j];
      cracs[c].loadWatts = o.loadWatts;
      cracs[c].supplyCelsius = o.supplyCelsius;
      cracs[c].powerWatts = o.compressorPowerWatts + o.fanPowerWatts;
      cracs[c].sensedSupplyCelsius = lag(cracs[c].sensedSupplyCelsius, o.supplyCelsius, dt, SENSOR_TIME_CONSTANT_SECONDS);
    });
    return {
      returnCelsius: nextReturnCelsius(prev.returnCelsius, itPower, outputs, room.thermalMassJoulesPerKelvin, dt),
      supplyCelsius: mixedSupplyCelsius(outputs, prev.returnCelsius),
      itPowerWatts: itPower,
    };
  });

  // 3. Inlets lag the supply plus recirculation; CPUs lag inlet plus power through the heat sink.
  hosts.forEach((h, i) => {
    const supply = rooms[hostRoom[i]].supplyCelsius;
    const tau = layout.racks[layout.hosts[i].rackIndex].inletTimeConstantSeconds;
    h.inletCelsius = lag(h.inletCelsius, supply + recirculationKelvin(kernel, i, rackPower), dt, tau);
    const heat = h.powerWatts - h.fanPowerWatts;
    const cpuTarget = h.inletCelsius + heat * thermalResistanceKelvinPerWatt(h.fanSpeedRatio);
    h.cpuCelsius = lag(h.cpuCelsius, cpuTarget, dt, CPU_TIME_CONSTANT_SECONDS);
    h.sensedInletCelsius = lag(h.sensedInletCelsius, h.inletCelsius, dt, SENSOR_TIME_CONSTANT_SECONDS);
    h.sensedCpuCelsius = lag(h.sensedCpuCelsius, h.cpuCelsius, dt, SENSOR_TIME_CONSTANT_SECONDS);
  });
  return { model: state.model, timeSeconds: state.timeSeconds + dt, hosts, rooms, cracs };
}
