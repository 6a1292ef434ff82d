/**
 * Violations in a predicted trajectory: each signal above its limit, with when it first crossed
 * and how far it went. Limits: ASHRAE A1 inlet (27 °C recommended, 32 °C allowable), CPU above
 * 90 %, the scenario's latency and error objectives (1 % errors when none is given), and
 * capacity (a CRAC at its cooling capacity, a PDU above its rating, a service at saturation).
 */
import type { DataCenterPhysics } from '../../physics';
import type { Scenario } from '../scenario';
import type { Trajectory } from './run-once';

export const INLET_RECOMMENDED_MAX_CELSIUS = 27;
export const INLET_ALLOWABLE_MAX_CELSIUS = 32;
export const CPU_HIGH_UTILIZATION = 0.9;
export const DEFAULT_ERROR_RATIO_OBJECTIVE = 0.01;

export type ViolationKind =
  | 'inlet_above_recommended'
  | 'inlet_above_allowable'
  | 'cpu_high'
  | 'latency_objective'
  | 'error_objective'
  | 'crac_capacity'
  | 'pdu_capacity'
  | 'service_capacity';

export interface Violation {
  kind: ViolationKind;
  entity: string;
  signal: string;
  limit: number;
  /** First step above the limit, epoch ms. */
  onset: number;
  /** The largest value over the horizon. */
  peak: number;
}

interface Rule {
  kind: ViolationKind;
  signal: string;
  /** The limit for an entity, or undefined when it has none. */
  limit(entity: string): number | undefined;
  /** Capacity is reached at the limit itself; the others must pass it. */
  atLimit?: boolean;
}

export function violationRules(scenario: Scenario, physics: DataCenterPhysics): Rule[] {
  const cracCapacity = new Map(physics.cracs.map((c) => [c.id, c.capacityWatts]));
  const pduCapacity = new Map(physics.pdus.map((p) => [p.id, p.capacityWatts]));
  const latency = scenario.objectives?.latency_p95_seconds ?? {};
  const errors = scenario.objectives?.error_ratio ?? {};
  return [
    { kind: 'inlet_above_recommended', signal: 'inlet.temperature', limit: () => INLET_RECOMMENDED_MAX_CELSIUS },
    { kind: 'inlet_above_allowable', signal: 'inlet.temperature', limit: () => INLET_ALLOWABLE_MAX_CELSIUS },
    { kind: 'cpu_high', signal: 'system.cpu.utilization', limit: () => CPU_HIGH_UTILIZATION },
    { kind: 'latency_objective', signal: 'service.latency_p95_seconds', limit: (id) => latency[id] },
    { kind: 'error_objective', signal: 'service.error_ratio', limit: (id) => errors[id] ?? DEFAULT_ERROR_RATIO_OBJECTIVE },
    // A unit removing 99.9 % of what it can is at capacity: the model clamps exactly at it.
    { kind: 'crac_capacity', signal: 'crac.load', limit: (id) => (cracCapacity.has(id) ? 0.999 * (cracCapacity.get(id) as number) : undefined), atLimit: true },
    { kind: 'pdu_capacity', signal: 'pdu.power', limit: (id) => pduCapacity.get(id) },
    { kind: 'service_capacity', signal: 'service.utilization', limit: () => 1, atLimit: true },
  ];
}

export function findViolations(trajectory: Trajectory, rules: readonly Rule[]): Violation[] {
  const found: Violation[] = [];
  for (const [key, values] of trajectory.values) {
    const { entity, signal } = trajectory.meta.get(key) as { entity: string; signal: string };
    for (const rule of rules) {
      if (rule.signal !== signal) continue;
      const limit = rule.limit(entity);
      if (limit === undefined) continue;
      let onset = -1;
      let peak = -Infinity;
      for (let k = 0; k < values.length; k++) {
        const v = values[k];
        if (v > peak) peak = v;
        if (onset < 0 && (rule.atLimit ? v >= limit : v > limit)) onset = k;
      }
      if (onset >= 0) found.push({ kind: rule.kind, entity, signal, limit: rule.atLimit && rule.kind === 'crac_capacity' ? limit / 0.999 : limit, onset: trajectory.timestamps[onset], peak });
    }
  }
  return found.sort((a, b) => a.onset - b.onset || (a.entity < b.entity ? -1 : a.entity > b.entity ? 1 : 0) || (a.kind < b.kind ? -1 : 1));
}
