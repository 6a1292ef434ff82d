/**
 * The decode entry points: body bytes in, a DecodeResult out. Nothing thrown inside the codecs
 * (our CodecError or anything unexpected) escapes them.
 */
import type { LogsData, MetricsData, TracesData } from '../telemetry';
import { CodecError } from './codec-error';
import { readLogsJson } from './json-logs';
import { readMetricsJson } from './json-metrics';
import { readTracesJson } from './json-traces';
import { decodeLogsProto } from './proto-logs';
import { decodeMetricsProto } from './proto-metrics';
import { decodeTracesProto } from './proto-traces';
import { createWireReader } from './wire-reader';
import type { WireReader } from './wire-reader';

export type Encoding = 'protobuf' | 'json';

export type DecodeResult<T> = { ok: true; value: T } | { ok: false; error: string };

export function decodeTraces(body: Uint8Array, encoding: Encoding): DecodeResult<TracesData> {
  return decode(body, encoding, decodeTracesProto, readTracesJson);
}

export function decodeMetrics(body: Uint8Array, encoding: Encoding): DecodeResult<MetricsData> {
  return decode(body, encoding, decodeMetricsProto, readMetricsJson);
}

export function decodeLogs(body: Uint8Array, encoding: Encoding): DecodeResult<LogsData> {
  return decode(body, encoding, decodeLogsProto, readLogsJson);
}

function decode<T>(
  body: Uint8Array,
  encoding: Encoding,
  fromProto: (r: WireReader) => T,
  fromJson: (root: unknown) => T,
): DecodeResult<T> {
  try {
    const value = encoding === 'json' ? fromJson(parseJson(body)) : fromProto(createWireReader(body));
    return { ok: true, value };
  } catch (err) {
    if (err instanceof CodecError) return { ok: false, error: err.message };
    // Not expected (a bug or resource exhaustion): still an answer, never an exception.
    return { ok: false, error: `internal decoder error: ${err instanceof Error ? err.message : String(err)}` };
  }
}

const utf8 = new TextDecoder('utf-8');

function parseJson(body: Uint8Array): unknown {
  try {
    return JSON.parse(utf8.decode(body));
  } catch (err) {
    throw new CodecError(`invalid JSON: ${(err as Error).message}`);
  }
}
