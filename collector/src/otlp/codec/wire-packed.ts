/**
 * Repeated scalars, packed (one length-delimited run) or not (one tag per value); decoders accept
 * both, as proto3 parsers must.
 */
import type { WireReader } from './wire-reader';
import { fail, readDouble, readFixed64, readLength, readUint64 } from './wire-reader';

/** Appends a packed run of fixed64 values (wire type 2). */
export function readPackedFixed64(r: WireReader, end: number, out: number[]): void {
  const e = readLength(r, end);
  if ((e - r.pos) % 8 !== 0) fail(r, `packed fixed64 run of ${e - r.pos} bytes is not a multiple of 8`);
  while (r.pos < e) out.push(readFixed64(r, e));
}

/** Appends a packed run of doubles (wire type 2). */
export function readPackedDouble(r: WireReader, end: number, out: number[]): void {
  const e = readLength(r, end);
  if ((e - r.pos) % 8 !== 0) fail(r, `packed double run of ${e - r.pos} bytes is not a multiple of 8`);
  while (r.pos < e) out.push(readDouble(r, e));
}

/** Appends a packed run of uint64 varints (wire type 2). */
export function readPackedUint64(r: WireReader, end: number, out: number[]): void {
  const e = readLength(r, end);
  while (r.pos < e) out.push(readUint64(r, e));
}
