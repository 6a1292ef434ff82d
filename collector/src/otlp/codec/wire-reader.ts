/**
 * Primitive reads of the protobuf wire format (varint, fixed32/64, length-delimited) over one body.
 *
 * Hot-path rule: no closures and no copies. The reader keeps the message name and the offset of the
 * tag being decoded, so an error can name message, field, wire type and offset without the callers
 * passing context into every read.
 */
import { CodecError } from './codec-error';

export const WIRE_VARINT = 0;
export const WIRE_I64 = 1;
export const WIRE_LEN = 2;
export const WIRE_I32 = 5;

const TWO_32 = 4294967296;

export interface WireReader {
  buf: Buffer;
  pos: number;
  /** Name of the message whose field is being read (for error messages). */
  msg: string;
  /** Offset of the tag of the field being read. */
  tagPos: number;
}

export function createWireReader(body: Uint8Array): WireReader {
  // A Buffer view (no copy) gives us the native utf8 and float readers.
  const buf = Buffer.isBuffer(body) ? body : Buffer.from(body.buffer, body.byteOffset, body.byteLength);
  return { buf, pos: 0, msg: '', tagPos: 0 };
}

/** Throws a CodecError naming the current message, the field being read and its offset. */
export function fail(r: WireReader, problem: string): never {
  const buf = r.buf;
  let p = r.tagPos;
  let tag = 0;
  let shift = 0;
  // Re-read the tag (error path only) to name its field and wire type.
  while (p < buf.length && shift < 35) {
    const b = buf[p++];
    tag += (b & 0x7f) * 2 ** shift;
    shift += 7;
    if (b < 0x80) break;
  }
  const field = Math.floor(tag / 8);
  const where = field > 0 ? `${r.msg} field ${field} (wire type ${tag & 7})` : r.msg;
  throw new CodecError(`invalid protobuf: ${where} at offset ${r.tagPos}: ${problem}`);
}

/** Reads a field tag; `msg` names the message for error reports. */
export function readTag(r: WireReader, end: number, msg: string): number {
  r.msg = msg;
  const p = r.pos;
  r.tagPos = p;
  const b = r.buf[p];
  let tag: number;
  if (b < 0x80) {
    r.pos = p + 1;
    tag = b;
  } else {
    tag = readVarint32(r, end);
  }
  if (tag < 8) fail(r, 'invalid field number 0');
  return tag;
}

/** Reads a varint and returns its low 32 bits as an unsigned number (int32 callers apply `| 0`). */
export function readVarint32(r: WireReader, end: number): number {
  const buf = r.buf;
  let p = r.pos;
  if (p >= end) fail(r, 'truncated varint');
  let b = buf[p++];
  if (b < 0x80) {
    r.pos = p;
    return b;
  }
  let v = b & 0x7f;
  for (let shift = 7; shift < 35; shift += 7) {
    if (p >= end) fail(r, 'truncated varint');
    b = buf[p++];
    v |= (b & 0x7f) << shift;
    if (b < 0x80) {
      r.pos = p;
      return v >>> 0;
    }
  }
  // Bytes 6..10 only carry high bits (negative int32 values are sign-extended to 10 bytes).
  for (let i = 5; i < 10; i++) {
    if (p >= end) fail(r, 'truncated varint');
    if (buf[p++] < 0x80) {
      r.pos = p;
      return v >>> 0;
    }
  }
  fail(r, 'varint longer than 10 bytes');
}

/** Reads a 64-bit varint as [lo, hi] into the scratch pair. */
const pair = { lo: 0, hi: 0 };
function readVarint64(r: WireReader, end: number): void {
  const buf = r.buf;
  let p = r.pos;
  let lo = 0;
  let hi = 0;
  let b = 0;
  for (let shift = 0; shift < 28; shift += 7) {
    if (p >= end) fail(r, 'truncated varint');
    b = buf[p++];
    lo |= (b & 0x7f) << shift;
    if (b < 0x80) return done64(r, p, lo, 0);
  }
  if (p >= end) fail(r, 'truncated varint');
  b = buf[p++];
  lo |= (b & 0x0f) << 28;
  hi = (b & 0x7f) >> 4;
  if (b < 0x80) return done64(r, p, lo, hi);
  for (let shift = 3; shift < 32; shift += 7) {
    if (p >= end) fail(r, 'truncated varint');
    b = buf[p++];
    hi |= (b & 0x7f) << shift;
    if (b < 0x80) return done64(r, p, lo, hi);
  }
  fail(r, 'varint longer than 10 bytes');
}

function done64(r: WireReader, p: number, lo: number, hi: number): void {
  r.pos = p;
  pair.lo = lo >>> 0;
  pair.hi = hi >>> 0;
}

/** Two's complement 64-bit value to the nearest JS number (one rounding, like Number(string)). */
function signed(lo: number, hi: number): number {
  if (hi < 0x80000000) return hi * TWO_32 + lo;
  const nlo = (~lo >>> 0) + 1;
  const nhi = ~hi >>> 0;
  return nlo > 0xffffffff ? -((nhi + 1) * TWO_32) : -(nhi * TWO_32 + nlo);
}

export function readInt64(r: WireReader, end: number): number {
  readVarint64(r, end);
  return signed(pair.lo, pair.hi);
}

export function readUint64(r: WireReader, end: number): number {
  readVarint64(r, end);
  return pair.hi * TWO_32 + pair.lo;
}

export function readSint32(r: WireReader, end: number): number {
  const v = readVarint32(r, end);
  return (v >>> 1) ^ -(v & 1);
}

export function readBool(r: WireReader, end: number): boolean {
  readVarint64(r, end);
  return pair.lo !== 0 || pair.hi !== 0;
}

function need(r: WireReader, end: number, n: number): number {
  const p = r.pos;
  if (end - p < n) fail(r, `truncated ${n === 8 ? 'fixed64' : 'fixed32'} value`);
  r.pos = p + n;
  return p;
}

export function readFixed32(r: WireReader, end: number): number {
  const p = need(r, end, 4);
  const buf = r.buf;
  return (buf[p] | (buf[p + 1] << 8) | (buf[p + 2] << 16) | (buf[p + 3] << 24)) >>> 0;
}

export function readFixed64(r: WireReader, end: number): number {
  const p = need(r, end, 8);
  const buf = r.buf;
  const lo = (buf[p] | (buf[p + 1] << 8) | (buf[p + 2] << 16) | (buf[p + 3] << 24)) >>> 0;
  const hi = (buf[p + 4] | (buf[p + 5] << 8) | (buf[p + 6] << 16) | (buf[p + 7] << 24)) >>> 0;
  return hi * TWO_32 + lo;
}

export function readSfixed64(r: WireReader, end: number): number {
  const p = need(r, end, 8);
  const buf = r.buf;
  const lo = (buf[p] | (buf[p + 1] << 8) | (buf[p + 2] << 16) | (buf[p + 3] << 24)) >>> 0;
  const hi = (buf[p + 4] | (buf[p + 5] << 8) | (buf[p + 6] << 16) | (buf[p + 7] << 24)) >>> 0;
  return signed(lo, hi);
}

export function readDouble(r: WireReader, end: number): number {
  const p = need(r, end, 8);
  return r.buf.readDoubleLE(p);
}

/** Reads a length prefix and checks it against the end of the enclosing message; returns the end. */
export function readLength(r: WireReader, end: number): number {
  const p = r.pos;
  let len: number;
  if (p < end && r.buf[p] < 0x80) {
    len = r.buf[p];
    r.pos = p + 1;
  } else {
    len = readUint64(r, end);
  }
  const left = end - r.pos;
  if (len > left) fail(r, `length ${len} past end of message (${left} byte${left === 1 ? '' : 's'} left)`);
  return r.pos + len;
}
