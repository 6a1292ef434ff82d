/**
 * OTLP/JSON decoding of common/v1 (AnyValue, KeyValue lists, InstrumentationScope) and resource/v1.
 */
import type { AnyValue, Attributes, InstrumentationScope, KeyValueList, Resource } from '../telemetry';
import { MAX_ANY_VALUE_DEPTH, newAttributes, setAttribute } from './attributes';
import {
  child,
  jsonFail,
  readArray,
  readBase64,
  readBool,
  readDouble,
  readInt64,
  readObject,
  readString,
  readUint32,
} from './json-reader';

/** Decodes an AnyValue object; `depth` is its nesting level (a top-level value is level 1). */
export function readAnyValue(value: unknown, path: string, depth: number): AnyValue {
  if (depth > MAX_ANY_VALUE_DEPTH) jsonFail(path, `AnyValue nested deeper than ${MAX_ANY_VALUE_DEPTH} levels`);
  const obj = readObject(value, path);
  if (obj === undefined) return null;
  // A set oneof member wins; null members count as unset, like absent ones.
  if (obj.stringValue != null) return readString(obj.stringValue, child(path, 'stringValue'));
  if (obj.boolValue != null) return readBool(obj.boolValue, child(path, 'boolValue'));
  if (obj.intValue != null) return readInt64(obj.intValue, child(path, 'intValue'), false);
  if (obj.doubleValue != null) return readDouble(obj.doubleValue, child(path, 'doubleValue'));
  if (obj.arrayValue != null) return readArrayValue(obj.arrayValue, child(path, 'arrayValue'), depth);
  if (obj.kvlistValue != null) return readKeyValueList(obj.kvlistValue, child(path, 'kvlistValue'), depth);
  if (obj.bytesValue != null) return readBase64(obj.bytesValue, child(path, 'bytesValue'));
  return null;
}

function readArrayValue(value: unknown, path: string, depth: number): AnyValue[] {
  const obj = readObject(value, path);
  const valuesPath = child(path, 'values');
  const items = readArray(obj?.values, valuesPath);
  const out: AnyValue[] = new Array(items.length);
  for (let i = 0; i < items.length; i++) out[i] = readAnyValue(items[i], `${valuesPath}[${i}]`, depth + 1);
  return out;
}

function readKeyValueList(value: unknown, path: string, depth: number): KeyValueList {
  const obj = readObject(value, path);
  return readKeyValues(obj?.values, child(path, 'values'), depth + 1);
}

/** Decodes a `repeated KeyValue` array into a map; `depth` is the level of the values. */
export function readKeyValues(value: unknown, path: string, depth: number): Attributes {
  const attrs = newAttributes();
  const items = readArray(value, path);
  for (let i = 0; i < items.length; i++) {
    const itemPath = `${path}[${i}]`;
    const kv = readObject(items[i], itemPath);
    if (kv === undefined) jsonFail(itemPath, 'expected an object, got null');
    const key = readString(kv.key, child(itemPath, 'key'));
    setAttribute(attrs, key, readAnyValue(kv.value, child(itemPath, 'value'), depth));
  }
  return attrs;
}

export function readAttributes(value: unknown, path: string): Attributes {
  return readKeyValues(value, path, 1);
}

export function readResource(value: unknown, path: string): Resource {
  const obj = readObject(value, path);
  return {
    attributes: readAttributes(obj?.attributes, child(path, 'attributes')),
    droppedAttributesCount: readUint32(obj?.droppedAttributesCount, child(path, 'droppedAttributesCount')),
  };
}

export function readScope(value: unknown, path: string): InstrumentationScope {
  const obj = readObject(value, path);
  return {
    name: readString(obj?.name, child(path, 'name')),
    version: readString(obj?.version, child(path, 'version')),
    attributes: readAttributes(obj?.attributes, child(path, 'attributes')),
    droppedAttributesCount: readUint32(obj?.droppedAttributesCount, child(path, 'droppedAttributesCount')),
  };
}

/** Reads a list of objects with `read`, giving each element its indexed path. */
export function readList<T>(value: unknown, path: string, read: (item: unknown, itemPath: string) => T): T[] {
  const items = readArray(value, path);
  const out: T[] = new Array(items.length);
  for (let i = 0; i < items.length; i++) {
    const itemPath = `${path}[${i}]`;
    if (items[i] === null) jsonFail(itemPath, 'expected an object, got null');
    out[i] = read(items[i], itemPath);
  }
  return out;
}
