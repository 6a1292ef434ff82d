/**
 * OTLP/JSON decoding of ExportTraceServiceRequest into TracesData.
 */
import type { ResourceSpans, ScopeSpans, Span, SpanEvent, SpanLink, SpanStatus, TracesData } from '../telemetry';
import { readAttributes, readList, readResource, readScope } from './json-common';
import type { JsonObject } from './json-reader';
import { child, readEnum, readHexId, readInt64, readObject, readString, readUint32 } from './json-reader';

export function readTracesJson(root: unknown): TracesData {
  const obj = readObject(root, '') ?? {};
  return { resourceSpans: readList(obj.resourceSpans, 'resourceSpans', readResourceSpans) };
}

function readResourceSpans(value: unknown, path: string): ResourceSpans {
  const obj = readObject(value, path) as JsonObject;
  return {
    resource: readResource(obj.resource, child(path, 'resource')),
    scopeSpans: readList(obj.scopeSpans, child(path, 'scopeSpans'), readScopeSpans),
    schemaUrl: readString(obj.schemaUrl, child(path, 'schemaUrl')),
  };
}

function readScopeSpans(value: unknown, path: string): ScopeSpans {
  const obj = readObject(value, path) as JsonObject;
  return {
    scope: readScope(obj.scope, child(path, 'scope')),
    spans: readList(obj.spans, child(path, 'spans'), readSpan),
    schemaUrl: readString(obj.schemaUrl, child(path, 'schemaUrl')),
  };
}

function readSpan(value: unknown, path: string): Span {
  const o = readObject(value, path) as JsonObject;
  return {
    traceId: readHexId(o.traceId, child(path, 'traceId')),
    spanId: readHexId(o.spanId, child(path, 'spanId')),
    traceState: readString(o.traceState, child(path, 'traceState')),
    parentSpanId: readHexId(o.parentSpanId, child(path, 'parentSpanId')),
    flags: readUint32(o.flags, child(path, 'flags')),
    name: readString(o.name, child(path, 'name')),
    kind: readEnum(o.kind, child(path, 'kind')),
    startTimeUnixNano: readInt64(o.startTimeUnixNano, child(path, 'startTimeUnixNano'), true),
    endTimeUnixNano: readInt64(o.endTimeUnixNano, child(path, 'endTimeUnixNano'), true),
    attributes: readAttributes(o.attributes, child(path, 'attributes')),
    droppedAttributesCount: readUint32(o.droppedAttributesCount, child(path, 'droppedAttributesCount')),
    events: readList(o.events, child(path, 'events'), readEvent),
    droppedEventsCount: readUint32(o.droppedEventsCount, child(path, 'droppedEventsCount')),
    links: readList(o.links, child(path, 'links'), readLink),
    droppedLinksCount: readUint32(o.droppedLinksCount, child(path, 'droppedLinksCount')),
    status: readStatus(o.status, child(path, 'status')),
  };
}

function readEvent(value: unknown, path: string): SpanEvent {
  const o = readObject(value, path) as JsonObject;
  return {
    timeUnixNano: readInt64(o.timeUnixNano, child(path, 'timeUnixNano'), true),
    name: readString(o.name, child(path, 'name')),
    attributes: readAttributes(o.attributes, child(path, 'attributes')),
    droppedAttributesCount: readUint32(o.droppedAttributesCount, child(path, 'droppedAttributesCount')),
  };
}

function readLink(value: unknown, path: string): SpanLink {
  const o = readObject(value, path) as JsonObject;
  return {
    traceId: readHexId(o.traceId, child(path, 'traceId')),
    spanId: readHexId(o.spanId, child(path, 'spanId')),
    traceState: readString(o.traceState, child(path, 'traceState')),
    attributes: readAttributes(o.attributes, child(path, 'attributes')),
    droppedAttributesCount: readUint32(o.droppedAttributesCount, child(path, 'droppedAttributesCount')),
    flags: readUint32(o.flags, child(path, 'flags')),
  };
}

function readStatus(value: unknown, path: string): SpanStatus {
  const o = readObject(value, path);
  return {
    message: readString(o?.message, child(path, 'message')),
    code: readEnum(o?.code, child(path, 'code')),
  };
}
