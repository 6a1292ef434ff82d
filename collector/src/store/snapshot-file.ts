import { LEVELS, RELATION_TYPES } from '../model';
import type { TwinSnapshot } from './twin-store';

type Check = (value: unknown) => string | undefined;

const isString: Check = (v) => (typeof v === 'string' ? undefined : 'must be a string');
const isNumber: Check = (v) => (typeof v === 'number' && Number.isFinite(v) ? undefined : 'must be a finite number');
const isObject: Check = (v) => (typeof v === 'object' && v !== null && !Array.isArray(v) ? undefined : 'must be an object');
const isPointList: Check = (v) =>
  Array.isArray(v) && v.every((p) => typeof p?.t === 'number' && typeof p?.v === 'number') ? undefined : 'must be a list of {t, v} numbers';
const isList: Check = (v) => (Array.isArray(v) ? undefined : 'must be a list');
const oneOf =
  (values: readonly string[]): Check =>
  (v) =>
    typeof v === 'string' && values.includes(v) ? undefined : `must be one of ${values.join(', ')}`;

/** Required fields of each item of each list, checked before anything is written. */
const ITEM_FIELDS: Record<string, Record<string, Check>> = {
  'state.entities': { id: isString, type: isString, level: oneOf(LEVELS), name: isString, attributes: isObject, desired: isObject, firstSeen: isNumber, lastSeen: isNumber },
  'state.relations': { id: isString, from: isString, to: isString, type: oneOf(RELATION_TYPES), stats: isObject, firstSeen: isNumber, lastSeen: isNumber },
  'state.signals': { entity: isString, name: isString, unit: isString, kind: isString, points: isPointList },
  'state.events': { entity: isString, countsBySeverity: isObject, latestErrors: isList },
  rollups: { entity: isString, signal: isString, stepMs: isNumber, t: isNumber, avg: isNumber, min: isNumber, max: isNumber, count: isNumber },
  objects: { kind: isString, id: isString, version: isNumber, updatedAt: isNumber },
  audit: { seq: isNumber, t: isNumber, actor: isString, action: isString, target: isString, detail: isObject },
  scenarios: { name: isString, scenario: isString, version: isNumber, updatedAt: isNumber, updatedBy: isString },
};

/** Lists a snapshot may lack: those of stores from before they existed. */
const OPTIONAL_LISTS = new Set(['scenarios']);

/** At most this many problems are listed: a wrong file would otherwise print one per item. */
const MAX_PROBLEMS = 20;

/**
 * Parses and checks a snapshot file before any of it is imported. Every problem names the file
 * and the field (`backup.json: state.entities[3].level: must be one of ...`).
 */
export function parseSnapshot(text: string, fileName: string): { ok: true; snapshot: TwinSnapshot } | { ok: false; errors: string[] } {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (err) {
    return { ok: false, errors: [`${fileName}: not JSON: ${(err as Error).message}`] };
  }
  const errors: string[] = [];
  const fail = (path: string, message: string) => errors.length < MAX_PROBLEMS && errors.push(`${fileName}: ${path}: ${message}`);
  const root = raw as Record<string, unknown>;
  if (isObject(raw)) return { ok: false, errors: [`${fileName}: must be a JSON object`] };
  if (root.format !== 'twinops-snapshot') fail('format', `must be "twinops-snapshot", got ${JSON.stringify(root.format)}`);
  if (root.version !== 1) fail('version', `must be 1 (this collector reads version 1), got ${JSON.stringify(root.version)}`);
  for (const [path, fields] of Object.entries(ITEM_FIELDS)) {
    const list = path.split('.').reduce<unknown>((at, key) => (at as Record<string, unknown> | undefined)?.[key], root);
    if (list === undefined && OPTIONAL_LISTS.has(path)) continue;
    if (!Array.isArray(list)) {
      fail(path, 'must be a list');
      continue;
    }
    list.forEach((item, i) => {
      if (isObject(item)) return void fail(`${path}[${i}]`, 'must be an object');
      for (const [field, check] of Object.entries(fields)) {
        const problem = check((item as Record<string, unknown>)[field]);
        if (problem) fail(`${path}[${i}].${field}`, problem);
      }
    });
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, snapshot: raw as TwinSnapshot };
}
