/** The what-if controls' state and the scenario JSON POST /api/v1/simulations takes from it. */

export interface WhatIfState {
  horizonSeconds: number;
  stepSeconds: number;
  /** 'site' or a service id → load factor (1 = unchanged). */
  loadFactors: Record<string, number>;
  failed: string[];
  cracSetpoints: Record<string, number>;
  cracFanSpeeds: Record<string, number>;
  moves: Array<{ from: string; to: string; fraction: number }>;
  additions: Array<{ rack: string; count: number }>;
}

/** The key of loadFactors that scales the whole site rather than one service. */
export const SITE_LOAD = 'site';

/** An hour ahead in minutes: long enough for a room to heat up after a CRAC fails, cheap to run. */
export const EMPTY_WHAT_IF: WhatIfState = Object.freeze({
  horizonSeconds: 3600,
  stepSeconds: 60,
  loadFactors: Object.freeze({}) as Record<string, number>,
  failed: Object.freeze([]) as unknown as string[],
  cracSetpoints: Object.freeze({}) as Record<string, number>,
  cracFanSpeeds: Object.freeze({}) as Record<string, number>,
  moves: Object.freeze([]) as unknown as WhatIfState['moves'],
  additions: Object.freeze([]) as unknown as WhatIfState['additions'],
});

export type ScenarioChangeJson =
  | { type: 'scale_load'; target?: string; factor: number }
  | { type: 'fail'; target: string }
  | { type: 'set'; target: string; property: 'setpoint_celsius' | 'fan_speed_ratio'; value: number }
  | { type: 'move_workload'; from: string; to: string; fraction: number }
  | { type: 'add_hardware'; rack: string; count: number };

export interface ScenarioJson {
  horizon_seconds: number;
  step_seconds: number;
  changes: ScenarioChangeJson[];
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const finite = (v: number) => typeof v === 'number' && Number.isFinite(v);
const sortedEntries = (record: Record<string, number>) => Object.entries(record).sort(([a], [b]) => compare(a, b));

/**
 * The scenario as the collector's parser takes it (collector/src/simulate/scenario/parse-change.ts).
 * Order: load (site first, then services by id), failures, setpoints, fan speeds, moves,
 * additions. Factors of 1, blank ids, non-finite values, moves of nothing or onto their own
 * source and additions of fewer than one server produce no change; repeated failures count once.
 */
export function scenarioFromWhatIf(state: WhatIfState): ScenarioJson {
  const changes: ScenarioChangeJson[] = [];
  const loads = sortedEntries(state.loadFactors).sort(([a], [b]) => Number(b === SITE_LOAD) - Number(a === SITE_LOAD));
  for (const [target, factor] of loads) {
    if (target.trim() !== '' && finite(factor) && factor > 0 && factor !== 1) {
      changes.push(target === SITE_LOAD ? { type: 'scale_load', factor } : { type: 'scale_load', target, factor });
    }
  }
  for (const target of new Set(state.failed)) {
    if (target.trim() !== '') {
      changes.push({ type: 'fail', target });
    }
  }
  const settings = [
    ['setpoint_celsius', state.cracSetpoints],
    ['fan_speed_ratio', state.cracFanSpeeds],
  ] as const;
  for (const [property, values] of settings) {
    for (const [target, value] of sortedEntries(values)) {
      if (target.trim() !== '' && finite(value)) {
        changes.push({ type: 'set', target, property, value });
      }
    }
  }
  for (const { from, to, fraction } of state.moves) {
    if (from.trim() !== '' && to.trim() !== '' && from !== to && finite(fraction) && fraction > 0) {
      changes.push({ type: 'move_workload', from, to, fraction: Math.min(1, fraction) });
    }
  }
  for (const { rack, count } of state.additions) {
    if (rack.trim() !== '' && finite(count) && Math.floor(count) >= 1) {
      changes.push({ type: 'add_hardware', rack, count: Math.floor(count) });
    }
  }
  return { horizon_seconds: state.horizonSeconds, step_seconds: state.stepSeconds, changes };
}

/** How many changes the state makes: what a "Run (3 changes)" button counts. */
export function changeCount(state: WhatIfState): number {
  return scenarioFromWhatIf(state).changes.length;
}
