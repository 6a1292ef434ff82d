/**
 * Attribute maps as both decoders build them, and the nesting bound of AnyValue.
 */
import type { AnyValue, KeyValueList } from '../telemetry';

/**
 * AnyValue arrays and kvlists may nest this deep (a top-level value is level 1); deeper input is
 * rejected so that hostile bodies cannot exhaust the stack.
 */
export const MAX_ANY_VALUE_DEPTH = 32;

export function newAttributes(): KeyValueList {
  return {};
}

/**
 * Stores a key as plain data. Assignment would treat "__proto__" as the prototype setter, so that
 * one key is defined instead. A repeated key keeps its last value, as the contract says.
 */
export function setAttribute(attrs: KeyValueList, key: string, value: AnyValue): void {
  if (key === '__proto__') {
    Object.defineProperty(attrs, key, { value, enumerable: true, writable: true, configurable: true });
  } else {
    attrs[key] = value;
  }
}
