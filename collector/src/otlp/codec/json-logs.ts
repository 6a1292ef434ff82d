/**
 * OTLP/JSON decoding of ExportLogsServiceRequest into LogsData.
 */
import type { LogRecord, LogsData, ResourceLogs, ScopeLogs } from '../telemetry';
import { readAnyValue, readAttributes, readList, readResource, readScope } from './json-common';
import type { JsonObject } from './json-reader';
import { child, readEnum, readHexId, readInt64, readObject, readString, readUint32 } from './json-reader';

export function readLogsJson(root: unknown): LogsData {
  const obj = readObject(root, '') ?? {};
  return { resourceLogs: readList(obj.resourceLogs, 'resourceLogs', readResourceLogs) };
}

function readResourceLogs(value: unknown, path: string): ResourceLogs {
  const obj = readObject(value, path) as JsonObject;
  return {
    resource: readResource(obj.resource, child(path, 'resource')),
    scopeLogs: readList(obj.scopeLogs, child(path, 'scopeLogs'), readScopeLogs),
    schemaUrl: readString(obj.schemaUrl, child(path, 'schemaUrl')),
  };
}

function readScopeLogs(value: unknown, path: string): ScopeLogs {
  const obj = readObject(value, path) as JsonObject;
  return {
    scope: readScope(obj.scope, child(path, 'scope')),
    logRecords: readList(obj.logRecords, child(path, 'logRecords'), readLogRecord),
    schemaUrl: readString(obj.schemaUrl, child(path, 'schemaUrl')),
  };
}

function readLogRecord(value: unknown, path: string): LogRecord {
  const o = readObject(value, path) as JsonObject;
  return {
    timeUnixNano: readInt64(o.timeUnixNano, child(path, 'timeUnixNano'), true),
    observedTimeUnixNano: readInt64(o.observedTimeUnixNano, child(path, 'observedTimeUnixNano'), true),
    severityNumber: readEnum(o.severityNumber, child(path, 'severityNumber')),
    severityText: readString(o.severityText, child(path, 'severityText')),
    body: readAnyValue(o.body, child(path, 'body'), 1),
    attributes: readAttributes(o.attributes, child(path, 'attributes')),
    droppedAttributesCount: readUint32(o.droppedAttributesCount, child(path, 'droppedAttributesCount')),
    flags: readUint32(o.flags, child(path, 'flags')),
    traceId: readHexId(o.traceId, child(path, 'traceId')),
    spanId: readHexId(o.spanId, child(path, 'spanId')),
    eventName: readString(o.eventName, child(path, 'eventName')),
  };
}
