import { compilePhysics } from './compile-physics';
import { clampRatio, coefficientOfPerformance, cracLoadWatts, cracSupplyCelsius } from './crac-output';
import { integrateRoom } from './room-balance';
import type { CompiledPhysics } from './compile-physics';
import type { DataCenterEnergy, DataCenterInputs, DataCenterPhysics, DataCenterState } from './types';

/**
 * The data-center dynamics. Server power is linear in utilization and all of it heats the
 * room's return air; the room balance is integrated exactly per sub-step (room-balance.ts); each
 * CRAC cools toward its setpoint within its capacity (crac-output.ts); a server's inlet lags its
 * room's mixed supply plus the heat its rack neighbours recirculate, inlet = lag_τ(S + Σ D·P + b),
 * discretised exactly for a target held over the sub-step.
 */

/** Long steps are split so the CRAC regimes and the room supply seen by the inlets stay fresh. */
export const MAX_SUBSTEP_SECONDS = 5;

/** The arrays behind a state, kept (non-enumerable) so the next step need not read its Records back. */
const ARRAYS = Symbol('physics.arrays');
interface StateArrays {
  compiled: CompiledPhysics;
  inlet: Float64Array;
  ret: Float64Array;
}
type InternalState = DataCenterState & { [ARRAYS]?: StateArrays };

interface Controls {
  setpoint: Float64Array;
  fan: Float64Array;
  failed: Uint8Array;
}

/** The state at calibration time: observed inlets, the estimated return air, powers at the observed load. */
export function initialDataCenterState(physics: DataCenterPhysics): DataCenterState {
  const c = compilePhysics(physics);
  const inlet = Float64Array.from(c.observedInletCelsius);
  const ret = Float64Array.from(c.rooms, (r) => r.returnCelsius);
  return buildState(c, physics.at, inlet, ret, serverPowers(c, undefined), controlsOf(c, undefined), { itJoules: 0, removedJoules: 0, envelopeJoules: 0 });
}

/** Advances by dtSeconds, inputs held over the step; pure (returns a new state). */
export function stepDataCenter(physics: DataCenterPhysics, state: DataCenterState, inputs: DataCenterInputs, dtSeconds: number): DataCenterState {
  checkStep(dtSeconds);
  const c = compilePhysics(physics);
  const { inlet, ret } = arraysOf(c, state);
  const power = serverPowers(c, inputs);
  const controls = controlsOf(c, inputs);
  const energy = { ...(state.energy ?? { itJoules: 0, removedJoules: 0, envelopeJoules: 0 }) };
  advance(c, inlet, ret, power, controls, dtSeconds, energy);
  return buildState(c, state.t + dtSeconds * 1000, inlet, ret, power, controls, energy);
}

/**
 * The same dynamics on arrays, for runs of many steps (the what-if engine): inputs and outputs
 * indexed like `serverIds`, `rackIds`, `cracIds` and `roomIds`, no Record per step. `step`
 * advances in place; the arrays read after it are the new state.
 */
export interface DataCenterRun {
  serverIds: readonly string[];
  rackIds: readonly string[];
  cracIds: readonly string[];
  roomIds: readonly string[];
  /** Per server: 0..1, and 1 up / 0 down; start as observed. */
  utilization: Float64Array;
  up: Uint8Array;
  /** Per CRAC; start as observed. */
  setpointCelsius: Float64Array;
  fanSpeedRatio: Float64Array;
  failed: Uint8Array;
  inletCelsius: Float64Array;
  serverPowerWatts: Float64Array;
  rackPowerWatts: Float64Array;
  returnCelsius: Float64Array;
  supplyCelsius: Float64Array;
  cracSupplyCelsius: Float64Array;
  cracLoadWatts: Float64Array;
  cracPowerWatts: Float64Array;
  itPowerWatts: number;
  coolingPowerWatts: number;
  step(dtSeconds: number): void;
}

export function createDataCenterRun(physics: DataCenterPhysics): DataCenterRun {
  const c = compilePhysics(physics);
  const controls: Controls = controlsOf(c, undefined);
  const inlet = Float64Array.from(c.observedInletCelsius);
  const ret = Float64Array.from(c.rooms, (r) => r.returnCelsius);
  const energy = { itJoules: 0, removedJoules: 0, envelopeJoules: 0 };
  const buffers: Powers = { server: new Float64Array(c.serverIds.length), rack: new Float64Array(c.rackIds.length), room: new Float64Array(c.rooms.length) };
  const run: DataCenterRun = {
    serverIds: c.serverIds,
    rackIds: c.rackIds,
    cracIds: c.cracIds,
    roomIds: c.rooms.map((r) => r.id),
    utilization: Float64Array.from(c.observedUtilization),
    up: Uint8Array.from(c.observedUp),
    setpointCelsius: controls.setpoint,
    fanSpeedRatio: controls.fan,
    failed: controls.failed,
    inletCelsius: inlet,
    serverPowerWatts: new Float64Array(c.serverIds.length),
    rackPowerWatts: new Float64Array(c.rackIds.length),
    returnCelsius: ret,
    supplyCelsius: new Float64Array(c.rooms.length),
    cracSupplyCelsius: new Float64Array(c.cracIds.length),
    cracLoadWatts: new Float64Array(c.cracIds.length),
    cracPowerWatts: new Float64Array(c.cracIds.length),
    itPowerWatts: 0,
    coolingPowerWatts: 0,
    step(dtSeconds) {
      checkStep(dtSeconds);
      const power = powersOf(c, run.utilization, run.up, buffers);
      advance(c, inlet, ret, power, controls, dtSeconds, energy);
      publish(power);
    },
  };
  const publish = (power: Powers) => {
    run.serverPowerWatts.set(power.server);
    run.rackPowerWatts.set(power.rack);
    run.itPowerWatts = power.server.reduce((a, b) => a + b, 0);
    for (let r = 0; r < c.rooms.length; r++) run.supplyCelsius[r] = mixedSupply(c, r, controls, ret[r]).supply;
    run.coolingPowerWatts = 0;
    for (let i = 0; i < c.cracIds.length; i++) {
      const unit = cracAt(c, i, controls, ret[c.cracRoom[i]]);
      run.cracSupplyCelsius[i] = unit.supply;
      run.cracLoadWatts[i] = unit.load;
      run.cracPowerWatts[i] = unit.power;
      run.coolingPowerWatts += unit.power;
    }
  };
  publish(powersOf(c, run.utilization, run.up));
  return run;
}

function checkStep(dtSeconds: number): void {
  if (!(dtSeconds >= 0) || !Number.isFinite(dtSeconds)) throw new Error(`dtSeconds: must be a finite number >= 0, got ${dtSeconds}`);
}

/** Advances inlets and return air by dtSeconds in place, in sub-steps, counting the energy. */
function advance(c: CompiledPhysics, inlet: Float64Array, ret: Float64Array, power: Powers, controls: Controls, dtSeconds: number, energy: DataCenterEnergy): void {
  const n = c.serverIds.length;
  const substeps = Math.max(1, Math.ceil(dtSeconds / MAX_SUBSTEP_SECONDS));
  const h = dtSeconds / substeps;
  const { rise, decay } = inletDrivers(c, power.rack, h);
  const supply = new Float64Array(c.rooms.length);
  for (let s = 0; s < substeps; s++) {
    for (let r = 0; r < c.rooms.length; r++) {
      const units = fillUnits(c, r, controls);
      supply[r] = mixedSupply(c, r, controls, ret[r]).supply;
      const step = integrateRoom(ret[r], power.room[r], units, c.rooms[r], h);
      ret[r] = step.returnCelsius;
      energy.removedJoules += step.removedJoules;
      energy.envelopeJoules += step.envelopeJoules;
      energy.itJoules += power.room[r] * h;
    }
    for (let i = 0; i < n; i++) {
      const target = supply[c.serverRoom[i]] + rise[i];
      inlet[i] = target + (inlet[i] - target) * decay[i];
    }
  }
}

/** Power usage effectiveness: (IT + cooling) / IT; NaN when no IT power is drawn. */
export function pue(state: DataCenterState): number {
  return state.itPowerWatts > 0 ? (state.itPowerWatts + state.coolingPowerWatts) / state.itPowerWatts : NaN;
}

function arraysOf(c: CompiledPhysics, state: DataCenterState): { inlet: Float64Array; ret: Float64Array } {
  const own = (state as InternalState)[ARRAYS];
  if (own && own.compiled === c) return { inlet: Float64Array.from(own.inlet), ret: Float64Array.from(own.ret) };
  // A state built or edited outside: read its Records; what it lacks (a server added) starts as observed.
  const inlet = Float64Array.from(c.serverIds, (id, i) => state.inletCelsius[id] ?? c.observedInletCelsius[i]);
  const ret = Float64Array.from(c.rooms, (r) => state.returnCelsius[r.id] ?? r.returnCelsius);
  return { inlet, ret };
}

interface Powers {
  server: Float64Array;
  rack: Float64Array;
  room: Float64Array;
}

/**
 * Each inlet's recirculated rise (Σ D·P + offset) and its lag's decay over a sub-step. Both hold
 * while rack powers and the sub-step do, which is most steps of a run: they are kept per
 * compiled physics and recomputed only when either changes (the servers × racks sum is the
 * step's main cost).
 */
const driverCache = new WeakMap<CompiledPhysics, { rack: Float64Array; h: number; rise: Float64Array; decay: Float64Array }>();

function inletDrivers(c: CompiledPhysics, rackWatts: Float64Array, h: number): { rise: Float64Array; decay: Float64Array } {
  const n = c.serverIds.length;
  let cached = driverCache.get(c);
  if (!cached) driverCache.set(c, (cached = { rack: new Float64Array(rackWatts.length).fill(NaN), h: NaN, rise: new Float64Array(n), decay: new Float64Array(n) }));
  if (cached.h !== h) {
    for (let i = 0; i < n; i++) {
      const tau = c.inletTauSeconds[i];
      cached.decay[i] = tau > 0 ? Math.exp(-h / tau) : 0;
    }
    cached.h = h;
  }
  let same = cached.rack.length === rackWatts.length;
  for (let j = 0; same && j < rackWatts.length; j++) same = cached.rack[j] === rackWatts[j];
  if (!same) {
    const { recStart, recK, recRack, inletOffsetCelsius } = c;
    for (let i = 0; i < n; i++) {
      let sum = inletOffsetCelsius[i];
      const end = recStart[i + 1];
      for (let k = recStart[i]; k < end; k++) sum += recK[k] * rackWatts[recRack[k]];
      cached.rise[i] = sum;
    }
    cached.rack = Float64Array.from(rackWatts);
  }
  return cached;
}

function serverPowers(c: CompiledPhysics, inputs: DataCenterInputs | undefined): Powers {
  const utilization = Float64Array.from(c.serverIds, (id, i) => inputs?.utilization[id] ?? c.observedUtilization[i]);
  const up = Uint8Array.from(c.serverIds, (id, i) => ((inputs?.up[id] ?? c.observedUp[i] === 1) ? 1 : 0));
  return powersOf(c, utilization, up);
}

/** Server power linear in utilization (a server that is down draws its standby), summed per rack and room; into `out` when given. */
function powersOf(c: CompiledPhysics, utilization: Float64Array, up: Uint8Array, out?: Powers): Powers {
  const n = c.serverIds.length;
  const server = out?.server ?? new Float64Array(n);
  const rack = out?.rack.fill(0) ?? new Float64Array(c.rackIds.length);
  const room = out?.room.fill(0) ?? new Float64Array(c.rooms.length);
  for (let i = 0; i < n; i++) {
    const p = up[i] === 1 ? Math.max(0, c.idleWatts[i] + c.slopeWatts[i] * clampRatio(utilization[i]) + c.powerOffsetWatts[i]) : c.standbyWatts[i];
    server[i] = p;
    rack[c.serverRack[i]] += p;
    room[c.serverRoom[i]] += p;
  }
  return { server, rack, room };
}

function controlsOf(c: CompiledPhysics, inputs: DataCenterInputs | undefined): Controls {
  const m = c.cracIds.length;
  const controls = { setpoint: new Float64Array(m), fan: new Float64Array(m), failed: new Uint8Array(m) };
  for (let i = 0; i < m; i++) {
    const given = inputs?.cracs[c.cracIds[i]] ?? c.cracObserved[i];
    controls.setpoint[i] = given.setpointCelsius;
    controls.fan[i] = clampRatio(given.fanSpeedRatio);
    controls.failed[i] = given.failed ? 1 : 0;
  }
  return controls;
}

function fillUnits(c: CompiledPhysics, r: number, controls: Controls) {
  const units = c.roomUnits[r];
  const list = c.roomCracs[r];
  for (let j = 0; j < list.length; j++) {
    const i = list[j];
    units.conductance[j] = c.cracAirflowWattsPerKelvin[i] * controls.fan[i];
    units.capacity[j] = c.cracCapacityWatts[i] * controls.fan[i];
    units.setpoint[j] = controls.setpoint[i];
    units.failed[j] = controls.failed[i];
  }
  return units;
}

/** One unit's heat removed, supply and electrical power at a return temperature. */
function cracAt(c: CompiledPhysics, i: number, controls: Controls, returnCelsius: number): { load: number; supply: number; power: number; conductance: number } {
  const conductance = c.cracAirflowWattsPerKelvin[i] * controls.fan[i];
  const load = cracLoadWatts(conductance, c.cracCapacityWatts[i] * controls.fan[i], controls.setpoint[i], controls.failed[i] === 1, returnCelsius);
  const supply = cracSupplyCelsius(conductance, load, returnCelsius);
  const cop = coefficientOfPerformance(c.cracCopAtSetpoint[i], c.cracCopPerKelvin[i], c.cracCopReferenceCelsius[i], supply);
  const power = Math.max(0, c.cracFanPowerWatts[i] * controls.fan[i] ** 3 + load / cop + c.cracPowerOffsetWatts[i]);
  return { load, supply, power, conductance };
}

function mixedSupply(c: CompiledPhysics, r: number, controls: Controls, returnCelsius: number): { supply: number } {
  let flow = 0;
  let weighted = 0;
  for (const i of c.roomCracs[r]) {
    const unit = cracAt(c, i, controls, returnCelsius);
    flow += unit.conductance;
    weighted += unit.conductance * unit.supply;
  }
  return { supply: flow > 0 ? weighted / flow : returnCelsius };
}

function buildState(c: CompiledPhysics, t: number, inlet: Float64Array, ret: Float64Array, power: Powers, controls: Controls, energy: DataCenterEnergy): DataCenterState {
  const serverPowerWatts: Record<string, number> = {};
  const inletCelsius: Record<string, number> = {};
  let itPowerWatts = 0;
  for (let i = 0; i < c.serverIds.length; i++) {
    serverPowerWatts[c.serverIds[i]] = power.server[i];
    inletCelsius[c.serverIds[i]] = inlet[i];
    itPowerWatts += power.server[i];
  }
  const rackPowerWatts: Record<string, number> = {};
  c.rackIds.forEach((id, j) => (rackPowerWatts[id] = power.rack[j]));
  const returnCelsius: Record<string, number> = {};
  const supplyCelsius: Record<string, number> = {};
  c.rooms.forEach((room, r) => {
    returnCelsius[room.id] = ret[r];
    supplyCelsius[room.id] = mixedSupply(c, r, controls, ret[r]).supply;
  });
  const cracSupplyCelsius: Record<string, number> = {};
  const cracLoadWatts: Record<string, number> = {};
  const cracPowerWatts: Record<string, number> = {};
  let coolingPowerWatts = 0;
  c.cracIds.forEach((id, i) => {
    const unit = cracAt(c, i, controls, ret[c.cracRoom[i]]);
    cracSupplyCelsius[id] = unit.supply;
    cracLoadWatts[id] = unit.load;
    cracPowerWatts[id] = unit.power;
    coolingPowerWatts += unit.power;
  });
  const state: DataCenterState = {
    t,
    serverPowerWatts,
    inletCelsius,
    rackPowerWatts,
    returnCelsius,
    supplyCelsius,
    cracSupplyCelsius,
    cracLoadWatts,
    cracPowerWatts,
    itPowerWatts,
    coolingPowerWatts,
    energy,
  };
  Object.defineProperty(state, ARRAYS, { value: { compiled: c, inlet, ret } satisfies StateArrays, enumerable: false });
  return state;
}
