import { buildRecirculationKernel } from './thermal';
import type { CracControl } from './crac';
import type { DataCenterLayout } from './layout';
import type { RecirculationKernel } from './thermal';

/** The layout with what the physics precomputes from it; shared by every state of one world. */
export interface WorldModel {
  layout: DataCenterLayout;
  kernel: RecirculationKernel;
  hostIndex: ReadonlyMap<string, number>;
  cracIndex: ReadonlyMap<string, number>;
  /** Per room index: its CRAC indexes. */
  roomCracs: number[][];
  /** Per room index: its rack indexes. */
  roomRacks: number[][];
  /** Per host index: its room index. */
  hostRoom: number[];
}

export interface HostState {
  poweredOn: boolean;
  /** A crash fault: the host is down until powered on again. */
  crashed: boolean;
  fanFailed: boolean;
  /** The shop's CPU utilization (0..1) in the last step. */
  utilization: number;
  throttleFactor: number;
  fanSpeedRatio: number;
  /** Whole server: CPU/board plus fans. */
  powerWatts: number;
  fanPowerWatts: number;
  inletCelsius: number;
  cpuCelsius: number;
  /** What the (lagging) sensors see before noise. */
  sensedInletCelsius: number;
  sensedCpuCelsius: number;
}

export interface RoomState {
  returnCelsius: number;
  supplyCelsius: number;
  itPowerWatts: number;
}

export interface CracState extends CracControl {
  loadWatts: number;
  supplyCelsius: number;
  /** Compressor plus fan. */
  powerWatts: number;
  sensedSupplyCelsius: number;
}

/** The whole true state; immutable: `step` returns a new one. */
export interface WorldState {
  readonly model: WorldModel;
  readonly timeSeconds: number;
  readonly hosts: readonly HostState[];
  readonly rooms: readonly RoomState[];
  readonly cracs: readonly CracState[];
}

export const isUp = (host: HostState): boolean => host.poweredOn && !host.crashed;

export function createWorldModel(layout: DataCenterLayout): WorldModel {
  return {
    layout,
    kernel: buildRecirculationKernel(layout),
    hostIndex: new Map(layout.hosts.map((h) => [h.name, h.index])),
    cracIndex: new Map(layout.cracs.map((c) => [c.id, c.index])),
    roomCracs: layout.rooms.map((room) => layout.cracs.filter((c) => c.roomId === room.id).map((c) => c.index)),
    roomRacks: layout.rooms.map((room) => layout.racks.filter((r) => r.roomId === room.id).map((r) => r.index)),
    hostRoom: layout.hosts.map((h) => layout.rooms.findIndex((room) => room.id === h.roomId)),
  };
}

/** A cold start: every temperature at the setpoint, hosts on and idle (call `settle` after). */
/** A server just powered on, idle, every temperature at `celsius`. */
export function idleHostState(celsius: number): HostState {
  return {
    poweredOn: true,
    crashed: false,
    fanFailed: false,
    utilization: 0,
    throttleFactor: 1,
    fanSpeedRatio: 0,
    powerWatts: 0,
    fanPowerWatts: 0,
    inletCelsius: celsius,
    cpuCelsius: celsius,
    sensedInletCelsius: celsius,
    sensedCpuCelsius: celsius,
  };
}

export function coldWorldState(model: WorldModel): WorldState {
  const setpoint = model.layout.cracs[0]?.supplySetpointCelsius ?? 18;
  return {
    model,
    timeSeconds: 0,
    hosts: model.layout.hosts.map(() => idleHostState(setpoint)),
    rooms: model.layout.rooms.map(() => ({ returnCelsius: setpoint, supplyCelsius: setpoint, itPowerWatts: 0 })),
    cracs: model.layout.cracs.map((c) => ({
      failed: false,
      setpointCelsius: c.supplySetpointCelsius,
      fanSpeedRatio: c.fanSpeedRatio,
      loadWatts: 0,
      supplyCelsius: c.supplySetpointCelsius,
      powerWatts: 0,
      sensedSupplyCelsius: c.supplySetpointCelsius,
    })),
  };
}

/** Whether a host is up (false after a crash or power-off); unknown hosts are errors. */
export function hostUp(state: WorldState, host: string): boolean {
  return isUp(state.hosts[indexOf(state.model.hostIndex, host, 'host')]);
}

/** The share of its CPU capacity a host has left (1 = not throttled). */
export function hostThrottleFactor(state: WorldState, host: string): number {
  return state.hosts[indexOf(state.model.hostIndex, host, 'host')].throttleFactor;
}

export function indexOf(index: ReadonlyMap<string, number>, id: string, kind: string): number {
  const i = index.get(id);
  if (i === undefined) throw new Error(`unknown ${kind} "${id}"`);
  return i;
}
