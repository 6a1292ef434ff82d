/**
 * Protobuf encoding of TracesData as an ExportTraceServiceRequest (trace/v1).
 */
import type { ScopeSpans, Span, TracesData } from '../telemetry';
import {
  encodeAttributes,
  encodeResource,
  encodeScope,
  writeEnumField,
  writeFixed32Field,
  writeFixed64Field,
  writeIdField,
  writeStringField,
  writeUint32Field,
} from './proto-encode-common';
import type { WireWriter } from './wire-writer';
import { beginMessage, createWireWriter, endMessage, finish } from './wire-writer';

export function encodeTracesProto(data: TracesData): Uint8Array {
  const w = createWireWriter();
  for (const rs of data.resourceSpans) {
    const mark = beginMessage(w, 1);
    encodeResource(w, 1, rs.resource);
    for (const ss of rs.scopeSpans) encodeScopeSpans(w, ss);
    writeStringField(w, 3, rs.schemaUrl);
    endMessage(w, mark);
  }
  return finish(w);
}

function encodeScopeSpans(w: WireWriter, ss: ScopeSpans): void {
  const mark = beginMessage(w, 2);
  encodeScope(w, 1, ss.scope);
  for (const span of ss.spans) encodeSpan(w, span);
  writeStringField(w, 3, ss.schemaUrl);
  endMessage(w, mark);
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
