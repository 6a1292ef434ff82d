import { DataTopic, FieldType } from '@grafana/data';
import { T0, auditRecords, logEvents } from '../test-support/fixtures';
import { auditRows, eventsAnnotationFrame, eventsTableFrame, logEventRows, severityColor } from './event-frames';

const rows = [...logEventRows(logEvents), ...auditRows(auditRecords.slice(0, 1))];

it('eventsTableFrame lists log events and actions, newest first', () => {
  const frame = eventsTableFrame(rows, 'E');
  expect([frame.name, frame.refId, frame.meta]).toEqual(['events', 'E', { preferredVisualisationType: 'table' }]);
  expect(frame.fields.map((f) => [f.name, f.type, f.config.displayName, f.values])).toEqual([
    ['time', FieldType.time, 'Time', [T0 + 45000, T0 + 30000, T0]],
    ['entity', FieldType.string, 'Entity', ['host:r01-s1', 'service:shop/checkout', 'host:r01-s1']],
    ['severity', FieldType.string, 'Severity', ['ACTION', 'ERROR', 'WARN']],
    ['severityNumber', FieldType.number, 'Severity number', [9, 17, 13]],
    ['source', FieldType.string, 'Source', ['action', 'log', 'log']],
    ['message', FieldType.string, 'Message', ['api: set desired fan.speed', 'payment timed out', 'fan speed low']],
  ]);
  expect(frame.fields[3].config.custom).toEqual({ hidden: true });
});

it('eventsAnnotationFrame makes each row an annotation coloured by severity', () => {
  const frame = eventsAnnotationFrame(rows, 'E');
  expect([frame.name, frame.meta]).toEqual(['event annotations', { dataTopic: DataTopic.Annotations }]);
  expect(frame.fields.map((f) => [f.name, f.values])).toEqual([
    ['time', [T0 + 45000, T0 + 30000, T0]],
    ['title', ['ACTION host:r01-s1', 'ERROR service:shop/checkout', 'WARN host:r01-s1']],
    ['text', ['api: set desired fan.speed', 'payment timed out', 'fan speed low']],
    [
      'tags',
      [
        ['action', 'action', 'host:r01-s1'],
        ['event', 'error', 'service:shop/checkout'],
        ['event', 'warn', 'host:r01-s1'],
      ],
    ],
    ['color', ['#5794F2', '#F2495C', '#FF9830']],
  ]);
});

it.each([
  [24, '#A352CC'],
  [21, '#A352CC'],
  [17, '#F2495C'],
  [13, '#FF9830'],
  [9, '#5794F2'],
])('severity %i is drawn %s', (n, color) => {
  expect(severityColor(n)).toBe(color);
});
