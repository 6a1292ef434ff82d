/**
 * Structural checks of OTLP/JSON values (OTLP spec, "JSON Protobuf Encoding"). Each reader takes
 * the value and its JSON path, returns the typed value or the field's default for absent/null,
 * and throws a CodecError naming the path otherwise.
 */
import { CodecError } from './codec-error';

export type JsonObject = Record<string, unknown>;

const DECIMAL = /^-?[0-9]+$/;
const NUMBER = /^-?(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][-+]?[0-9]+)?$/;
const HEX = /^(?:[0-9a-fA-F]{2})*$/;
const BASE64 = /^[A-Za-z0-9+/_-]*={0,2}$/;

export function jsonFail(path: string, problem: string): never {
  throw new CodecError(`${path === '' ? '(root)' : path}: ${problem}`);
}

/** How a wrong value is shown in an error: short, and never the whole input. */
export function describe(value: unknown): string {
  if (typeof value === 'string') {
    return JSON.stringify(value.length > 64 ? `${value.slice(0, 64)}…` : value);
  }
  if (Array.isArray(value)) return 'an array';
  if (value !== null && typeof value === 'object') return 'an object';
  return String(value);
}

export function child(path: string, key: string): string {
  return path === '' ? key : `${path}.${key}`;
}

export function readObject(value: unknown, path: string): JsonObject | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'object' || Array.isArray(value)) jsonFail(path, `expected an object, got ${describe(value)}`);
  return value as JsonObject;
}

export function readArray(value: unknown, path: string): unknown[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) jsonFail(path, `expected an array, got ${describe(value)}`);
  return value;
}

export function readString(value: unknown, path: string): string {
  if (value === undefined || value === null) return '';
  if (typeof value !== 'string') jsonFail(path, `expected a string, got ${describe(value)}`);
  return value;
}

export function readBool(value: unknown, path: string): boolean {
  if (value === undefined || value === null) return false;
  if (typeof value !== 'boolean') jsonFail(path, `expected a boolean, got ${describe(value)}`);
  return value;
}

/** int64 and uint64 arrive as decimal strings or JSON numbers; both round to the nearest double. */
export function readInt64(value: unknown, path: string, unsigned: boolean): number {
  if (value === undefined || value === null) return 0;
  let n: number;
  if (typeof value === 'number' && Number.isInteger(value)) n = value;
  else if (typeof value === 'string' && DECIMAL.test(value)) n = Number(value);
  else jsonFail(path, `expected an integer or a decimal string, got ${describe(value)}`);
  if (unsigned && n < 0) jsonFail(path, `expected a non-negative integer, got ${describe(value)}`);
  return n;
}

export function readUint32(value: unknown, path: string): number {
  const n = readInt64(value, path, true);
  if (n > 0xffffffff) jsonFail(path, `expected an integer in 0..4294967295, got ${describe(value)}`);
  return n;
}

export function readInt32(value: unknown, path: string): number {
  const n = readInt64(value, path, false);
  if (n < -0x80000000 || n > 0x7fffffff) {
    jsonFail(path, `expected an integer in -2147483648..2147483647, got ${describe(value)}`);
  }
  return n;
}

/** Enums are integers only (OTLP/JSON forbids enum names). */
export function readEnum(value: unknown, path: string): number {
  if (value === undefined || value === null) return 0;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < -0x80000000 || value > 0x7fffffff) {
    jsonFail(path, `expected an integer enum value, got ${describe(value)}`);
  }
  return value;
}

/** Doubles: JSON numbers, "NaN", "Infinity", "-Infinity", or a number in a string (proto3 JSON). */
export function readOptionalDouble(value: unknown, path: string): number | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'number') return value;
  if (typeof value === 'string') {
    if (value === 'NaN') return NaN;
    if (value === 'Infinity') return Infinity;
    if (value === '-Infinity') return -Infinity;
    if (NUMBER.test(value)) return Number(value);
  }
  jsonFail(path, `expected a number, got ${describe(value)}`);
}

export function readDouble(value: unknown, path: string): number {
  return readOptionalDouble(value, path) ?? 0;
}

/** Trace and span ids are hex (case-insensitive) in OTLP/JSON, not base64; output is lowercase. */
export function readHexId(value: unknown, path: string): string {
  if (value === undefined || value === null) return '';
  if (typeof value !== 'string' || !HEX.test(value)) {
    jsonFail(path, `expected a hex string of even length, got ${describe(value)}`);
  }
  return value.toLowerCase();
}

/** bytesValue: standard or URL-safe base64, padding optional. */
export function readBase64(value: unknown, path: string): Uint8Array {
  if (typeof value !== 'string' || !BASE64.test(value) || value.replace(/=+$/, '').length % 4 === 1) {
    jsonFail(path, `expected a base64 string, got ${describe(value)}`);
  }
  return new Uint8Array(Buffer.from(value, 'base64'));
}

/** The parsed body: must be an object. */
export function readRoot(value: unknown): JsonObject {
  const obj = readObject(value, '');
  if (obj === undefined) jsonFail('', 'expected an object, got null');
  return obj;
}
