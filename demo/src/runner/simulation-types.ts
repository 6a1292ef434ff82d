import type { ActiveFault, HostLoad, ServiceName, ShopCatalog, ShopStep } from '../shop';
import type { DataCenterLayout, SensorReadings, WorldState, WorldTruth } from '../world';
import type { FaultName, FaultSpec } from './fault-catalog';
import type { ServiceTruth } from './service-truth';

export interface SimulationConfig {
  seed: number;
  /** Simulated seconds per real second (60: one simulated day in 24 minutes). */
  speed: number;
  /** Simulated Unix time at the start (telemetry timestamps count from it). */
  startEpochSeconds: number;
  /** Simulated seconds per step: world and shop advance together by this much. */
  stepSeconds: number;
  /** Simulated seconds the physics runs at the first step's load before the start, so temperatures begin settled. */
  settleSeconds: number;
  /** Faults injected when the simulated offset reaches their time. */
  faults: FaultSpec[];
}

/** What one step produced: the emitter turns it into telemetry. */
export interface StepResult {
  /** Simulated seconds since the start, at the end of the step. */
  timeSeconds: number;
  /** Simulated Unix time at the end of the step. */
  epochSeconds: number;
  stepSeconds: number;
  world: WorldState;
  /** Noisy instrument readings of the world at the end of the step. */
  sensors: SensorReadings;
  shop: ShopStep;
  /** CPU and memory the shop put on each host during the step. */
  hostLoad: ReadonlyMap<string, HostLoad>;
}

/** A fault in force, with the collector's entity id of what it broke. */
export interface FaultRecord {
  id: string;
  fault: FaultName;
  target: string;
  rootCause: string;
  /** Simulated Unix time it was injected. */
  since: number;
}

/** Ground truth of one instant, plain JSON. */
export interface SimulationTruth {
  timeSeconds: number;
  epochSeconds: number;
  /** The physics' truth; its `timeSeconds` is the simulation's offset, not the physics' clock. */
  world: WorldTruth;
  shop: {
    instances: Array<{ id: string; service: ServiceName; host: string; up: boolean; memoryBytes: number }>;
    faults: ActiveFault[];
    /** Entry-load multipliers in force (`load_factor`): 1 and {} when none. */
    loadFactors: { site: number; services: Partial<Record<ServiceName, number>> };
  };
  /** Per service, the last step's rate, errors and p95 latency (empty figures before the first step). */
  services: ServiceTruth[];
  faults: FaultRecord[];
  /** Faults scheduled and not yet injected. */
  scheduled: FaultSpec[];
}

/** The actuator commands remediation may send. */
export type Actuation =
  | { action: 'migrate'; instance: string; toHost: string }
  | { action: 'scale'; service: string; instances: number }
  | { action: 'restart'; service: string }
  | { action: 'crac_setpoint'; crac: string; celsius: number }
  | { action: 'crac_fan_speed'; crac: string; ratio: number }
  | { action: 'host_power'; host: string; on: boolean }
  /** New idle servers in the rack's free places, copying host `model` (default the rack's first server). */
  | { action: 'add_servers'; rack: string; count: number; model?: string }
  /** Multiplies the entry requests (the site's, or one entry service's) until set back to 1. */
  | { action: 'load_factor'; factor: number; service?: string }
  /** Migrates `fraction` (0..1) of the instances on `fromRack`'s hosts to `toRack`'s hosts. */
  | { action: 'move_load'; fromRack: string; toRack: string; fraction: number };

/** What an actuator did, when there is more to say than ok: the hosts added, the instances moved. */
export interface ActuationResult {
  hosts?: string[];
  moved?: Array<{ instance: string; toHost: string }>;
}

/** A rejected command: `invalid_argument` (bad value) or `not_found` (unknown target or fault id). */
export interface SimulationError extends Error {
  code: 'invalid_argument' | 'not_found';
}

export function simulationError(code: SimulationError['code'], message: string): SimulationError {
  return Object.assign(new Error(message), { code });
}

export function isSimulationError(error: unknown): error is SimulationError {
  return error instanceof Error && ((error as SimulationError).code === 'invalid_argument' || (error as SimulationError).code === 'not_found');
}

export interface Simulation {
  readonly config: SimulationConfig;
  /** The current layout: a new object after servers are added (the world's `model.layout`). */
  readonly layout: DataCenterLayout;
  readonly catalog: ShopCatalog;
  /** Simulated seconds since the start. */
  nowSeconds(): number;
  /** Advances one step (injecting due scheduled faults first). */
  step(): StepResult;
  /** Runs whole steps while the next one ends at or before `timeSeconds`; returns them. */
  advanceTo(timeSeconds: number): StepResult[];
  /** The last step's results, undefined before the first step. */
  latest(): StepResult | undefined;
  truth(): SimulationTruth;
  /** Injects a fault now; an identical fault already in force is returned as is. */
  inject(fault: string, target?: string): FaultRecord;
  /** Ends a fault in force; throws not_found for an unknown or ended id. */
  clear(id: string): FaultRecord;
  faults(): FaultRecord[];
  actuate(command: Actuation): ActuationResult;
}
