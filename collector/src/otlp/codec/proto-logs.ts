/**
 * Protobuf decoding of ExportLogsServiceRequest (same layout as LogsData) per logs/v1.
 * Case labels are whole tags: field number * 8 + wire type.
 */
import type { LogRecord, LogsData, ResourceLogs, ScopeLogs } from '../telemetry';
import { newAttributes } from './attributes';
import { decodeAnyValue, decodeKeyValue, decodeResource, decodeScope, emptyResource, emptyScope } from './proto-common';
import { readHexId, readString } from './wire-bytes';
import type { WireReader } from './wire-reader';
import { readFixed32, readFixed64, readLength, readTag, readVarint32 } from './wire-reader';
import { skipUnknown, wireTable } from './wire-skip';

const REQUEST = wireTable({ 1: 2 });
const CONTAINER = wireTable({ 1: 2, 2: 2, 3: 2 });
const LOG_RECORD = wireTable({ 1: 1, 2: 0, 3: 2, 5: 2, 6: 2, 7: 0, 8: 5, 9: 2, 10: 2, 11: 1, 12: 2 });

export function decodeLogsProto(r: WireReader): LogsData {
  const end = r.buf.length;
  const resourceLogs: ResourceLogs[] = [];
  while (r.pos < end) {
    const tag = readTag(r, end, 'ExportLogsServiceRequest');
    if (tag === 10) resourceLogs.push(decodeResourceLogs(r, readLength(r, end)));
    else skipUnknown(r, end, tag, REQUEST);
  }
  return { resourceLogs };
}

function decodeResourceLogs(r: WireReader, end: number): ResourceLogs {
  const out: ResourceLogs = { resource: emptyResource(), scopeLogs: [], schemaUrl: '' };
  while (r.pos < end) {
    const tag = readTag(r, end, 'ResourceLogs');
    if (tag === 10) out.resource = decodeResource(r, readLength(r, end));
    else if (tag === 18) out.scopeLogs.push(decodeScopeLogs(r, readLength(r, end)));
    else if (tag === 26) out.schemaUrl = readString(r, end);
    else skipUnknown(r, end, tag, CONTAINER);
  }
  return out;
}

function decodeScopeLogs(r: WireReader, end: number): ScopeLogs {
  const out: ScopeLogs = { scope: emptyScope(), logRecords: [], schemaUrl: '' };
  while (r.pos < end) {
    const tag = readTag(r, end, 'ScopeLogs');
    if (tag === 10) out.scope = decodeScope(r, readLength(r, end));
    else if (tag === 18) out.logRecords.push(decodeLogRecord(r, readLength(r, end)));
    else if (tag === 26) out.schemaUrl = readString(r, end);
    else skipUnknown(r, end, tag, CONTAINER);
  }
  return out;
}

function decodeLogRecord(r: WireReader, end: number): LogRecord {
  const record: LogRecord = {
    timeUnixNano: 0,
    observedTimeUnixNano: 0,
    severityNumber: 0,
    severityText: '',
    body: null,
    attributes: newAttributes(),
    droppedAttributesCount: 0,
    flags: 0,
    traceId: '',
    spanId: '',
    eventName: '',
  };
  while (r.pos < end) {
    const tag = readTag(r, end, 'LogRecord');
    switch (tag) {
      case 9: // time_unix_nano = 1
        record.timeUnixNano = readFixed64(r, end);
        break;
      case 16: // severity_number = 2 (enum: int32)
        record.severityNumber = readVarint32(r, end) | 0;
        break;
      case 26: // severity_text = 3
        record.severityText = readString(r, end);
        break;
      case 42: // body = 5
        record.body = decodeAnyValue(r, readLength(r, end), 1);
        break;
      case 50: // attributes = 6
        decodeKeyValue(r, readLength(r, end), record.attributes, 1);
        break;
      case 56: // dropped_attributes_count = 7
        record.droppedAttributesCount = readVarint32(r, end);
        break;
      case 69: // flags = 8 (fixed32)
        record.flags = readFixed32(r, end);
        break;
      case 74: // trace_id = 9
        record.traceId = readHexId(r, end);
        break;
      case 82: // span_id = 10
        record.spanId = readHexId(r, end);
        break;
      case 89: // observed_time_unix_nano = 11
        record.observedTimeUnixNano = readFixed64(r, end);
        break;
      case 98: // event_name = 12
        record.eventName = readString(r, end);
        break;
      default:
        skipUnknown(r, end, tag, LOG_RECORD);
    }
  }
  return record;
}
