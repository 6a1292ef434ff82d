/**
 * Protobuf decoding of common/v1 (AnyValue, KeyValue, InstrumentationScope) and resource/v1.
 * Case labels are whole tags: field number * 8 + wire type.
 */
import type { AnyValue, Attributes, InstrumentationScope, KeyValueList, Resource } from '../telemetry';
import { MAX_ANY_VALUE_DEPTH, newAttributes, setAttribute } from './attributes';
import { readBytes, readString } from './wire-bytes';
import type { WireReader } from './wire-reader';
import { fail, readBool, readDouble, readInt64, readLength, readTag, readVarint32 } from './wire-reader';
import { skipUnknown, wireTable } from './wire-skip';

const ANY_VALUE = wireTable({ 1: 2, 2: 0, 3: 0, 4: 1, 5: 2, 6: 2, 7: 2 });
const LIST = wireTable({ 1: 2 });
const KEY_VALUE = wireTable({ 1: 2, 2: 2 });
const RESOURCE = wireTable({ 1: 2, 2: 0, 3: 2 });
const SCOPE = wireTable({ 1: 2, 2: 2, 3: 2, 4: 0 });

export function decodeAnyValue(r: WireReader, end: number, depth: number): AnyValue {
  if (depth > MAX_ANY_VALUE_DEPTH) fail(r, `AnyValue nested deeper than ${MAX_ANY_VALUE_DEPTH} levels`);
  let value: AnyValue = null;
  while (r.pos < end) {
    const tag = readTag(r, end, 'AnyValue');
    switch (tag) {
      case 10: // string_value = 1
        value = readString(r, end);
        break;
      case 16: // bool_value = 2
        value = readBool(r, end);
        break;
      case 24: // int_value = 3
        value = readInt64(r, end);
        break;
      case 33: // double_value = 4
        value = readDouble(r, end);
        break;
      case 42: // array_value = 5
        value = decodeArrayValue(r, readLength(r, end), depth);
        break;
      case 50: // kvlist_value = 6
        value = decodeKeyValueList(r, readLength(r, end), depth);
        break;
      case 58: // bytes_value = 7
        value = readBytes(r, end);
        break;
      default:
        skipUnknown(r, end, tag, ANY_VALUE);
    }
  }
  return value;
}

function decodeArrayValue(r: WireReader, end: number, depth: number): AnyValue[] {
  const values: AnyValue[] = [];
  while (r.pos < end) {
    const tag = readTag(r, end, 'ArrayValue');
    if (tag === 10) values.push(decodeAnyValue(r, readLength(r, end), depth + 1));
    else skipUnknown(r, end, tag, LIST);
  }
  return values;
}

function decodeKeyValueList(r: WireReader, end: number, depth: number): KeyValueList {
  const values = newAttributes();
  while (r.pos < end) {
    const tag = readTag(r, end, 'KeyValueList');
    if (tag === 10) decodeKeyValue(r, readLength(r, end), values, depth + 1);
    else skipUnknown(r, end, tag, LIST);
  }
  return values;
}

/** Decodes one KeyValue message into `attrs`; `depth` is the level of its value. */
export function decodeKeyValue(r: WireReader, end: number, attrs: Attributes, depth: number): void {
  let key = '';
  let value: AnyValue = null;
  while (r.pos < end) {
    const tag = readTag(r, end, 'KeyValue');
    if (tag === 10) key = readString(r, end);
    else if (tag === 18) value = decodeAnyValue(r, readLength(r, end), depth);
    else skipUnknown(r, end, tag, KEY_VALUE);
  }
  setAttribute(attrs, key, value);
}

export function decodeResource(r: WireReader, end: number): Resource {
  const resource: Resource = { attributes: newAttributes(), droppedAttributesCount: 0 };
  while (r.pos < end) {
    const tag = readTag(r, end, 'Resource');
    if (tag === 10) decodeKeyValue(r, readLength(r, end), resource.attributes, 1);
    else if (tag === 16) resource.droppedAttributesCount = readVarint32(r, end);
    else skipUnknown(r, end, tag, RESOURCE); // entity_refs = 3 is skipped
  }
  return resource;
}

export function emptyResource(): Resource {
  return { attributes: newAttributes(), droppedAttributesCount: 0 };
}

export function emptyScope(): InstrumentationScope {
  return { name: '', version: '', attributes: newAttributes(), droppedAttributesCount: 0 };
}

export function decodeScope(r: WireReader, end: number): InstrumentationScope {
  const scope = emptyScope();
  while (r.pos < end) {
    const tag = readTag(r, end, 'InstrumentationScope');
    switch (tag) {
      case 10: // name = 1
        scope.name = readString(r, end);
        break;
      case 18: // version = 2
        scope.version = readString(r, end);
        break;
      case 26: // attributes = 3
        decodeKeyValue(r, readLength(r, end), scope.attributes, 1);
        break;
      case 32: // dropped_attributes_count = 4
        scope.droppedAttributesCount = readVarint32(r, end);
        break;
      default:
        skipUnknown(r, end, tag, SCOPE);
    }
  }
  return scope;
}
