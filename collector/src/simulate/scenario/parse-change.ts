import {
  fraction,
  integerFrom,
  isPlainObject,
  nonEmptyString,
  nonNegativeNumber,
  numberFrom,
  positiveInteger,
  positiveNumber,
  quote,
  readObject,
  scalar,
} from './json-checks';
import type { FieldReader, Rule } from './json-checks';
import { SCENARIO_CHANGE_TYPES, SCENARIO_LIMITS } from './scenario-types';
import type { ScenarioChange, ScenarioChangeType } from './scenario-types';

/** The keys each type takes besides `type`. */
const KEYS: Record<ScenarioChangeType, readonly string[]> = {
  scale_load: ['target', 'factor', 'profile', 'at'],
  move_workload: ['from', 'to', 'fraction', 'at'],
  fail: ['target', 'at'],
  set: ['target', 'property', 'value', 'at'],
  add_hardware: ['rack', 'count', 'model', 'at'],
  remove_hardware: ['hosts', 'at'],
  network: ['from', 'to', 'latency_ms', 'capacity_rps', 'at'],
  breach: ['origin', 'probability', 'max_hops'],
};

const HOURS = 24;

/** Properties the simulation itself acts on, with the values they take; any other property is desired state, passed on. */
const SET_RULES: Record<string, Rule<number>> = {
  setpoint_celsius: numberFrom(5, 35),
  fan_speed_ratio: numberFrom(0, 1),
  instances: integerFrom(0, 10_000),
};

/** Drops keys whose value is undefined, so the parsed change holds exactly what the user wrote. */
function defined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

/**
 * Checks `raw` as change `path` (e.g. `changes[2]`) and returns it typed, or undefined with the
 * problems added to `errors`. `horizonSeconds` (when known) bounds `at`.
 */
export function parseChange(raw: unknown, path: string, errors: string[], horizonSeconds: number | undefined): ScenarioChange | undefined {
  if (!isPlainObject(raw)) {
    errors.push(`${path}: must be an object, got ${quote(raw)}`);
    return undefined;
  }
  const type = raw.type as ScenarioChangeType;
  if (!SCENARIO_CHANGE_TYPES.includes(type)) {
    errors.push(`${path}.type: must be one of ${SCENARIO_CHANGE_TYPES.join(', ')}, got ${quote(raw.type)}`);
    return undefined;
  }
  const before = errors.length;
  const keys = KEYS[type];
  const r = readObject(raw, path, errors, ['type', ...keys], `${type} takes ${keys.join(', ')}`) as FieldReader;
  const change = defined(readByType(type, r, path, errors));
  if (keys.includes('at')) {
    const at = r.optional('at', horizonSeconds === undefined ? nonNegativeNumber : numberFrom(0, horizonSeconds));
    if (at !== undefined) (change as { at?: number }).at = at;
  }
  return errors.length === before ? change : undefined;
}

function readByType(type: ScenarioChangeType, r: FieldReader, path: string, errors: string[]): ScenarioChange {
  switch (type) {
    case 'scale_load': {
      const profile = r.has('profile') ? readProfile(r) : undefined;
      if (r.has('factor') === r.has('profile')) errors.push(`${path}: must have exactly one of factor and profile, got ${r.has('factor') ? 'both' : 'neither'}`);
      return { type, target: r.optional('target', nonEmptyString), factor: r.optional('factor', positiveNumber), profile };
    }
    case 'move_workload': {
      const from = r.required('from', nonEmptyString);
      const to = r.required('to', nonEmptyString);
      if (from !== undefined && from === to) errors.push(`${r.at('to')}: must differ from from, got ${quote(to)}`);
      return { type, from: from as string, to: to as string, fraction: r.optional('fraction', fraction) };
    }
    case 'fail':
      return { type, target: r.required('target', nonEmptyString) as string };
    case 'set': {
      const target = r.required('target', nonEmptyString) as string;
      const property = r.required('property', nonEmptyString) as string;
      const known = property !== undefined && Object.hasOwn(SET_RULES, property) ? SET_RULES[property] : undefined;
      const value = r.required('value', known ? { text: `${known.text} for ${property}`, test: known.test } : scalar);
      return { type, target, property, value: value as number | string | boolean };
    }
    case 'add_hardware':
      return {
        type,
        rack: r.required('rack', nonEmptyString) as string,
        count: r.required('count', integerFrom(1, SCENARIO_LIMITS.maxAddedHosts)) as number,
        model: r.optional('model', nonEmptyString),
      };
    case 'remove_hardware':
      return { type, hosts: readHosts(r) as string[] };
    case 'network': {
      const from = r.required('from', nonEmptyString) as string;
      const to = r.required('to', nonEmptyString) as string;
      if (!r.has('latency_ms') && !r.has('capacity_rps')) errors.push(`${path}: must have latency_ms or capacity_rps, got neither`);
      return { type, from, to, latency_ms: r.optional('latency_ms', nonNegativeNumber), capacity_rps: r.optional('capacity_rps', positiveNumber) };
    }
    case 'breach':
      return {
        type,
        origin: r.required('origin', nonEmptyString) as string,
        probability: r.required('probability', numberFrom(0, 1)) as number,
        max_hops: r.optional('max_hops', positiveInteger),
      };
  }
}

function readProfile(r: FieldReader): number[] | undefined {
  const raw = r.raw.profile;
  if (!Array.isArray(raw) || raw.length !== HOURS) {
    r.fail(r.at('profile'), `a list of ${HOURS} numbers (one factor per hour of day)`, raw);
    return undefined;
  }
  let ok = true;
  raw.forEach((v, i) => {
    if (nonNegativeNumber.test(v)) return;
    r.fail(`${r.at('profile')}[${i}]`, nonNegativeNumber.text, v);
    ok = false;
  });
  return ok ? [...(raw as number[])] : undefined;
}

function readHosts(r: FieldReader): string[] | undefined {
  const raw = r.raw.hosts;
  if (!Array.isArray(raw) || raw.length === 0) {
    r.fail(r.at('hosts'), 'a non-empty list of host ids' + (raw === undefined ? ' (required)' : ''), raw);
    return undefined;
  }
  let ok = true;
  const seen = new Set<string>();
  raw.forEach((v, i) => {
    const at = `${r.at('hosts')}[${i}]`;
    if (!nonEmptyString.test(v)) r.fail(at, nonEmptyString.text, v);
    else if (seen.has(v)) r.fail(at, 'a host not listed before', v);
    else return void seen.add(v);
    ok = false;
  });
  return ok ? [...(raw as string[])] : undefined;
}
