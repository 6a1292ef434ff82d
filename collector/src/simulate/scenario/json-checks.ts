/**
 * The small vocabulary scenario validation is written in: a rule (what a value must be, in
 * words, and the test), and readers that report `path: must be <rule>, got <value>` for every
 * problem instead of stopping at the first.
 */
export interface Rule<T> {
  /** Completes "must be ...". */
  readonly text: string;
  test(value: unknown): value is T;
}

/** Longer values are cut: an error message quotes what was found, not a whole document. */
const MAX_QUOTED = 80;

/** How an error quotes the value it found: JSON, `nothing` when absent. */
export function quote(value: unknown): string {
  if (value === undefined) return 'nothing';
  let text: string;
  try {
    text = typeof value === 'number' && !Number.isFinite(value) ? String(value) : (JSON.stringify(value) ?? String(value));
  } catch {
    // BigInt, cycles: values JSON cannot hold (only a caller passing objects built in code can).
    text = String(value);
  }
  return text.length > MAX_QUOTED ? `${text.slice(0, MAX_QUOTED)}…` : text;
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const isNumber = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);

export const nonEmptyString: Rule<string> = { text: 'a non-empty string', test: (v): v is string => typeof v === 'string' && v !== '' };
export const anyString: Rule<string> = { text: 'a string', test: (v): v is string => typeof v === 'string' };
export const positiveNumber: Rule<number> = { text: 'a positive number', test: (v): v is number => isNumber(v) && v > 0 };
export const nonNegativeNumber: Rule<number> = { text: 'a number of at least 0', test: (v): v is number => isNumber(v) && v >= 0 };
export const positiveInteger: Rule<number> = { text: 'a positive integer', test: (v): v is number => Number.isSafeInteger(v) && (v as number) > 0 };
export const fraction: Rule<number> = { text: 'a number above 0 and at most 1', test: (v): v is number => isNumber(v) && v > 0 && v <= 1 };
export const scalar: Rule<number | string | boolean> = {
  text: 'a number, a string or a boolean',
  test: (v): v is number | string | boolean => isNumber(v) || typeof v === 'string' || typeof v === 'boolean',
};

export function numberFrom(min: number, max: number): Rule<number> {
  return { text: `a number from ${min} to ${max}`, test: (v): v is number => isNumber(v) && v >= min && v <= max };
}

export function integerFrom(min: number, max: number): Rule<number> {
  return { text: `an integer from ${min} to ${max}`, test: (v): v is number => Number.isSafeInteger(v) && (v as number) >= min && (v as number) <= max };
}

export function stringOfAtMost(max: number): Rule<string> {
  return { text: `a non-empty string of at most ${max} characters`, test: (v): v is string => typeof v === 'string' && v !== '' && v.length <= max };
}

/** Reads the fields of one JSON object at `path`, collecting problems into `errors`. */
export interface FieldReader {
  readonly raw: Record<string, unknown>;
  at(key: string): string;
  /** A field that must be present and follow the rule; undefined (with an error) otherwise. */
  required<T>(key: string, rule: Rule<T>): T | undefined;
  /** A field that may be absent; when present it must follow the rule. */
  optional<T>(key: string, rule: Rule<T>): T | undefined;
  has(key: string): boolean;
  fail(path: string, rule: string, found: unknown): void;
}

/** Joins a JSON path: `changes[2]` + `factor` → `changes[2].factor`; no prefix at the top. */
export function joinPath(path: string, key: string): string {
  return path === '' ? key : `${path}.${key}`;
}

/**
 * A reader of `raw` at `path`, after checking it is an object and has no keys besides `allowed`
 * (`unknownHint` says, in the error, what is allowed). Undefined when `raw` is not an object.
 */
export function readObject(raw: unknown, path: string, errors: string[], allowed: readonly string[], unknownHint: string): FieldReader | undefined {
  const where = path === '' ? '(top level)' : path;
  if (!isPlainObject(raw)) {
    errors.push(`${where}: must be an object, got ${quote(raw)}`);
    return undefined;
  }
  const object = raw;
  const at = (key: string) => joinPath(path, key);
  const fail = (p: string, rule: string, found: unknown) => errors.push(`${p}: must be ${rule}, got ${quote(found)}`);
  for (const key of Object.keys(raw)) {
    if (!allowed.includes(key)) errors.push(`${at(key)}: unknown key (${unknownHint}), got ${quote(raw[key])}`);
  }
  function read<T>(key: string, rule: Rule<T>, required: boolean): T | undefined {
    const value = object[key];
    if (value === undefined) {
      if (required) errors.push(`${at(key)}: must be ${rule.text} (required), got nothing`);
      return undefined;
    }
    if (rule.test(value)) return value;
    fail(at(key), rule.text, value);
    return undefined;
  }
  return {
    raw: object,
    at,
    required: (key, rule) => read(key, rule, true),
    optional: (key, rule) => read(key, rule, false),
    has: (key) => object[key] !== undefined,
    fail,
  };
}
