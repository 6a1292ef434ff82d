/**
 * A growable protobuf writer. A nested message reserves one length byte and shifts its body when
 * the length needs more (rare for OTLP leaves), so encoding stays one pass.
 */
const TWO_32 = 4294967296;

export interface WireWriter {
  buf: Buffer;
  pos: number;
}

export function createWireWriter(initialBytes = 1024): WireWriter {
  return { buf: Buffer.allocUnsafe(initialBytes), pos: 0 };
}

/** The bytes written so far, as their own Uint8Array. */
export function finish(w: WireWriter): Uint8Array {
  const out = new Uint8Array(w.pos);
  out.set(w.buf.subarray(0, w.pos));
  return out;
}

function ensure(w: WireWriter, n: number): void {
  if (w.pos + n <= w.buf.length) return;
  const next = Buffer.allocUnsafe(Math.max(w.buf.length * 2, w.pos + n));
  w.buf.copy(next, 0, 0, w.pos);
  w.buf = next;
}

export function writeTag(w: WireWriter, field: number, wire: number): void {
  writeVarint32(w, field * 8 + wire);
}

/** Writes an unsigned 32-bit varint. */
export function writeVarint32(w: WireWriter, value: number): void {
  ensure(w, 5);
  let v = value >>> 0;
  while (v > 0x7f) {
    w.buf[w.pos++] = (v & 0x7f) | 0x80;
    v >>>= 7;
  }
  w.buf[w.pos++] = v;
}

/** Writes an int32 (negative values take ten bytes, as proto3 requires). */
export function writeInt32(w: WireWriter, value: number): void {
  if (value >= 0) writeVarint32(w, value);
  else writeVarint64(w, value >>> 0, 0xffffffff);
}

export function writeSint32(w: WireWriter, value: number): void {
  writeVarint32(w, ((value << 1) ^ (value >> 31)) >>> 0);
}

function writeVarint64(w: WireWriter, lo: number, hi: number): void {
  ensure(w, 10);
  while (hi > 0 || lo > 0x7f) {
    w.buf[w.pos++] = (lo & 0x7f) | 0x80;
    lo = ((lo >>> 7) | (hi << 25)) >>> 0;
    hi >>>= 7;
  }
  w.buf[w.pos++] = lo;
}

/** Splits an integral number into two's complement 64-bit halves (wrapping outside the range). */
const halves = { lo: 0, hi: 0 };
function split(value: number): void {
  const a = Math.abs(value);
  let hi = Math.floor(a / TWO_32) % TWO_32;
  let lo = a - Math.floor(a / TWO_32) * TWO_32;
  if (value < 0) {
    lo = (~lo + 1) >>> 0;
    hi = (~hi + (lo === 0 ? 1 : 0)) >>> 0;
  }
  halves.lo = lo >>> 0;
  halves.hi = hi >>> 0;
}

/** Writes an int64 or uint64 varint from an integral JS number. */
export function writeVarint64Number(w: WireWriter, value: number): void {
  if (value >= 0 && value <= 0x7fffffff) {
    writeVarint32(w, value);
    return;
  }
  split(value);
  writeVarint64(w, halves.lo, halves.hi);
}

export function writeFixed32(w: WireWriter, value: number): void {
  ensure(w, 4);
  w.buf.writeUInt32LE(value >>> 0, w.pos);
  w.pos += 4;
}

/** Writes fixed64 / sfixed64 from an integral JS number. */
export function writeFixed64(w: WireWriter, value: number): void {
  split(value);
  ensure(w, 8);
  w.buf.writeUInt32LE(halves.lo, w.pos);
  w.buf.writeUInt32LE(halves.hi, w.pos + 4);
  w.pos += 8;
}

export function writeDouble(w: WireWriter, value: number): void {
  ensure(w, 8);
  w.buf.writeDoubleLE(value, w.pos);
  w.pos += 8;
}

export function writeString(w: WireWriter, value: string): void {
  const len = Buffer.byteLength(value, 'utf8');
  writeVarint32(w, len);
  ensure(w, len);
  w.buf.write(value, w.pos, len, 'utf8');
  w.pos += len;
}

export function writeBytes(w: WireWriter, value: Uint8Array): void {
  writeVarint32(w, value.length);
  ensure(w, value.length);
  w.buf.set(value, w.pos);
  w.pos += value.length;
}

/** Writes a hex id as bytes; anything past the first non-hex digit becomes zero bytes. */
export function writeHexId(w: WireWriter, hex: string): void {
  const len = hex.length >>> 1;
  writeVarint32(w, len);
  ensure(w, len);
  const written = w.buf.write(hex, w.pos, len, 'hex');
  w.buf.fill(0, w.pos + written, w.pos + len);
  w.pos += len;
}

/** Starts a length-delimited field; pass the result to `endMessage`. */
export function beginMessage(w: WireWriter, field: number): number {
  writeTag(w, field, 2);
  ensure(w, 1);
  return w.pos++;
}

export function endMessage(w: WireWriter, mark: number): void {
  const len = w.pos - mark - 1;
  if (len < 0x80) {
    w.buf[mark] = len;
    return;
  }
  let extra = 0;
  for (let v = len >>> 7; v > 0; v >>>= 7) extra++;
  ensure(w, extra);
  w.buf.copy(w.buf, mark + 1 + extra, mark + 1, w.pos);
  w.pos += extra;
  let v = len;
  let p = mark;
  while (v > 0x7f) {
    w.buf[p++] = (v & 0x7f) | 0x80;
    v >>>= 7;
  }
  w.buf[p] = v;
}
