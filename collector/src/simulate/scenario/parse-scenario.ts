import { integerFrom, isPlainObject, joinPath, numberFrom, quote, readObject, stringOfAtMost, anyString } from './json-checks';
import type { FieldReader, Rule } from './json-checks';
import { parseChange } from './parse-change';
import { SCENARIO_LIMITS } from './scenario-types';
import type { Scenario, ScenarioChange } from './scenario-types';

const TOP_KEYS = ['name', 'description', 'horizon_seconds', 'step_seconds', 'seed', 'monte_carlo', 'objectives', 'changes'] as const;
const MONTE_CARLO_KEYS = ['runs', 'parameter_spread'] as const;
const OBJECTIVE_KEYS = ['latency_p95_seconds', 'error_ratio'] as const;

const stepRule = numberFrom(SCENARIO_LIMITS.minStepSeconds, Number.MAX_SAFE_INTEGER);
const seedRule = integerFrom(0, 4_294_967_295);
const runsRule = integerFrom(1, SCENARIO_LIMITS.maxRuns);
/** A spread beyond 1 (±100 %) would draw negative physical parameters. */
const spreadRule = numberFrom(0, 1);

/**
 * Checks a scenario document (parsed JSON) and returns it typed, or every problem found. `where`
 * is the scenario's JSON path in an enclosing document (`scenario` in a request body): errors
 * then read `scenario.changes[2].factor: must be a positive number, got -1`. Unknown keys are
 * errors. Whether the entities named exist is the engine's check, against the twin.
 */
export function parseScenario(raw: unknown, where = ''): { scenario?: Scenario; errors: string[] } {
  const errors: string[] = [];
  const r = readObject(raw, where, errors, TOP_KEYS, `a scenario takes ${TOP_KEYS.join(', ')}`);
  if (!r) return { errors };
  const name = r.optional('name', stringOfAtMost(SCENARIO_LIMITS.maxNameLength));
  const description = r.optional('description', anyString);
  const step = r.required('step_seconds', stepRule);
  const horizon = readHorizon(r, step);
  const seed = r.optional('seed', seedRule);
  const monteCarlo = r.has('monte_carlo') ? readMonteCarlo(r.raw.monte_carlo, r.at('monte_carlo'), errors) : undefined;
  const objectives = r.has('objectives') ? readObjectives(r.raw.objectives, r.at('objectives'), errors) : undefined;
  const changes = readChanges(r, errors, horizon);
  if (errors.length > 0) return { errors };
  const scenario: Scenario = { horizon_seconds: horizon as number, step_seconds: step as number, changes: changes as ScenarioChange[] };
  if (name !== undefined) scenario.name = name;
  if (description !== undefined) scenario.description = description;
  if (seed !== undefined) scenario.seed = seed;
  if (monteCarlo) scenario.monte_carlo = monteCarlo;
  if (objectives) scenario.objectives = objectives;
  return { scenario, errors };
}

/** At least one step, at most maxSteps of them (a partial last step counts). */
function readHorizon(r: FieldReader, step: number | undefined): number | undefined {
  if (step === undefined) return r.required('horizon_seconds', stepRule);
  const max = step * SCENARIO_LIMITS.maxSteps;
  const rule: Rule<number> = {
    text: `a number from step_seconds (${step}) to ${SCENARIO_LIMITS.maxSteps} steps (${max})`,
    test: (v): v is number => typeof v === 'number' && Number.isFinite(v) && v >= step && v <= max,
  };
  return r.required('horizon_seconds', rule);
}

function readMonteCarlo(raw: unknown, path: string, errors: string[]): Scenario['monte_carlo'] {
  const before = errors.length;
  const r = readObject(raw, path, errors, MONTE_CARLO_KEYS, `monte_carlo takes ${MONTE_CARLO_KEYS.join(', ')}`);
  if (!r) return undefined;
  const runs = r.required('runs', runsRule);
  const spread = r.optional('parameter_spread', spreadRule);
  if (errors.length > before) return undefined;
  return spread === undefined ? { runs: runs as number } : { runs: runs as number, parameter_spread: spread };
}

function readObjectives(raw: unknown, path: string, errors: string[]): Scenario['objectives'] {
  const before = errors.length;
  const r = readObject(raw, path, errors, OBJECTIVE_KEYS, `objectives takes ${OBJECTIVE_KEYS.join(', ')}`);
  if (!r) return undefined;
  const objectives: NonNullable<Scenario['objectives']> = {};
  const latency = readTargets(r, 'latency_p95_seconds', numberFrom(0, Number.MAX_SAFE_INTEGER), errors);
  const errorRatio = readTargets(r, 'error_ratio', numberFrom(0, 1), errors);
  if (latency) objectives.latency_p95_seconds = latency;
  if (errorRatio) objectives.error_ratio = errorRatio;
  return errors.length > before ? undefined : objectives;
}

/** A map from service id to a target value. */
function readTargets(r: FieldReader, key: string, rule: Rule<number>, errors: string[]): Record<string, number> | undefined {
  const raw = r.raw[key];
  if (raw === undefined) return undefined;
  const path = r.at(key);
  if (!isPlainObject(raw)) {
    errors.push(`${path}: must be an object of service id to target, got ${quote(raw)}`);
    return undefined;
  }
  const targets: Record<string, number> = {};
  for (const [id, value] of Object.entries(raw)) {
    if (id === '') errors.push(`${path}: service ids must be non-empty strings, got ""`);
    else if (!rule.test(value)) errors.push(`${joinPath(path, id)}: must be ${rule.text}, got ${quote(value)}`);
    else targets[id] = value;
  }
  return targets;
}

function readChanges(r: FieldReader, errors: string[], horizon: number | undefined): ScenarioChange[] | undefined {
  const raw = r.raw.changes;
  const path = r.at('changes');
  if (!Array.isArray(raw) || raw.length > SCENARIO_LIMITS.maxChanges) {
    const rule = `a list of at most ${SCENARIO_LIMITS.maxChanges} changes`;
    errors.push(raw === undefined ? `${path}: must be ${rule} (required), got nothing` : `${path}: must be ${rule}, got ${Array.isArray(raw) ? `${raw.length} changes` : quote(raw)}`);
    return undefined;
  }
  return raw.map((change, i) => parseChange(change, `${path}[${i}]`, errors, horizon)) as ScenarioChange[];
}
