import { decodeMetrics, decodeTraces, encodeMetrics } from './index';
import type { MetricsData } from '../telemetry';

/** A span holding only start_time_unix_nano (fixed64, field 7) with the given little-endian bytes. */
function spanStartTime(le: number[]): Uint8Array {
  const span = [0x39, ...le];
  const scopeSpans = [0x12, span.length, ...span];
  const resourceSpans = [0x12, scopeSpans.length, ...scopeSpans];
  return new Uint8Array([0x0a, resourceSpans.length, ...resourceSpans]);
}

function le64(value: bigint): number[] {
  return Array.from({ length: 8 }, (_, i) => Number((value >> BigInt(8 * i)) & 0xffn));
}

describe('64-bit values', () => {
  it.each([
    ['0', 0n],
    ['2^53 + 1 (rounds to nearest like Number(string))', 2n ** 53n + 1n],
    ['a 2026 timestamp', 1_767_225_600_123_456_789n],
    ['2^64 - 1', 2n ** 64n - 1n],
  ])('decodes fixed64 %s as the nearest double', (_name, value) => {
    const result = decodeTraces(spanStartTime(le64(value)), 'protobuf');
    if (!result.ok) throw new Error(result.error);
    expect(result.value.resourceSpans[0].scopeSpans[0].spans[0].startTimeUnixNano).toBe(Number(value.toString()));
  });

  it('agrees with JSON on timestamps above 2^53, sent as strings or numbers', () => {
    const nanos = '1767225600123456789';
    const json = `{"resourceSpans":[{"scopeSpans":[{"spans":[{"startTimeUnixNano":"${nanos}","endTimeUnixNano":${nanos}}]}]}]}`;
    const result = decodeTraces(Buffer.from(json), 'json');
    if (!result.ok) throw new Error(result.error);
    const span = result.value.resourceSpans[0].scopeSpans[0].spans[0];
    expect(span.startTimeUnixNano).toBe(Number(nanos));
    expect(span.endTimeUnixNano).toBe(Number(nanos));
  });

  it.each([-1, -3, -(2 ** 40), -(2 ** 63), 2 ** 62])('round-trips sfixed64 as_int / int64 values like %d', (value) => {
    const data: MetricsData = {
      resourceMetrics: [
        {
          resource: { attributes: { n: value }, droppedAttributesCount: 0 },
          schemaUrl: '',
          scopeMetrics: [
            {
              scope: { name: '', version: '', attributes: {}, droppedAttributesCount: 0 },
              schemaUrl: '',
              metrics: [
                {
                  name: 'm',
                  description: '',
                  unit: '',
                  metadata: {},
                  data: {
                    type: 'exponentialHistogram',
                    aggregationTemporality: 1,
                    dataPoints: [
                      {
                        attributes: {},
                        startTimeUnixNano: 0,
                        timeUnixNano: 0,
                        flags: 0,
                        count: 0,
                        sum: undefined,
                        scale: -3,
                        zeroCount: 0,
                        positive: { offset: -2, bucketCounts: [0, 2 ** 40] },
                        negative: { offset: 5, bucketCounts: [] },
                        min: undefined,
                        max: undefined,
                        zeroThreshold: 0,
                      },
                    ],
                  },
                },
              ],
            },
          ],
        },
      ],
    };
    expect(decodeMetrics(encodeMetrics(data), 'protobuf')).toEqual({ ok: true, value: data });
  });

  it('accepts unpacked repeated scalars as well as packed ones', () => {
    // HistogramDataPoint: bucket_counts (6) as two fixed64 fields, explicit_bounds (7) as one double
    const point = [0x31, ...le64(1n), 0x31, ...le64(2n), 0x39, 0, 0, 0, 0, 0, 0, 0xf0, 0x3f];
    const histogram = [0x0a, point.length, ...point];
    const metric = [0x4a, histogram.length, ...histogram];
    const scopeMetrics = [0x12, metric.length, ...metric];
    const resourceMetrics = [0x12, scopeMetrics.length, ...scopeMetrics];
    const body = new Uint8Array([0x0a, resourceMetrics.length, ...resourceMetrics]);
    const result = decodeMetrics(body, 'protobuf');
    if (!result.ok) throw new Error(result.error);
    const data = result.value.resourceMetrics[0].scopeMetrics[0].metrics[0].data;
    expect(data?.type === 'histogram' && data.dataPoints[0]).toEqual(
      expect.objectContaining({ bucketCounts: [1, 2], explicitBounds: [1] }),
    );
  });
});
