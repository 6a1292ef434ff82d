/**
 * Protobuf encoding of common/v1 and resource/v1. Default values are omitted, as proto3 does.
 */
import type { AnyValue, Attributes, InstrumentationScope, Resource } from '../telemetry';
import type { WireWriter } from './wire-writer';
import {
  beginMessage,
  createWireWriter,
  endMessage,
  finish,
  writeBytes,
  writeDouble,
  writeFixed32,
  writeFixed64,
  writeHexId,
  writeInt32,
  writeString,
  writeTag,
  writeVarint32,
  writeVarint64Number,
} from './wire-writer';

const INT64_LIMIT = 2 ** 63;

export function encodeAnyValue(w: WireWriter, value: AnyValue): void {
  if (typeof value === 'string') {
    writeTag(w, 1, 2);
    writeString(w, value);
  } else if (typeof value === 'boolean') {
    writeTag(w, 2, 0);
    writeVarint32(w, value ? 1 : 0);
  } else if (typeof value === 'number') {
    // Integers go out as int_value (as the OpenTelemetry JS SDK does); -0 stays a double.
    if (Number.isInteger(value) && value >= -INT64_LIMIT && value < INT64_LIMIT && !Object.is(value, -0)) {
      writeTag(w, 3, 0);
      writeVarint64Number(w, value);
    } else {
      writeTag(w, 4, 1);
      writeDouble(w, value);
    }
  } else if (value instanceof Uint8Array) {
    writeTag(w, 7, 2);
    writeBytes(w, value);
  } else if (Array.isArray(value)) {
    const mark = beginMessage(w, 5);
    for (const item of value) {
      const itemMark = beginMessage(w, 1);
      encodeAnyValue(w, item);
      endMessage(w, itemMark);
    }
    endMessage(w, mark);
  } else if (value !== null && typeof value === 'object') {
    const mark = beginMessage(w, 6);
    encodeAttributes(w, 1, value);
    endMessage(w, mark);
  }
}

/** Writes each attribute as a KeyValue in the given repeated field. */
export function encodeAttributes(w: WireWriter, field: number, attrs: Attributes): void {
  for (const key of Object.keys(attrs)) {
    const mark = beginMessage(w, field);
    if (key !== '') {
      writeTag(w, 1, 2);
      writeString(w, key);
    }
    const valueMark = beginMessage(w, 2);
    encodeAnyValue(w, attrs[key]);
    endMessage(w, valueMark);
    endMessage(w, mark);
  }
}

export function encodeResource(w: WireWriter, field: number, resource: Resource): void {
  const mark = beginMessage(w, field);
  encodeAttributes(w, 1, resource.attributes);
  writeUint32Field(w, 2, resource.droppedAttributesCount);
  endMessage(w, mark);
}

export function encodeScope(w: WireWriter, field: number, scope: InstrumentationScope): void {
  const mark = beginMessage(w, field);
  writeStringField(w, 1, scope.name);
  writeStringField(w, 2, scope.version);
  encodeAttributes(w, 3, scope.attributes);
  writeUint32Field(w, 4, scope.droppedAttributesCount);
  endMessage(w, mark);
}

export function writeStringField(w: WireWriter, field: number, value: string): void {
  if (value === '') return;
  writeTag(w, field, 2);
  writeString(w, value);
}

export function writeUint32Field(w: WireWriter, field: number, value: number): void {
  if (value === 0) return;
  writeTag(w, field, 0);
  writeVarint32(w, value);
}

export function writeIdField(w: WireWriter, field: number, hex: string): void {
  if (hex === '') return;
  writeTag(w, field, 2);
  writeHexId(w, hex);
}

export function writeFixed64Field(w: WireWriter, field: number, value: number): void {
  if (value === 0) return;
  writeTag(w, field, 1);
  writeFixed64(w, value);
}

export function writeFixed32Field(w: WireWriter, field: number, value: number): void {
  if (value === 0) return;
  writeTag(w, field, 5);
  writeFixed32(w, value);
}

export function writeEnumField(w: WireWriter, field: number, value: number): void {
  if (value === 0) return;
  writeTag(w, field, 0);
  writeInt32(w, value);
}

/**
 * The envelope all three signals share: Export*ServiceRequest { repeated Resource* = 1 }, each
 * { resource = 1, repeated Scope* = 2, schema_url = 3 }, each scope { scope = 1, repeated item = 2,
 * schema_url = 3 }. `encodeItem` writes one span, metric or log record as field 2.
 */
export function encodeEnvelope<R extends { resource: Resource; schemaUrl: string }, S extends { scope: InstrumentationScope; schemaUrl: string }, I>(
  resources: readonly R[],
  scopesOf: (resource: R) => readonly S[],
  itemsOf: (scope: S) => readonly I[],
  encodeItem: (w: WireWriter, item: I) => void,
): Uint8Array {
  const w = createWireWriter();
  for (const r of resources) {
    const mark = beginMessage(w, 1);
    encodeResource(w, 1, r.resource);
    for (const s of scopesOf(r)) {
      const scopeMark = beginMessage(w, 2);
      encodeScope(w, 1, s.scope);
      for (const item of itemsOf(s)) encodeItem(w, item);
      writeStringField(w, 3, s.schemaUrl);
      endMessage(w, scopeMark);
    }
    writeStringField(w, 3, r.schemaUrl);
    endMessage(w, mark);
  }
  return finish(w);
}
