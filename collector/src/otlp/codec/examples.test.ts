import fs from 'fs';
import path from 'path';
import { decodeLogs, decodeMetrics, decodeTraces, encodeLogs, encodeMetrics, encodeTraces } from './index';
import type { DecodeResult } from './index';
import { sharedDataPath } from '../../../test/support/shared-data';

// The four OTLP/JSON examples of opentelemetry-proto, read in place from the shared data folder.
const EXAMPLES = sharedDataPath('otlp-examples');
const read = (name: string): Buffer => fs.readFileSync(path.join(EXAMPLES, name));

function ok<T>(result: DecodeResult<T>): T {
  if (!result.ok) throw new Error(result.error);
  return result.value;
}

const T0 = 1544712660300000000;
const resource = { attributes: { 'service.name': 'my.service' }, droppedAttributesCount: 0 };
const scope = {
  name: 'my.library',
  version: '1.0.0',
  attributes: { 'my.scope.attribute': 'some scope attribute' },
  droppedAttributesCount: 0,
};

describe('OTLP/JSON examples of opentelemetry-proto', () => {
  it('decodes trace.json field by field', () => {
    const value = ok(decodeTraces(read('trace.json'), 'json'));
    expect(value).toEqual({
      resourceSpans: [
        {
          resource,
          schemaUrl: '',
          scopeSpans: [
            {
              scope,
              schemaUrl: '',
              spans: [
                {
                  traceId: '5b8efff798038103d269b633813fc60c',
                  spanId: 'eee19b7ec3c1b174',
                  traceState: '',
                  parentSpanId: 'eee19b7ec3c1b173',
                  flags: 0,
                  name: "I'm a server span",
                  kind: 2,
                  startTimeUnixNano: 1544712660000000000,
                  endTimeUnixNano: 1544712661000000000,
                  attributes: { 'my.span.attr': 'some value' },
                  droppedAttributesCount: 0,
                  events: [],
                  droppedEventsCount: 0,
                  links: [],
                  droppedLinksCount: 0,
                  status: { message: '', code: 0 },
                },
              ],
            },
          ],
        },
      ],
    });
    expect(ok(decodeTraces(encodeTraces(value), 'protobuf'))).toEqual(value);
  });

  it('decodes metrics.json field by field', () => {
    const value = ok(decodeMetrics(read('metrics.json'), 'json'));
    const base = { startTimeUnixNano: T0, timeUnixNano: T0, flags: 0 };
    expect(value).toEqual({
      resourceMetrics: [
        {
          resource,
          schemaUrl: '',
          scopeMetrics: [
            {
              scope,
              schemaUrl: '',
              metrics: [
                {
                  name: 'my.counter',
                  unit: '1',
                  description: 'I am a Counter',
                  metadata: {},
                  data: {
                    type: 'sum',
                    aggregationTemporality: 1,
                    isMonotonic: true,
                    dataPoints: [{ ...base, value: 5, attributes: { 'my.counter.attr': 'some value' } }],
                  },
                },
                {
                  name: 'my.gauge',
                  unit: '1',
                  description: 'I am a Gauge',
                  metadata: {},
                  data: {
                    type: 'gauge',
                    dataPoints: [
                      { ...base, startTimeUnixNano: 0, value: 10, attributes: { 'my.gauge.attr': 'some value' } },
                    ],
                  },
                },
                {
                  name: 'my.histogram',
                  unit: '1',
                  description: 'I am a Histogram',
                  metadata: {},
                  data: {
                    type: 'histogram',
                    aggregationTemporality: 1,
                    dataPoints: [
                      {
                        ...base,
                        count: 2,
                        sum: 2,
                        bucketCounts: [1, 1],
                        explicitBounds: [1],
                        min: 0,
                        max: 2,
                        attributes: { 'my.histogram.attr': 'some value' },
                      },
                    ],
                  },
                },
                {
                  name: 'my.exponential.histogram',
                  unit: '1',
                  description: 'I am an Exponential Histogram',
                  metadata: {},
                  data: {
                    type: 'exponentialHistogram',
                    aggregationTemporality: 1,
                    dataPoints: [
                      {
                        ...base,
                        count: 3,
                        sum: 10,
                        scale: 0,
                        zeroCount: 1,
                        positive: { offset: 1, bucketCounts: [0, 2] },
                        negative: { offset: 0, bucketCounts: [] },
                        min: 0,
                        max: 5,
                        zeroThreshold: 0,
                        attributes: { 'my.exponential.histogram.attr': 'some value' },
                      },
                    ],
                  },
                },
              ],
            },
          ],
        },
      ],
    });
    expect(ok(decodeMetrics(encodeMetrics(value), 'protobuf'))).toEqual(value);
  });

  it('decodes logs.json field by field, with every AnyValue type', () => {
    const value = ok(decodeLogs(read('logs.json'), 'json'));
    expect(value).toEqual({
      resourceLogs: [
        {
          resource,
          schemaUrl: '',
          scopeLogs: [
            {
              scope,
              schemaUrl: '',
              logRecords: [
                {
                  timeUnixNano: T0,
                  observedTimeUnixNano: T0,
                  severityNumber: 10,
                  severityText: 'Information',
                  traceId: '5b8efff798038103d269b633813fc60c',
                  spanId: 'eee19b7ec3c1b174',
                  body: 'Example log record',
                  attributes: {
                    'string.attribute': 'some string',
                    'boolean.attribute': true,
                    'int.attribute': 10,
                    'double.attribute': 637.704,
                    'array.attribute': ['many', 'values'],
                    'map.attribute': { 'some.map.key': 'some value' },
                  },
                  droppedAttributesCount: 0,
                  flags: 0,
                  eventName: '',
                },
              ],
            },
          ],
        },
      ],
    });
    expect(ok(decodeLogs(encodeLogs(value), 'protobuf'))).toEqual(value);
  });

  it('decodes events.json field by field', () => {
    const value = ok(decodeLogs(read('events.json'), 'json'));
    expect(value).toEqual({
      resourceLogs: [
        {
          resource,
          schemaUrl: '',
          scopeLogs: [
            {
              scope,
              schemaUrl: '',
              logRecords: [
                {
                  eventName: 'browser.page_view',
                  timeUnixNano: T0,
                  observedTimeUnixNano: T0,
                  severityNumber: 9,
                  severityText: 'test severity text',
                  attributes: { 'event.attribute': 'some event attribute' },
                  body: {
                    type: 0,
                    url: 'https://www.guidgenerator.com/online-guid-generator.aspx',
                    referrer: 'https://wwww.google.com',
                    title: 'Free Online GUID Generator',
                  },
                  droppedAttributesCount: 0,
                  flags: 0,
                  traceId: '',
                  spanId: '',
                },
              ],
            },
          ],
        },
      ],
    });
    expect(ok(decodeLogs(encodeLogs(value), 'protobuf'))).toEqual(value);
  });
});
