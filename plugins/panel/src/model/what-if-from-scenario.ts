/** A saved scenario read back into the what-if controls' state, with what the controls cannot show. */
import { EMPTY_WHAT_IF, SITE_LOAD, type ScenarioJson, type WhatIfState } from './what-if-scenario';

export interface OpenedWhatIf {
  state: WhatIfState;
  /** What was left out, e.g. `changes[3]: network` or `monte_carlo`; saving again drops these. */
  unsupported: string[];
}

/** Top-level scenario keys the controls have no place for (name and description are only labels). */
const EXTRA_KEYS = ['seed', 'monte_carlo', 'objectives'];
/** The change keys the controls represent, by type; any other key (at, profile, model) changes the meaning. */
const KNOWN_KEYS: Record<string, readonly string[]> = {
  scale_load: ['type', 'target', 'factor'],
  fail: ['type', 'target'],
  set: ['type', 'target', 'property', 'value'],
  move_workload: ['type', 'from', 'to', 'fraction'],
  add_hardware: ['type', 'rack', 'count'],
};

type Change = Record<string, unknown>;
const text = (v: unknown): v is string => typeof v === 'string' && v.trim() !== '';
const number = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const positive = (v: unknown): v is number => number(v) && v > 0;

/**
 * The inverse of scenarioFromWhatIf: each change the controls know becomes their state; a change of
 * another type, with keys the controls lack (a start time, a load profile, a hardware model), a
 * repeated load target or values out of the controls' range goes to `unsupported` by its path.
 */
export function whatIfFromScenario(scenario: ScenarioJson | Record<string, unknown>): OpenedWhatIf {
  const raw = scenario as Record<string, unknown>;
  const state: WhatIfState = {
    horizonSeconds: positive(raw.horizon_seconds) ? raw.horizon_seconds : EMPTY_WHAT_IF.horizonSeconds,
    stepSeconds: positive(raw.step_seconds) ? raw.step_seconds : EMPTY_WHAT_IF.stepSeconds,
    loadFactors: {},
    failed: [],
    cracSetpoints: {},
    cracFanSpeeds: {},
    moves: [],
    additions: [],
  };
  const unsupported = EXTRA_KEYS.filter((key) => raw[key] !== undefined);
  const changes = Array.isArray(raw.changes) ? (raw.changes as unknown[]) : [];
  changes.forEach((change, i) => {
    const type = typeof change === 'object' && change !== null ? (change as Change).type : undefined;
    const known = typeof type === 'string' ? KNOWN_KEYS[type] : undefined;
    const fits =
      known !== undefined &&
      Object.keys(change as Change).every((key) => known.includes(key)) &&
      apply(state, change as Change);
    if (!fits) {
      unsupported.push(`changes[${i}]: ${labelOf(change as Change | null, type)}`);
    }
  });
  return { state, unsupported };
}

/** The change's type, and for `set` the property too: `set instances` says more than `set`. */
function labelOf(change: Change | null, type: unknown): string {
  if (typeof type !== 'string') {
    return 'not a change';
  }
  return type === 'set' && typeof change?.property === 'string' ? `set ${change.property}` : type;
}

/** Adds the change to the state; false when the controls cannot hold it as written. */
function apply(state: WhatIfState, c: Change): boolean {
  switch (c.type) {
    case 'scale_load': {
      const target = c.target === undefined ? SITE_LOAD : c.target;
      // A second factor for the same target would multiply in the engine but overwrite in the controls.
      if (!text(target) || !positive(c.factor) || target in state.loadFactors) {
        return false;
      }
      state.loadFactors[target] = c.factor;
      return true;
    }
    case 'fail':
      if (!text(c.target)) {
        return false;
      }
      if (!state.failed.includes(c.target)) {
        state.failed.push(c.target);
      }
      return true;
    case 'set': {
      const values =
        c.property === 'setpoint_celsius'
          ? state.cracSetpoints
          : c.property === 'fan_speed_ratio'
            ? state.cracFanSpeeds
            : undefined;
      if (!values || !text(c.target) || !number(c.value)) {
        return false;
      }
      values[c.target] = c.value;
      return true;
    }
    case 'move_workload': {
      const ok = text(c.from) && text(c.to) && c.from !== c.to && positive(c.fraction) && c.fraction <= 1;
      if (ok) {
        state.moves.push({ from: c.from as string, to: c.to as string, fraction: c.fraction as number });
      }
      return ok;
    }
    case 'add_hardware': {
      const ok = text(c.rack) && number(c.count) && Number.isInteger(c.count) && c.count >= 1;
      if (ok) {
        state.additions.push({ rack: c.rack as string, count: c.count as number });
      }
      return ok;
    }
    default:
      return false;
  }
}
