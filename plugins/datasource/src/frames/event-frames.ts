import { createDataFrame, type DataFrame } from '@grafana/data';
import type { AuditRecord, EntityLogEvent } from '../api';
import { annotationFrame, type AnnotationRow } from './annotation-frame';
import { numberField, stringField, timeField } from './frame-fields';

/** A row of the events table: a log event of an entity, or an action from the audit log. */
export interface EventRow {
  time: number;
  entity: string;
  severity: string;
  severityNumber: number;
  source: 'log' | 'action';
  message: string;
}

// OpenTelemetry's severity numbers: 13–16 WARN, 17–20 ERROR, 21–24 FATAL. Actions rank as INFO (9).
const ACTION_SEVERITY = 9;

const SEVERITY_COLORS: Array<[number, string]> = [
  [21, '#A352CC'],
  [17, '#F2495C'],
  [13, '#FF9830'],
  [0, '#5794F2'],
];

export const severityColor = (n: number) => (SEVERITY_COLORS.find(([from]) => n >= from) ?? SEVERITY_COLORS[3])[1];

export function logEventRows(items: EntityLogEvent[]): EventRow[] {
  return items.map((e) => ({
    time: e.t,
    entity: e.entity,
    severity: e.severityText,
    severityNumber: e.severityNumber,
    source: 'log',
    message: e.message,
  }));
}

/** Audit records as rows: the target is the entity, the message says who did what. */
export function auditRows(items: AuditRecord[]): EventRow[] {
  return items.map((a) => ({
    time: a.t,
    entity: a.target,
    severity: 'ACTION',
    severityNumber: ACTION_SEVERITY,
    source: 'action',
    message: `${a.actor}: ${a.action}`,
  }));
}

/** Newest first, as the collector lists them. */
const newestFirst = (rows: EventRow[]) => [...rows].sort((a, b) => b.time - a.time);

export function eventsTableFrame(rows: EventRow[], refId?: string): DataFrame {
  const sorted = newestFirst(rows);
  return createDataFrame({
    name: 'events',
    refId,
    meta: { preferredVisualisationType: 'table' },
    fields: [
      timeField(
        sorted.map((r) => r.time),
        'time',
        { displayName: 'Time' }
      ),
      stringField(
        'entity',
        sorted.map((r) => r.entity),
        { displayName: 'Entity' }
      ),
      stringField(
        'severity',
        sorted.map((r) => r.severity),
        { displayName: 'Severity' }
      ),
      numberField(
        'severityNumber',
        sorted.map((r) => r.severityNumber),
        { displayName: 'Severity number', custom: { hidden: true } }
      ),
      stringField(
        'source',
        sorted.map((r) => r.source),
        { displayName: 'Source' }
      ),
      stringField(
        'message',
        sorted.map((r) => r.message),
        { displayName: 'Message' }
      ),
    ],
  });
}

export function eventsAnnotationFrame(rows: EventRow[], refId?: string): DataFrame {
  const annotations: AnnotationRow[] = newestFirst(rows).map((r) => ({
    time: r.time,
    title: `${r.severity} ${r.entity}`,
    text: r.message,
    tags: [r.source === 'action' ? 'action' : 'event', r.severity.toLowerCase(), r.entity],
    color: severityColor(r.severityNumber),
  }));
  return annotationFrame('event annotations', annotations, refId);
}
