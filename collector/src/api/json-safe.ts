/**
 * Replaces NaN and infinities with null, copying only the objects and arrays that change (the
 * twin's own objects are never mutated). Telemetry carries such values (a NaN gauge, a 0/0 error
 * rate) and JSON cannot, so without this one bad number would make a whole response fail.
 */
export function jsonSafe<T>(value: T): T {
  return clean(value) as T;
}

function clean(value: unknown): unknown {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value !== 'object' || value === null) return value;
  if (Array.isArray(value)) return cleanArray(value);
  return cleanObject(value as Record<string, unknown>);
}

function cleanArray(items: unknown[]): unknown[] {
  let copy: unknown[] | undefined;
  for (let i = 0; i < items.length; i++) {
    const cleaned = clean(items[i]);
    if (cleaned !== items[i]) {
      copy ??= items.slice();
      copy[i] = cleaned;
    }
  }
  return copy ?? items;
}

function cleanObject(record: Record<string, unknown>): Record<string, unknown> {
  let copy: Record<string, unknown> | undefined;
  for (const key of Object.keys(record)) {
    const cleaned = clean(record[key]);
    if (cleaned !== record[key]) {
      copy ??= { ...record };
      copy[key] = cleaned;
    }
  }
  return copy ?? record;
}
