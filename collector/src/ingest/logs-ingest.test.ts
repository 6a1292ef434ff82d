import { readFileSync } from 'node:fs';
import { decodeLogs } from '../otlp/codec';
import { createLogsIngest } from './logs-ingest';
import { ms, ns, scope, setupTwin } from './testdata/fixtures';
import type { AnyValue, LogRecord, LogsData } from '../otlp';
import { sharedDataPath } from '../../test/support/shared-data';

function setup() {
  const env = setupTwin((c) => (c.limits.maxEventsPerEntity = 3));
  return { ...env, ingest: createLogsIngest(env.twin, env.config, { clock: env.clock }) };
}

function record(severityNumber: number, severityText: string, body: AnyValue, extra: Partial<LogRecord> = {}): LogRecord {
  return {
    timeUnixNano: ns(100),
    observedTimeUnixNano: 0,
    severityNumber,
    severityText,
    body,
    attributes: {},
    droppedAttributesCount: 0,
    flags: 0,
    traceId: '',
    spanId: '',
    eventName: '',
    ...extra,
  };
}

const logs = (records: LogRecord[], attributes = { 'service.name': 'checkout' }): LogsData => ({
  resourceLogs: [{ resource: { attributes, droppedAttributesCount: 0 }, schemaUrl: '', scopeLogs: [{ scope, logRecords: records, schemaUrl: '' }] }],
});

describe('logs ingest', () => {
  it('counts the OTLP example record as INFO on service:my.service', () => {
    const { ingest, twin } = setup();
    const decoded = decodeLogs(readFileSync(sharedDataPath('otlp-examples', 'logs.json')), 'json');
    if (!decoded.ok) throw new Error(String(decoded.error));
    ingest.consumeLogs(decoded.value);
    expect(twin.getEntity('service:my.service')?.events).toEqual({ countsBySeverity: { INFO: 1 }, latestErrors: [] });
  });

  it('counts the OTLP example event (severity 9) as INFO', () => {
    const { ingest, twin } = setup();
    const decoded = decodeLogs(readFileSync(sharedDataPath('otlp-examples', 'events.json')), 'json');
    if (!decoded.ok) throw new Error(String(decoded.error));
    ingest.consumeLogs(decoded.value);
    expect(twin.getEntity('service:my.service')?.events.countsBySeverity).toEqual({ INFO: 1 });
  });

  it('counts by severity and keeps the latest WARN+ with bodies as text', () => {
    const { ingest, twin } = setup();
    ingest.consumeLogs(
      logs([
        record(5, 'DEBUG', 'noise'),
        record(9, '', 'hello'),
        record(13, 'WARN', { disk: 'sda', free: 0.05 }, { attributes: { 'disk.name': 'sda', tags: ['a'] } }),
        record(0, 'Error', ['a', 1]),
        record(18, '', new Uint8Array([104, 105])),
        record(21, 'FATAL', null, { eventName: 'process.crash', timeUnixNano: 0, observedTimeUnixNano: ns(150) }),
        record(0, 'whatever', 'x'),
      ]),
    );
    const events = twin.getEntity('service:checkout')?.events;
    expect(events?.countsBySeverity).toEqual({ DEBUG: 1, INFO: 1, WARN: 1, ERROR: 2, FATAL: 1, UNSPECIFIED: 1 });
    expect(events?.latestErrors).toEqual([
      { t: ms(150), severityNumber: 21, severityText: 'FATAL', message: 'process.crash', attributes: {} },
      { t: ms(100), severityNumber: 18, severityText: '', message: 'aGk=', attributes: {} },
      { t: ms(100), severityNumber: 0, severityText: 'Error', message: '["a",1]', attributes: {} },
    ]);
    expect(twin.stats().dropped).toEqual({ event_evicted: 1 });
  });

  it('keeps attributes of WARN+ records as entity attribute values', () => {
    const { ingest, twin } = setup();
    ingest.consumeLogs(logs([record(13, 'WARN', { disk: 'sda' }, { attributes: { 'disk.name': 'sda', tags: ['a'], n: null } })]));
    expect(twin.getEntity('service:checkout')?.events.latestErrors).toEqual([
      { t: ms(100), severityNumber: 13, severityText: 'WARN', message: '{"disk":"sda"}', attributes: { 'disk.name': 'sda', tags: '["a"]' } },
    ]);
  });

  it('records log.records.rate by arrival', () => {
    const { ingest, twin, advance } = setup();
    ingest.consumeLogs(logs([record(9, '', 'a')]));
    advance(10_000);
    ingest.consumeLogs(logs([1, 2, 3, 4, 5].map(() => record(9, '', 'b'))));
    expect(twin.getEntity('service:checkout')?.signals).toEqual([
      { name: 'log.records.rate', unit: '{record}/s', kind: 'log', latest: { t: ms(10), v: 0.5 } },
    ]);
  });

  it('counts records of resources without an entity', () => {
    const { ingest, twin } = setup();
    ingest.consumeLogs(logs([record(9, '', 'a'), record(9, '', 'b')], { 'telemetry.sdk.name': 'x' } as never));
    expect(twin.stats().dropped).toEqual({ log_without_entity: 2 });
  });
});
