import { AggregationTemporality, DataPointType, MeterProvider } from '@opentelemetry/sdk-metrics';
import type { Attributes } from '@opentelemetry/api';
import type { Histogram, HistogramMetricData } from '@opentelemetry/sdk-metrics';
import { ManualMetricReader } from './manual-metric-reader';
import { DURATION_BUCKETS_SECONDS, bucketIndex, createWeightedHistogram, millisToHrTime } from './weighted-histogram';

const spec = { name: 'http.server.request.duration', description: 'Duration of HTTP server requests' };
type Record3 = [number, number, Attributes];

/** The former path: the SDK's histogram, one `record` per request. */
function sdkReference() {
  const reader = new ManualMetricReader();
  const provider = new MeterProvider({ readers: [reader] });
  const h = provider.getMeter('twinops-demo').createHistogram(spec.name, { unit: 's', description: spec.description, advice: { explicitBucketBoundaries: [...DURATION_BUCKETS_SECONDS] } });
  return {
    record(steps: Record3[]) {
      for (const [value, count, attributes] of steps) for (let n = 0; n < count; n++) h.record(value, attributes);
    },
    async collect(): Promise<HistogramMetricData> {
      const { resourceMetrics } = await reader.collect();
      return resourceMetrics.scopeMetrics[0].metrics[0] as HistogramMetricData;
    },
    shutdown: () => provider.shutdown(),
  };
}

const byStatus = (code: number) => ({ 'http.route': '/cart', 'http.response.status_code': code });
// Values on, just under and just over boundaries, below the first and above the last.
const firstStep: Record3[] = [[0.005, 3, byStatus(200)], [0.0051, 2, byStatus(200)], [0.1, 7, byStatus(200)], [0.003, 1, byStatus(200)], [1, 4, byStatus(503)], [12, 2, byStatus(503)]];
// A later step: more of a known series, and a series that first appears now.
const secondStep: Record3[] = [[0.26, 5, byStatus(200)], [0.1, 1, byStatus(200)], [0.75, 3, byStatus(500)]];

const valueOf = (m: HistogramMetricData, code: number) => m.dataPoints.find((p) => p.attributes['http.response.status_code'] === code)!.value;

describe('createWeightedHistogram', () => {
  it('exports what one SDK record per request exports, step after step (cumulative): same buckets, count, min, max and sum', async () => {
    const reference = sdkReference();
    const weighted = createWeightedHistogram(spec, 1_000);
    const expected: HistogramMetricData[] = [];
    const actual: HistogramMetricData[] = [];
    for (const [i, step] of [firstStep, secondStep].entries()) {
      reference.record(step);
      for (const [value, count, attributes] of step) weighted.record(value, count, attributes);
      expected.push(await reference.collect());
      actual.push(weighted.collect(2_000 + i * 1_000)!);
    }
    await reference.shutdown();

    for (const [i, want] of expected.entries()) {
      const got = actual[i];
      expect(got.descriptor).toEqual(want.descriptor);
      expect([got.dataPointType, got.aggregationTemporality]).toEqual([DataPointType.HISTOGRAM, AggregationTemporality.CUMULATIVE]);
      expect([want.dataPointType, want.aggregationTemporality]).toEqual([DataPointType.HISTOGRAM, AggregationTemporality.CUMULATIVE]);
      expect(got.dataPoints.map((p) => p.attributes)).toEqual(want.dataPoints.map((p) => p.attributes));
      for (const [k, point] of want.dataPoints.entries()) {
        const { sum, ...rest } = point.value;
        const { sum: gotSum, ...gotRest } = got.dataPoints[k].value;
        expect(gotRest).toEqual(rest);
        expect(gotSum).toBeCloseTo(sum!, 12);
      }
    }
    // The exact figures, so the comparison above cannot pass on two equal mistakes.
    const ok: Histogram = valueOf(actual[1], 200);
    expect(ok.buckets.counts).toEqual([4, 2, 0, 0, 0, 8, 0, 5, 0, 0, 0, 0, 0, 0, 0]);
    expect([ok.count, ok.min, ok.max]).toEqual([19, 0.003, 0.26]);
    expect(ok.sum).toBeCloseTo(3 * 0.005 + 2 * 0.0051 + 8 * 0.1 + 0.003 + 5 * 0.26, 12);
    const failed: Histogram = valueOf(actual[1], 503);
    expect(failed.buckets.counts).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 0, 4, 0, 0, 0, 0, 2]);
    expect([failed.count, failed.sum, failed.min, failed.max]).toEqual([6, 28, 1, 12]);
    expect(valueOf(actual[1], 500).buckets.counts).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 3, 0, 0, 0, 0, 0, 0]);
  });

  it('starts a series at the previous collection (at creation before the first), keeps that start, and ends it at the collection', () => {
    const h = createWeightedHistogram(spec, 5_250);
    h.record(0.1, 2, byStatus(200));
    expect(h.collect(6_000)!.dataPoints.map((p) => [p.startTime, p.endTime])).toEqual([[[5, 250_000_000], [6, 0]]]);
    h.record(0.1, 1, byStatus(200));
    h.record(0.2, 1, byStatus(503));
    expect(h.collect(7_001)!.dataPoints.map((p) => [p.attributes['http.response.status_code'], p.startTime, p.endTime])).toEqual([
      [200, [5, 250_000_000], [7, 1_000_000]],
      [503, [6, 0], [7, 1_000_000]],
    ]);
  });

  it('treats attributes in any key order as one series, and collections do not share arrays', () => {
    const h = createWeightedHistogram(spec);
    h.record(0.1, 1, { a: 1, b: 2 });
    const first = h.collect(1_000)!;
    h.record(0.1, 1, { b: 2, a: 1 });
    const second = h.collect(2_000)!;
    expect([first.dataPoints[0].value.count, first.dataPoints[0].value.buckets.counts[5]]).toEqual([1, 1]);
    expect([second.dataPoints.length, second.dataPoints[0].value.count, second.dataPoints[0].value.buckets.counts[5]]).toEqual([1, 2, 2]);
  });

  it.each([
    ['NaN', NaN, 3],
    ['a count of zero', 0.1, 0],
    ['a negative count', 0.1, -2],
  ])('records nothing for %s', (_name, value, count) => {
    const h = createWeightedHistogram(spec);
    h.record(value, count, {});
    expect(h.collect(1_000)).toBeUndefined();
  });
});

describe('bucketIndex', () => {
  it.each([
    [0, 0],
    [0.005, 0],
    [0.0050001, 1],
    [0.1, 5],
    [0.10000001, 6],
    [10, 13],
    [10.5, 14],
  ])('puts %p in bucket %p (upper bounds inclusive, as the SDK)', (value, index) => {
    expect(bucketIndex(DURATION_BUCKETS_SECONDS, value)).toBe(index);
  });
});

describe('millisToHrTime', () => {
  it.each([
    [0, [0, 0]],
    [1_500.25, [1, 500_250_000]],
    [1_795_602_258_839, [1_795_602_258, 839_000_000]],
  ])('turns %p ms into %p', (ms, hr) => {
    expect(millisToHrTime(ms)).toEqual(hr);
  });
});
