import type { AnyValue, Attributes } from '../otlp';
import type { EntityAttributes } from '../model';

/**
 * OTLP attribute values as entity attribute values: scalars kept, bytes as base64, arrays and maps
 * as JSON text (bytes inside them as base64 strings). `null` (an empty AnyValue) is skipped.
 * Length limits are applied by the twin, which counts every truncation.
 */
export function toEntityValue(value: AnyValue): string | number | boolean | undefined {
  if (value === null) return undefined;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (value instanceof Uint8Array) return Buffer.from(value).toString('base64');
  return JSON.stringify(value, jsonReplacer);
}

function jsonReplacer(_key: string, value: unknown): unknown {
  return value instanceof Uint8Array ? Buffer.from(value).toString('base64') : value;
}

/** The attributes whose key passes `keep`, converted. */
export function toEntityAttributes(attributes: Attributes, keep: (key: string) => boolean = () => true): EntityAttributes {
  const out: EntityAttributes = {};
  for (const key in attributes) {
    if (!keep(key)) continue;
    const value = toEntityValue(attributes[key]);
    if (value !== undefined) out[key] = value;
  }
  return out;
}

/** A value as text: for ids, names and signal labels. */
export function toText(value: AnyValue): string {
  const converted = toEntityValue(value);
  return converted === undefined ? '' : String(converted);
}

/**
 * `{k="v",...}` of the attributes (keys sorted, `skip` left out), Prometheus-escaped; '' when none.
 * It tells series of one metric apart in signal names, e.g. `hw.status{hw.state="ok"}`.
 */
export function labelSuffix(attributes: Attributes, skip?: ReadonlySet<string>): string {
  const keys = Object.keys(attributes)
    .filter((k) => !skip?.has(k))
    .sort();
  if (keys.length === 0) return '';
  const parts = keys.map((k) => `${k}="${escapeLabel(toText(attributes[k]))}"`);
  return `{${parts.join(',')}}`;
}

function escapeLabel(text: string): string {
  return text.replace(/[\\"\n]/g, (c) => (c === '\n' ? '\\n' : `\\${c}`));
}

/** The text of the first of `keys` present and non-empty, cut to `maxLength`. */
export function firstText(attributes: Attributes, keys: readonly string[], maxLength: number): string | undefined {
  for (const key of keys) {
    const value = attributes[key];
    if (value === undefined || value === null) continue;
    const text = toText(value);
    if (text !== '') return text.length > maxLength ? text.slice(0, maxLength) : text;
  }
  return undefined;
}
