/**
 * Checks of what users type into the editors. Each returns the message shown under the field, or
 * undefined when the text may be committed. The grammars mirror the collector's (api/time-params.ts)
 * so a mistake shows while typing instead of as a 400 in the panel.
 */

/** Bounds of a numeric field: the collector's own (topology depth 0–10, limit 1–1000, score 0–1). */
export interface NumberRules {
  min: number;
  max: number;
  integer: boolean;
}

const DECIMAL = /^-?(\d+(\.\d*)?|\.\d+)$/;
const DURATION = /^(\d{1,9})(ms|s|m|h|d|w)$/;
const EPOCH_MS = /^\d{1,15}$/;
const RFC3339 = /^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}:\d{2}(\.\d{1,9})?([Zz]|[+-]\d{2}:\d{2})$/;
const UNIT_MS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 };

/** Template variables are replaced only when the query runs, so text holding one is taken as typed. */
export function hasVariable(text: string): boolean {
  return text.includes('$');
}

export function numberError(text: string, rules: NumberRules): string | undefined {
  const value = Number(text);
  const fits =
    DECIMAL.test(text) && (!rules.integer || Number.isInteger(value)) && value >= rules.min && value <= rules.max;
  if (fits) {
    return undefined;
  }
  const kind = rules.integer ? 'a whole number' : 'a number';
  return `Must be ${kind} from ${rules.min} to ${rules.max}, got "${text}"`;
}

/** Milliseconds of `30s`, `5m`, `1h` or a plain number of milliseconds; undefined when malformed. */
export function durationMs(text: string): number | undefined {
  if (EPOCH_MS.test(text)) {
    return Number(text);
  }
  const match = DURATION.exec(text);
  return match ? Number(match[1]) * UNIT_MS[match[2]] : undefined;
}

/** A positive duration, at most `maxMs` when given (the collector caps horizons and windows at 24h). */
export function durationError(text: string, maxMs?: number, maxText?: string): string | undefined {
  if (hasVariable(text)) {
    return undefined;
  }
  const ms = durationMs(text);
  if (ms === undefined || ms <= 0) {
    return `Must be a duration such as 30s, 5m or 1h, got "${text}"`;
  }
  if (maxMs !== undefined && ms > maxMs) {
    return `Must be at most ${maxText ?? `${maxMs}ms`}, got "${text}"`;
  }
  return undefined;
}

/** An instant as the collector reads it: RFC 3339, epoch milliseconds, `now` or `now-<duration>`. */
export function instantError(text: string): string | undefined {
  const relative = text.startsWith('now-') && durationMs(text.slice(4)) !== undefined;
  if (hasVariable(text) || text === 'now' || relative || EPOCH_MS.test(text) || RFC3339.test(text)) {
    return undefined;
  }
  return `Must be RFC 3339, epoch milliseconds, now or now-<duration>, got "${text}"`;
}

/** `key=value` pairs separated by commas; a part that is only a variable may expand to pairs. */
export function attributesError(text: string): string | undefined {
  const bad = text
    .split(',')
    .map((part) => part.trim())
    .find((part) => !(hasVariable(part) && !part.includes('=')) && !/^[^=\s][^=]*=.*$/.test(part));
  return bad === undefined ? undefined : `Must be key=value pairs separated by commas, got "${bad}"`;
}

/** An inline scenario: one JSON object (variables inside its strings are fine). */
export function scenarioError(text: string): string | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return 'Must be a JSON object such as {"horizon_seconds": 3600, "changes": []}: this is not valid JSON';
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    return `Must be a JSON object such as {"horizon_seconds": 3600, "changes": []}, got ${jsonKind(parsed)}`;
  }
  return undefined;
}

/**
 * The collector's base URL. Credentials in it are refused because jsonData is readable by every
 * viewer of the datasource; the token belongs in the secure field.
 */
export function apiUrlError(text: string): string | undefined {
  if (text === '') {
    return 'The collector URL is required';
  }
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return `Must be an http:// or https:// URL such as http://twinops:8088, got "${text}"`;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    return `Must be an http:// or https:// URL such as http://twinops:8088, got "${text}"`;
  }
  if (url.username !== '' || url.password !== '') {
    return 'Must not hold credentials: every viewer of the datasource can read the URL; set the API token below instead';
  }
  if (url.search !== '' || url.hash !== '') {
    return `Must not hold a query string or fragment: the datasource appends /api/v1/… paths to it, got "${text}"`;
  }
  return undefined;
}

function jsonKind(value: unknown): string {
  if (value === null) {
    return 'null';
  }
  return Array.isArray(value) ? 'an array' : `a ${typeof value}`;
}
