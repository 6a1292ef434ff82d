/**
 * Protobuf decoding of ExportTraceServiceRequest (same layout as TracesData) per trace/v1.
 * Case labels are whole tags: field number * 8 + wire type.
 */
import type { ResourceSpans, ScopeSpans, Span, SpanEvent, SpanLink, SpanStatus, TracesData } from '../telemetry';
import { newAttributes } from './attributes';
import { decodeKeyValue, decodeResource, decodeScope, emptyResource, emptyScope } from './proto-common';
import { readHexId, readString } from './wire-bytes';
import type { WireReader } from './wire-reader';
import { readFixed32, readFixed64, readLength, readTag, readVarint32 } from './wire-reader';
import { skipUnknown, wireTable } from './wire-skip';

const REQUEST = wireTable({ 1: 2 });
const CONTAINER = wireTable({ 1: 2, 2: 2, 3: 2 });
const SPAN = wireTable({
  1: 2, 2: 2, 3: 2, 4: 2, 5: 2, 6: 0, 7: 1, 8: 1, 9: 2, 10: 0, 11: 2, 12: 0, 13: 2, 14: 0, 15: 2, 16: 5,
});
const EVENT = wireTable({ 1: 1, 2: 2, 3: 2, 4: 0 });
const LINK = wireTable({ 1: 2, 2: 2, 3: 2, 4: 2, 5: 0, 6: 5 });
const STATUS = wireTable({ 2: 2, 3: 0 });

export function decodeTracesProto(r: WireReader): TracesData {
  const end = r.buf.length;
  const resourceSpans: ResourceSpans[] = [];
  while (r.pos < end) {
    const tag = readTag(r, end, 'ExportTraceServiceRequest');
    if (tag === 10) resourceSpans.push(decodeResourceSpans(r, readLength(r, end)));
    else skipUnknown(r, end, tag, REQUEST);
  }
  return { resourceSpans };
}

function decodeResourceSpans(r: WireReader, end: number): ResourceSpans {
  const out: ResourceSpans = { resource: emptyResource(), scopeSpans: [], schemaUrl: '' };
  while (r.pos < end) {
    const tag = readTag(r, end, 'ResourceSpans');
    if (tag === 10) out.resource = decodeResource(r, readLength(r, end));
    else if (tag === 18) out.scopeSpans.push(decodeScopeSpans(r, readLength(r, end)));
    else if (tag === 26) out.schemaUrl = readString(r, end);
    else skipUnknown(r, end, tag, CONTAINER);
  }
  return out;
}

function decodeScopeSpans(r: WireReader, end: number): ScopeSpans {
  const out: ScopeSpans = { scope: emptyScope(), spans: [], schemaUrl: '' };
  while (r.pos < end) {
    const tag = readTag(r, end, 'ScopeSpans');
    if (tag === 10) out.scope = decodeScope(r, readLength(r, end));
    else if (tag === 18) out.spans.push(decodeSpan(r, readLength(r, end)));
    else if (tag === 26) out.schemaUrl = readString(r, end);
    else skipUnknown(r, end, tag, CONTAINER);
  }
  return out;
}

function decodeSpan(r: WireReader, end: number): Span {
  const span: Span = {
    traceId: '',
    spanId: '',
    traceState: '',
    parentSpanId: '',
    flags: 0,
    name: '',
    kind: 0,
    startTimeUnixNano: 0,
    endTimeUnixNano: 0,
    attributes: newAttributes(),
    droppedAttributesCount: 0,
    events: [],
    droppedEventsCount: 0,
    links: [],
    droppedLinksCount: 0,
    status: { message: '', code: 0 },
  };
  while (r.pos < end) {
    const tag = readTag(r, end, 'Span');
    switch (tag) {
      case 10: // trace_id = 1
        span.traceId = readHexId(r, end);
        break;
      case 18: // span_id = 2
        span.spanId = readHexId(r, end);
        break;
      case 26: // trace_state = 3
        span.traceState = readString(r, end);
        break;
      case 34: // parent_span_id = 4
        span.parentSpanId = readHexId(r, end);
        break;
      case 42: // name = 5
        span.name = readString(r, end);
        break;
      case 48: // kind = 6 (enum: int32)
        span.kind = readVarint32(r, end) | 0;
        break;
      case 57: // start_time_unix_nano = 7
        span.startTimeUnixNano = readFixed64(r, end);
        break;
      case 65: // end_time_unix_nano = 8
        span.endTimeUnixNano = readFixed64(r, end);
        break;
      case 74: // attributes = 9
        decodeKeyValue(r, readLength(r, end), span.attributes, 1);
        break;
      case 80: // dropped_attributes_count = 10
        span.droppedAttributesCount = readVarint32(r, end);
        break;
      case 90: // events = 11
        span.events.push(decodeEvent(r, readLength(r, end)));
        break;
      case 96: // dropped_events_count = 12
        span.droppedEventsCount = readVarint32(r, end);
        break;
      case 106: // links = 13
        span.links.push(decodeLink(r, readLength(r, end)));
        break;
      case 112: // dropped_links_count = 14
        span.droppedLinksCount = readVarint32(r, end);
        break;
      case 122: // status = 15
        span.status = decodeStatus(r, readLength(r, end));
        break;
      case 133: // flags = 16 (fixed32)
        span.flags = readFixed32(r, end);
        break;
      default:
        skipUnknown(r, end, tag, SPAN);
    }
  }
  return span;
}

function decodeEvent(r: WireReader, end: number): SpanEvent {
  const event: SpanEvent = { timeUnixNano: 0, name: '', attributes: newAttributes(), droppedAttributesCount: 0 };
  while (r.pos < end) {
    const tag = readTag(r, end, 'Span.Event');
    if (tag === 9) event.timeUnixNano = readFixed64(r, end);
    else if (tag === 18) event.name = readString(r, end);
    else if (tag === 26) decodeKeyValue(r, readLength(r, end), event.attributes, 1);
    else if (tag === 32) event.droppedAttributesCount = readVarint32(r, end);
    else skipUnknown(r, end, tag, EVENT);
  }
  return event;
}

function decodeLink(r: WireReader, end: number): SpanLink {
  const link: SpanLink = {
    traceId: '',
    spanId: '',
    traceState: '',
    attributes: newAttributes(),
    droppedAttributesCount: 0,
    flags: 0,
  };
  while (r.pos < end) {
    const tag = readTag(r, end, 'Span.Link');
    if (tag === 10) link.traceId = readHexId(r, end);
    else if (tag === 18) link.spanId = readHexId(r, end);
    else if (tag === 26) link.traceState = readString(r, end);
    else if (tag === 34) decodeKeyValue(r, readLength(r, end), link.attributes, 1);
    else if (tag === 40) link.droppedAttributesCount = readVarint32(r, end);
    else if (tag === 53) link.flags = readFixed32(r, end);
    else skipUnknown(r, end, tag, LINK);
  }
  return link;
}

function decodeStatus(r: WireReader, end: number): SpanStatus {
  const status: SpanStatus = { message: '', code: 0 };
  while (r.pos < end) {
    const tag = readTag(r, end, 'Status');
    if (tag === 18) status.message = readString(r, end);
    else if (tag === 24) status.code = readVarint32(r, end) | 0;
    else skipUnknown(r, end, tag, STATUS);
  }
  return status;
}
