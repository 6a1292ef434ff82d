/**
 * A small schema language for the YAML config: each component declares its section once, with
 * defaults and a line of documentation per key, and gets back validation (every problem, each
 * naming its YAML path, the rule and the value found), camelCase typed values, and a documented
 * defaults file.
 */

export interface Field<T> {
  readonly kind: string;
  readonly defaultValue: T;
  readonly doc: string;
  parse(raw: unknown, path: string, errors: string[]): T;
}

type CamelCase<S extends string> = S extends `${infer Head}_${infer Tail}`
  ? `${Head}${Capitalize<CamelCase<Tail>>}`
  : S;

export type Shape = Record<string, Field<unknown>>;
export type ShapeValue<S extends Shape> = {
  [K in keyof S as CamelCase<K & string>]: S[K] extends Field<infer T> ? T : never;
};
/** The typed config value of a field: `ValueOf<typeof fooConfigSchema>`. */
export type ValueOf<F> = F extends Field<infer T> ? T : never;

export interface ObjectField<S extends Shape> extends Field<ShapeValue<S>> {
  readonly shape: S;
}

export function camelCase(key: string): string {
  return key.replace(/_([a-z0-9])/g, (_m, c: string) => c.toUpperCase());
}

function describe(value: unknown): string {
  return typeof value === 'string' ? JSON.stringify(value) : JSON.stringify(value) ?? String(value);
}

function scalar<T>(kind: string, defaultValue: T, doc: string, check: (raw: unknown) => string | undefined): Field<T> {
  return {
    kind,
    defaultValue,
    doc,
    parse(raw, path, errors) {
      if (raw === undefined || raw === null) return defaultValue;
      const problem = check(raw);
      if (problem) {
        errors.push(`${path}: ${problem}, got ${describe(raw)}`);
        return defaultValue;
      }
      return raw as T;
    },
  };
}

export function str(defaultValue: string, doc: string, pattern?: { regex: RegExp; rule: string }): Field<string> {
  return scalar('string', defaultValue, doc, (raw) => {
    if (typeof raw !== 'string') return 'must be a string';
    if (pattern && raw !== '' && !pattern.regex.test(raw)) return `must be ${pattern.rule}`;
    return undefined;
  });
}

export function int(defaultValue: number, doc: string, bounds: { min?: number; max?: number } = {}): Field<number> {
  const { min = 0, max = Number.MAX_SAFE_INTEGER } = bounds;
  const rule = min === 1 && max === Number.MAX_SAFE_INTEGER ? 'a positive integer' : `an integer from ${min} to ${max}`;
  return scalar('integer', defaultValue, doc, (raw) =>
    typeof raw === 'number' && Number.isInteger(raw) && raw >= min && raw <= max ? undefined : `must be ${rule}`,
  );
}

export function num(defaultValue: number, doc: string, bounds: { min?: number; max?: number } = {}): Field<number> {
  const { min = 0, max = Number.MAX_VALUE } = bounds;
  return scalar('number', defaultValue, doc, (raw) =>
    typeof raw === 'number' && Number.isFinite(raw) && raw >= min && raw <= max
      ? undefined
      : `must be a number from ${min} to ${max}`,
  );
}

export function bool(defaultValue: boolean, doc: string): Field<boolean> {
  return scalar('boolean', defaultValue, doc, (raw) => (typeof raw === 'boolean' ? undefined : 'must be true or false'));
}

export function oneOf<T extends string>(values: readonly T[], defaultValue: T, doc: string): Field<T> {
  return scalar('enum', defaultValue, doc, (raw) =>
    values.includes(raw as T) ? undefined : `must be one of ${values.join(', ')}`,
  );
}

export function list<T>(item: Field<T>, defaultValue: T[], doc: string): Field<T[]> {
  return {
    kind: 'list',
    defaultValue,
    doc,
    parse(raw, path, errors) {
      if (raw === undefined || raw === null) return defaultValue;
      if (!Array.isArray(raw)) {
        errors.push(`${path}: must be a list, got ${describe(raw)}`);
        return defaultValue;
      }
      return raw.map((value, i) => item.parse(value, `${path}[${i}]`, errors));
    },
  };
}

export function obj<S extends Shape>(shape: S, doc = ''): ObjectField<S> {
  const defaults = Object.fromEntries(Object.entries(shape).map(([key, field]) => [camelCase(key), field.defaultValue]));
  return {
    kind: 'object',
    shape,
    doc,
    defaultValue: defaults as ShapeValue<S>,
    parse(raw, path, errors) {
      if (raw === undefined || raw === null) raw = {};
      if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
        errors.push(`${path || '(top level)'}: must be a mapping, got ${describe(raw)}`);
        return defaults as ShapeValue<S>;
      }
      const at = (key: string) => (path ? `${path}.${key}` : key);
      const value: Record<string, unknown> = {};
      for (const key of Object.keys(raw)) {
        if (!Object.hasOwn(shape, key)) errors.push(`${at(key)}: unknown key`);
      }
      for (const [key, field] of Object.entries(shape)) {
        value[camelCase(key)] = field.parse((raw as Record<string, unknown>)[key], at(key), errors);
      }
      return value as ShapeValue<S>;
    },
  };
}

/** A map from user-chosen names to values of one shape (e.g. tokens by name). */
export function dict<T>(item: Field<T>, doc: string): Field<Record<string, T>> {
  return {
    kind: 'dict',
    defaultValue: {},
    doc,
    parse(raw, path, errors) {
      if (raw === undefined || raw === null) return {};
      if (typeof raw !== 'object' || Array.isArray(raw)) {
        errors.push(`${path}: must be a mapping, got ${describe(raw)}`);
        return {};
      }
      const value: Record<string, T> = {};
      for (const [key, entry] of Object.entries(raw)) value[key] = item.parse(entry, `${path}.${key}`, errors);
      return value;
    },
  };
}
