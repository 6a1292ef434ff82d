/**
 * Export responses (ExportTrace/Metrics/LogsServiceResponse with optional partial_success) and
 * google.rpc.Status, in protobuf and in OTLP/JSON.
 */
import type { ConsumeResult, Signal } from '../telemetry';
import type { Encoding } from './decode';
import { writeStringField } from './proto-encode-common';
import {
  beginMessage,
  createWireWriter,
  endMessage,
  finish,
  writeInt32,
  writeTag,
  writeVarint64Number,
} from './wire-writer';

/** The name of the rejected count in each signal's ExportXPartialSuccess (JSON spelling). */
const REJECTED_KEYS: Record<Signal, string> = {
  traces: 'rejectedSpans',
  metrics: 'rejectedDataPoints',
  logs: 'rejectedLogRecords',
};

/**
 * Encodes the response to an export request. A partial result of (0, "") equals no partial
 * success (OTLP spec), so it is left out like `undefined`.
 */
export function encodeExportResponse(
  signal: Signal,
  partial: ConsumeResult | undefined,
  encoding: Encoding,
): Uint8Array {
  const present = partial !== undefined && (partial.rejected !== 0 || partial.message !== '');
  if (encoding === 'json') {
    if (!present) return Buffer.from('{}');
    const body: Record<string, string> = {};
    if (partial.rejected !== 0) body[REJECTED_KEYS[signal]] = String(partial.rejected); // int64 → string
    if (partial.message !== '') body.errorMessage = partial.message;
    return Buffer.from(JSON.stringify({ partialSuccess: body }));
  }
  const w = createWireWriter(64);
  if (present) {
    const mark = beginMessage(w, 1); // partial_success = 1
    if (partial.rejected !== 0) {
      writeTag(w, 1, 0); // rejected_spans / rejected_data_points / rejected_log_records = 1 (int64)
      writeVarint64Number(w, partial.rejected);
    }
    writeStringField(w, 2, partial.message); // error_message = 2
    endMessage(w, mark);
  }
  return finish(w);
}

/** Encodes google.rpc.Status { int32 code = 1; string message = 2; } (details are not sent). */
export function encodeStatus(code: number, message: string, encoding: Encoding): Uint8Array {
  if (encoding === 'json') return Buffer.from(JSON.stringify({ code, message }));
  const w = createWireWriter(64 + message.length * 3);
  if (code !== 0) {
    writeTag(w, 1, 0);
    writeInt32(w, code);
  }
  writeStringField(w, 2, message);
  return finish(w);
}
