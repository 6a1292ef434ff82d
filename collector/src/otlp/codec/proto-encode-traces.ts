/**
 * Protobuf encoding of TracesData as an ExportTraceServiceRequest (trace/v1).
 */
import type { Span, TracesData } from '../telemetry';
import {
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

export function encodeTracesProto(data: TracesData): Uint8Array {
  return encodeEnvelope(data.resourceSpans, (rs) => rs.scopeSpans, (ss) => ss.spans, encodeSpan);
}

function encodeSpan(w: WireWriter, span: Span): void {
  const mark = beginMessage(w, 2);
  writeIdField(w, 1, span.traceId);
  writeIdField(w, 2, span.spanId);
  writeStringField(w, 3, span.traceState);
  writeIdField(w, 4, span.parentSpanId);
  writeStringField(w, 5, span.name);
  writeEnumField(w, 6, span.kind);
  writeFixed64Field(w, 7, span.startTimeUnixNano);
  writeFixed64Field(w, 8, span.endTimeUnixNano);
  encodeAttributes(w, 9, span.attributes);
  writeUint32Field(w, 10, span.droppedAttributesCount);
  for (const event of span.events) {
    const eventMark = beginMessage(w, 11);
    writeFixed64Field(w, 1, event.timeUnixNano);
    writeStringField(w, 2, event.name);
    encodeAttributes(w, 3, event.attributes);
    writeUint32Field(w, 4, event.droppedAttributesCount);
    endMessage(w, eventMark);
  }
  writeUint32Field(w, 12, span.droppedEventsCount);
  for (const link of span.links) {
    const linkMark = beginMessage(w, 13);
    writeIdField(w, 1, link.traceId);
    writeIdField(w, 2, link.spanId);
    writeStringField(w, 3, link.traceState);
    encodeAttributes(w, 4, link.attributes);
    writeUint32Field(w, 5, link.droppedAttributesCount);
    writeFixed32Field(w, 6, link.flags);
    endMessage(w, linkMark);
  }
  writeUint32Field(w, 14, span.droppedLinksCount);
  if (span.status.code !== 0 || span.status.message !== '') {
    const statusMark = beginMessage(w, 15);
    writeStringField(w, 2, span.status.message);
    writeEnumField(w, 3, span.status.code);
    endMessage(w, statusMark);
  }
  writeFixed32Field(w, 16, span.flags);
  endMessage(w, mark);
}
