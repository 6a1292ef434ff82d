/** Parsing of the time parameters of history queries: instants, relative times and steps. */
import { ApiError } from './errors';

const UNIT_MS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 };

const DURATION = /^(\d{1,9})(ms|s|m|h|d|w)$/;
const EPOCH_MS = /^\d{1,15}$/;
// RFC 3339 section 5.6 date-time: a full date, `T` (or a space, which section 5.6 allows), a time and an offset.
const RFC3339 = /^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}:\d{2}(\.\d{1,9})?([Zz]|[+-]\d{2}:\d{2})$/;

export type Parsed = { ok: true; value: number } | { ok: false; message: string };

/** A duration such as `30s`, `5m`, `1h` or `250ms`, in milliseconds; undefined when malformed. */
export function parseDuration(text: string): number | undefined {
  const match = DURATION.exec(text);
  return match ? Number(match[1]) * UNIT_MS[match[2]] : undefined;
}

/** An instant given as RFC 3339, epoch milliseconds, `now` or `now-<duration>`. */
export function parseInstant(name: string, text: string, nowMs: number): Parsed {
  if (text === 'now') return { ok: true, value: nowMs };
  if (text.startsWith('now-')) {
    const ms = parseDuration(text.slice(4));
    if (ms !== undefined) return { ok: true, value: nowMs - ms };
  } else if (EPOCH_MS.test(text)) {
    return { ok: true, value: Number(text) };
  } else if (RFC3339.test(text)) {
    const value = Date.parse(text.replace(' ', 'T'));
    if (!Number.isNaN(value)) return { ok: true, value };
  }
  return { ok: false, message: `${name}: expected RFC 3339, epoch milliseconds or now-<duration>, got ${JSON.stringify(text)}` };
}

/** A step given as a duration (`30s`, `5m`, `1h`) or a number of milliseconds; must be positive. */
export function parseStep(name: string, text: string): Parsed {
  const value = EPOCH_MS.test(text) ? Number(text) : parseDuration(text);
  if (value === undefined || value <= 0) {
    return { ok: false, message: `${name}: expected a positive duration such as 30s, 5m, 1h or milliseconds, got ${JSON.stringify(text)}` };
  }
  return { ok: true, value };
}

/** An instant parameter; a malformed one is answered 400 naming the parameter. */
export function instantParam(name: string, text: string, nowMs: number): number {
  return orBadRequest(parseInstant(name, text, nowMs));
}

/** A duration parameter (`30s`, `5m`, `1h` or milliseconds); a malformed one is answered 400. */
export function durationParam(name: string, text: string): number {
  return orBadRequest(parseStep(name, text));
}

/** `from` and `to` of a range query: `to` defaults to now, `from` to `defaultRangeMs` before `to`; 400 when `from` is after `to`. */
export function timeRange(query: { from?: string; to?: string }, nowMs: number, defaultRangeMs: number): { from: number; to: number } {
  const to = query.to === undefined ? nowMs : instantParam('to', query.to, nowMs);
  const from = query.from === undefined ? to - defaultRangeMs : instantParam('from', query.from, nowMs);
  if (from > to) throw new ApiError(400, 'bad_request', `from: must not be after to (${to}), got ${from}`);
  return { from, to };
}

function orBadRequest(parsed: Parsed): number {
  if (!parsed.ok) throw new ApiError(400, 'bad_request', parsed.message);
  return parsed.value;
}
