/**
 * Length-delimited scalars of the wire format: strings, ids as lowercase hex, and raw bytes.
 */
import type { WireReader } from './wire-reader';
import { readLength } from './wire-reader';

/** Two lowercase hex digits for every byte value. */
export const HEX_BYTE: readonly string[] = Array.from({ length: 256 }, (_, i) =>
  i.toString(16).padStart(2, '0'),
);

/**
 * Short ASCII strings (attribute keys, service names, methods, routes) repeat across spans, so they
 * are looked up in a direct-mapped cache instead of being built again: no allocation on a hit, and
 * a key string V8 has already internalized stays fast as a property name.
 */
const CACHE_MAX_BYTES = 48;
const CACHE_SIZE = 4096;
const cache: (string | undefined)[] = new Array(CACHE_SIZE).fill(undefined);

export function readString(r: WireReader, end: number): string {
  const e = readLength(r, end);
  const s = r.pos;
  r.pos = e;
  return decodeUtf8(r.buf, s, e);
}

export function decodeUtf8(buf: Buffer, s: number, e: number): string {
  const len = e - s;
  if (len === 0) return '';
  if (len > CACHE_MAX_BYTES) return buf.toString('utf8', s, e);
  // Hash the length and a few bytes only; a hit is verified byte by byte below. For strings of
  // one or two bytes the sampled positions fall outside them: that only lowers the hit rate.
  const m = s + (len >>> 1);
  let hash = Math.imul(len, 0x9e3779b1) ^ (buf[s] << 16) ^ (buf[e - 1] << 8) ^ buf[m];
  hash = Math.imul(hash ^ (buf[e - 2] | (buf[s + 1] << 8) | (buf[m - 1] << 16)), 0x85ebca6b);
  const slot = (hash ^ (hash >>> 15)) & (CACHE_SIZE - 1);
  const hit = cache[slot];
  if (hit !== undefined && hit.length === len && sameAscii(hit, buf, s)) return hit;
  for (let i = s; i < e; i++) {
    if (buf[i] >= 0x80) return buf.toString('utf8', s, e);
  }
  const str = buf.toString('latin1', s, e); // pure ASCII here, so latin1 equals utf8
  cache[slot] = str;
  return str;
}

/** Whether the cached ASCII string equals the bytes at `s` (same length already checked). */
function sameAscii(str: string, buf: Buffer, s: number): boolean {
  for (let i = 0; i < str.length; i++) {
    if (str.charCodeAt(i) !== buf[s + i]) return false;
  }
  return true;
}

/** Char codes of the lowercase hex digits. */
const HEX_CODE = Array.from('0123456789abcdef', (c) => c.charCodeAt(0));

/** Hex of 8 bytes from `p`, built as one flat string (no per-byte concatenation). */
function hex8(buf: Buffer, p: number): string {
  const h = HEX_CODE;
  const b0 = buf[p], b1 = buf[p + 1], b2 = buf[p + 2], b3 = buf[p + 3];
  const b4 = buf[p + 4], b5 = buf[p + 5], b6 = buf[p + 6], b7 = buf[p + 7];
  return String.fromCharCode(
    h[b0 >> 4], h[b0 & 15], h[b1 >> 4], h[b1 & 15], h[b2 >> 4], h[b2 & 15], h[b3 >> 4], h[b3 & 15],
    h[b4 >> 4], h[b4 & 15], h[b5 >> 4], h[b5 & 15], h[b6 >> 4], h[b6 & 15], h[b7 >> 4], h[b7 & 15],
  );
}

/**
 * Hex of 16 bytes from `p` as one flat string. Joining two hex8 halves with `+` would make a cons
 * string, which V8 flattens (allocates and copies again) on the first character read, hash or
 * comparison: validation and every consumer of the trace id would pay for that per span.
 */
function hex16(buf: Buffer, p: number): string {
  const h = HEX_CODE;
  const b0 = buf[p], b1 = buf[p + 1], b2 = buf[p + 2], b3 = buf[p + 3];
  const b4 = buf[p + 4], b5 = buf[p + 5], b6 = buf[p + 6], b7 = buf[p + 7];
  const b8 = buf[p + 8], b9 = buf[p + 9], b10 = buf[p + 10], b11 = buf[p + 11];
  const b12 = buf[p + 12], b13 = buf[p + 13], b14 = buf[p + 14], b15 = buf[p + 15];
  return String.fromCharCode(
    h[b0 >> 4], h[b0 & 15], h[b1 >> 4], h[b1 & 15], h[b2 >> 4], h[b2 & 15], h[b3 >> 4], h[b3 & 15],
    h[b4 >> 4], h[b4 & 15], h[b5 >> 4], h[b5 & 15], h[b6 >> 4], h[b6 & 15], h[b7 >> 4], h[b7 & 15],
    h[b8 >> 4], h[b8 & 15], h[b9 >> 4], h[b9 & 15], h[b10 >> 4], h[b10 & 15], h[b11 >> 4], h[b11 & 15],
    h[b12 >> 4], h[b12 & 15], h[b13 >> 4], h[b13 & 15], h[b14 >> 4], h[b14 & 15], h[b15 >> 4], h[b15 & 15],
  );
}

/** Reads a bytes field (trace id, span id) as lowercase hex. */
export function readHexId(r: WireReader, end: number): string {
  const e = readLength(r, end);
  const buf = r.buf;
  const p = r.pos;
  r.pos = e;
  const len = e - p;
  // Span ids (8 bytes) and trace ids (16 bytes) take the fast path; other lengths are rare.
  if (len === 8) return hex8(buf, p);
  if (len === 16) return hex16(buf, p);
  let out = '';
  for (let i = p; i < e; i++) out += HEX_BYTE[buf[i]];
  return out;
}

/** Reads a bytes field into its own Uint8Array (a copy: the request buffer may be reused). */
export function readBytes(r: WireReader, end: number): Uint8Array {
  const e = readLength(r, end);
  const out = new Uint8Array(e - r.pos);
  out.set(r.buf.subarray(r.pos, e));
  r.pos = e;
  return out;
}
