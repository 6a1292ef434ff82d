/**
 * What a decoder does with a field it has no case for: skip it if the message does not know the
 * field number, reject it if the field is known but arrived with another wire type.
 */
import type { WireReader } from './wire-reader';
import { fail, readLength, readVarint32, WIRE_I32, WIRE_I64, WIRE_LEN, WIRE_VARINT } from './wire-reader';

const WIRE_NAMES = ['varint', 'fixed64', 'length-delimited', 'group start', 'group end', 'fixed32'];

/** Expected wire type per known field number of one message (index = field number). */
export type WireTable = readonly (number | undefined)[];

/** Builds a table from `{ fieldNumber: wireType }`. */
export function wireTable(fields: Record<number, number>): WireTable {
  const table: (number | undefined)[] = [];
  for (const [field, wire] of Object.entries(fields)) table[Number(field)] = wire;
  return table;
}

/** Handles a tag the decoder's switch did not match: wrong wire type on a known field, or unknown. */
export function skipUnknown(r: WireReader, end: number, tag: number, known: WireTable): void {
  const field = tag >>> 3;
  const expected = known[field];
  if (expected !== undefined) {
    fail(r, `wrong wire type, expected ${expected} (${WIRE_NAMES[expected]})`);
  }
  skipField(r, end, tag & 7);
}

/** Skips one field value of the given wire type. */
export function skipField(r: WireReader, end: number, wire: number): void {
  switch (wire) {
    case WIRE_VARINT:
      readVarint32(r, end);
      return;
    case WIRE_I64:
      if (end - r.pos < 8) fail(r, 'truncated fixed64 value');
      r.pos += 8;
      return;
    case WIRE_LEN:
      r.pos = readLength(r, end);
      return;
    case WIRE_I32:
      if (end - r.pos < 4) fail(r, 'truncated fixed32 value');
      r.pos += 4;
      return;
    case 3:
    case 4:
      fail(r, 'groups (wire types 3 and 4) are not supported');
    // falls through: fail never returns
    default:
      fail(r, 'invalid wire type');
  }
}
