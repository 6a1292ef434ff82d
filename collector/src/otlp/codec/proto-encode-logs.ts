/**
 * Protobuf encoding of LogsData as an ExportLogsServiceRequest (logs/v1).
 */
import type { LogRecord, LogsData } from '../telemetry';
import {
  encodeAnyValue,
  encodeAttributes,
  encodeEnvelope,
  writeEnumField,
  writeFixed32Field,
  writeFixed64Field,
  writeIdField,
  writeStringField,
  writeUint32Field,
} from './proto-encode-common';
import type { WireWriter } from './wire-writer';
import { beginMessage, endMessage } from './wire-writer';

export function encodeLogsProto(data: LogsData): Uint8Array {
  return encodeEnvelope(data.resourceLogs, (rl) => rl.scopeLogs, (sl) => sl.logRecords, encodeLogRecord);
}

function encodeLogRecord(w: WireWriter, record: LogRecord): void {
  const mark = beginMessage(w, 2);
  writeFixed64Field(w, 1, record.timeUnixNano);
  writeEnumField(w, 2, record.severityNumber);
  writeStringField(w, 3, record.severityText);
  if (record.body !== null) {
    const bodyMark = beginMessage(w, 5);
    encodeAnyValue(w, record.body);
    endMessage(w, bodyMark);
  }
  encodeAttributes(w, 6, record.attributes);
  writeUint32Field(w, 7, record.droppedAttributesCount);
  writeFixed32Field(w, 8, record.flags);
  writeIdField(w, 9, record.traceId);
  writeIdField(w, 10, record.spanId);
  writeFixed64Field(w, 11, record.observedTimeUnixNano);
  writeStringField(w, 12, record.eventName);
  endMessage(w, mark);
}
