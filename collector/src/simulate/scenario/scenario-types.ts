/** One thing a what-if scenario changes, `at` seconds after the simulation starts (default 0). */
export type ScenarioChange =
  | {
      type: 'scale_load';
      /** An entry service id; absent = the whole site. */
      target?: string;
      /** Multiplies the load from `at` on. Exactly one of factor and profile. */
      factor?: number;
      /** 24 factors, one per hour of day (0 = midnight to 1 am, UTC twin time). */
      profile?: number[];
      at?: number;
    }
  | {
      type: 'move_workload';
      /** A host or rack id. */
      from: string;
      to: string;
      /** Share of the source's workload moved, in (0, 1]; default 1. */
      fraction?: number;
      at?: number;
    }
  | {
      type: 'fail';
      /** A host, rack, crac, pdu or instance id, or a link `from->to`. */
      target: string;
      at?: number;
    }
  | {
      type: 'set';
      target: string;
      /** `setpoint_celsius`, `fan_speed_ratio`, `instances`, or any desired-state property. */
      property: string;
      value: number | string | boolean;
      at?: number;
    }
  | {
      type: 'add_hardware';
      rack: string;
      count: number;
      /** A host id whose model the new hosts copy; default: the engine's choice. */
      model?: string;
      at?: number;
    }
  | { type: 'remove_hardware'; hosts: string[]; at?: number }
  | {
      type: 'network';
      from: string;
      to: string;
      /** Latency added to every call from → to. At least one of latency_ms and capacity_rps. */
      latency_ms?: number;
      /** Requests per second the link carries; beyond it calls fail. */
      capacity_rps?: number;
      at?: number;
    }
  | {
      type: 'breach';
      /** The entity where the compromise starts. */
      origin: string;
      /** Chance, per hop, that the compromise spreads along a relation: [0, 1]. */
      probability: number;
      /** Default: no limit. */
      max_hops?: number;
    };

export type ScenarioChangeType = ScenarioChange['type'];

/** A what-if: changes applied to a copy of the twin, simulated over a horizon. JSON keys as the user writes them. */
export interface Scenario {
  name?: string;
  description?: string;
  horizon_seconds: number;
  step_seconds: number;
  seed?: number;
  monte_carlo?: {
    runs: number;
    /** Relative spread of fitted parameters between runs (0.1 = ±10 % standard deviation). */
    parameter_spread?: number;
  };
  /** Targets per service id: a run meets the scenario's objectives when every one holds. */
  objectives?: { latency_p95_seconds?: Record<string, number>; error_ratio?: Record<string, number> };
  changes: ScenarioChange[];
}

export const SCENARIO_CHANGE_TYPES: readonly ScenarioChangeType[] = [
  'scale_load',
  'move_workload',
  'fail',
  'set',
  'add_hardware',
  'remove_hardware',
  'network',
  'breach',
];

/** Bounds the engine relies on: a run's cost is runs × horizon / step. */
export const SCENARIO_LIMITS = {
  minStepSeconds: 1,
  maxSteps: 100_000,
  maxRuns: 1000,
  maxChanges: 1000,
  maxAddedHosts: 1000,
  maxNameLength: 200,
} as const;
