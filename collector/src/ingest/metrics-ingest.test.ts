import { readFileSync } from 'node:fs';
import { decodeMetrics } from '../otlp/codec';
import { createMetricsIngest } from './metrics-ingest';
import { metricsData, ms, ns, numberPoint, setupTwin } from './testdata/fixtures';
import type { Metric, MetricData } from '../otlp';
import type { TwinConfig } from './config';
import { sharedDataPath } from '../../test/support/shared-data';

const SERVICE = { 'service.name': 'checkout' };

function setup(change?: (c: TwinConfig) => void) {
  const env = setupTwin(change);
  const ingest = createMetricsIngest(env.twin, env.config, { clock: env.clock });
  const series = (entity: string, name: string) => env.twin.signalHistory({ entity, name })?.points;
  const signals = (entity: string) =>
    Object.fromEntries((env.twin.getEntity(entity)?.signals ?? []).map((s) => [s.name, s.latest?.v]));
  return { ...env, ingest, series, signals };
}

const metric = (name: string, data: MetricData, unit = 's'): Metric => ({ name, description: '', unit, metadata: {}, data });

describe('metrics ingest: the OTLP example', () => {
  it('puts the example metrics on service:my.service', () => {
    const { ingest, signals, twin } = setup();
    const decoded = decodeMetrics(readFileSync(sharedDataPath('otlp-examples', 'metrics.json')), 'json');
    if (!decoded.ok) throw new Error(String(decoded.error));
    ingest.consumeMetrics(decoded.value);
    expect(twin.listEntities({}).items.map((e) => e.id)).toEqual(['service:my.service']);
    // The delta counter and histogram start where they end (no interval): no rates.
    const s = signals('service:my.service');
    expect(Object.keys(s)).toEqual([
      'my.gauge{my.gauge.attr="some value"}',
      'my.histogram.mean{my.histogram.attr="some value"}',
      'my.histogram.p50{my.histogram.attr="some value"}',
      'my.histogram.p95{my.histogram.attr="some value"}',
      'my.histogram.p99{my.histogram.attr="some value"}',
      'my.exponential.histogram.mean{my.exponential.histogram.attr="some value"}',
      'my.exponential.histogram.p50{my.exponential.histogram.attr="some value"}',
      'my.exponential.histogram.p95{my.exponential.histogram.attr="some value"}',
      'my.exponential.histogram.p99{my.exponential.histogram.attr="some value"}',
    ]);
    expect(s['my.gauge{my.gauge.attr="some value"}']).toBe(10);
    // buckets [min 0, 1] 1 and (1, max 2] 1: p50 rank 1 -> 1; p95 rank 1.9 -> 1.9; p99 -> 1.98
    expect(s['my.histogram.mean{my.histogram.attr="some value"}']).toBe(1);
    expect(s['my.histogram.p50{my.histogram.attr="some value"}']).toBe(1);
    expect(s['my.histogram.p95{my.histogram.attr="some value"}']).toBeCloseTo(1.9, 12);
    expect(s['my.histogram.p99{my.histogram.attr="some value"}']).toBeCloseTo(1.98, 12);
    // zero 1, (4,8] 2, max 5: p50 rank 1.5 -> 4 + 4 x 0.25 = 5; higher ranks clamp to max 5
    expect(s['my.exponential.histogram.mean{my.exponential.histogram.attr="some value"}']).toBeCloseTo(10 / 3, 12);
    // zero bucket 1, (4,8] 2 narrowed by max 5 to (4,5]: p50 rank 1.5 -> 4 + 0.5/2; p99 rank 2.97 -> 4 + 1.97/2
    expect(s['my.exponential.histogram.p50{my.exponential.histogram.attr="some value"}']).toBe(4.25);
    expect(s['my.exponential.histogram.p99{my.exponential.histogram.attr="some value"}']).toBeCloseTo(4.985, 12);
  });
});

describe('metrics ingest: sums', () => {
  const sum = (temporality: number, isMonotonic: boolean, points: ReturnType<typeof numberPoint>[]) =>
    metric('requests', { type: 'sum', aggregationTemporality: temporality, isMonotonic, dataPoints: points }, '{request}');

  it('turns a monotonic cumulative sum into a rate, across resets', () => {
    const { ingest, series, twin } = setup();
    const send = (...points: ReturnType<typeof numberPoint>[]) => ingest.consumeMetrics(metricsData(SERVICE, sum(2, true, points)));
    send(numberPoint(100, 1000, 0)); // first point: totals since start, 1000 / 100 s
    send(numberPoint(110, 1060, 0)); // 60 / 10 s
    send(numberPoint(110, 1060, 0)); // duplicate: ignored
    send(numberPoint(120, 10, 0)); // went down, same start: new baseline only
    send(numberPoint(130, 40, 0)); // 30 / 10 s
    send(numberPoint(140, 20, 130)); // new start: 20 / 10 s
    send(numberPoint(150, 20, undefined)); // new (unknown) start, no interval: baseline only
    send(numberPoint(160, 70, undefined)); // 50 / 10 s
    expect(series('service:checkout', 'requests.rate')).toEqual([
      { t: ms(100), v: 10 },
      { t: ms(110), v: 6 },
      { t: ms(130), v: 3 },
      { t: ms(140), v: 2 },
      { t: ms(160), v: 5 },
    ]);
    expect(twin.getEntity('service:checkout')?.signals).toEqual([
      { name: 'requests.rate', unit: '{request}/s', kind: 'rate', latest: { t: ms(160), v: 5 } },
    ]);
  });

  it('divides a delta sum by its interval', () => {
    const { ingest, series } = setup();
    ingest.consumeMetrics(metricsData(SERVICE, sum(1, true, [numberPoint(100, 50, 90), numberPoint(110, 7, 110)])));
    expect(series('service:checkout', 'requests.rate')).toEqual([{ t: ms(100), v: 5 }]);
  });

  it('keeps the value of a non-monotonic sum, and skips points without a value', () => {
    const { ingest, signals } = setup();
    ingest.consumeMetrics(
      metricsData(SERVICE, sum(2, false, [numberPoint(100, 3, 0, { state: 'ok' }), numberPoint(100, undefined, 0)])),
    );
    expect(signals('service:checkout')).toEqual({ 'requests{state="ok"}': 3 });
  });
});

describe('metrics ingest: histograms and summaries', () => {
  const histogramPoint = (tS: number, count: number, sum: number, bucketCounts: number[], startS = 0) => ({
    attributes: {},
    startTimeUnixNano: ns(startS),
    timeUnixNano: ns(tS),
    flags: 0,
    count,
    sum,
    bucketCounts,
    explicitBounds: [0.1, 0.2, 0.5],
    min: undefined,
    max: undefined,
  });

  it('computes interval statistics of a cumulative explicit histogram', () => {
    const { ingest, signals } = setup();
    const send = (p: ReturnType<typeof histogramPoint>) =>
      ingest.consumeMetrics(
        metricsData(SERVICE, metric('latency', { type: 'histogram', aggregationTemporality: 2, dataPoints: [p] })),
      );
    send(histogramPoint(100, 10, 1, [10, 0, 0, 0]));
    // interval: 10 more, sum 3, buckets [0, 4, 5, 1] over 10 s
    send(histogramPoint(110, 20, 4, [10, 4, 5, 1]));
    expect(signals('service:checkout')).toEqual({
      'latency.count.rate': 1,
      'latency.mean': 0.3,
      // p50: rank 5 in (0.2,0.5] after 4: 0.2 + 0.3 x 1/5 = 0.26
      'latency.p50': expect.closeTo(0.26, 12),
      // p95: rank 9.5 in the overflow bucket (no max): its lower bound 0.5
      'latency.p95': 0.5,
      'latency.p99': 0.5,
    });
  });

  it('takes the totals since start for the first cumulative point', () => {
    const { ingest, signals } = setup();
    ingest.consumeMetrics(
      metricsData(
        SERVICE,
        metric('latency', { type: 'histogram', aggregationTemporality: 2, dataPoints: [histogramPoint(100, 8, 0.8, [8, 0, 0, 0], 90)] }),
      ),
    );
    // 8 in [0, 0.1]: p50 rank 4 -> 0.05
    expect(signals('service:checkout')).toEqual({
      'latency.count.rate': 0.8,
      'latency.mean': 0.1,
      'latency.p50': 0.05,
      'latency.p95': expect.closeTo(0.095, 12),
      'latency.p99': expect.closeTo(0.099, 12),
    });
  });

  it('subtracts cumulative exponential histograms', () => {
    const { ingest, signals } = setup();
    const point = (tS: number, count: number, sum: number, positive: number[], zeroCount: number) => ({
      attributes: {},
      startTimeUnixNano: ns(0),
      timeUnixNano: ns(tS),
      flags: 0,
      count,
      sum,
      scale: 0,
      zeroCount,
      positive: { offset: 0, bucketCounts: positive },
      negative: { offset: 0, bucketCounts: [] },
      min: undefined,
      max: undefined,
      zeroThreshold: 0,
    });
    const send = (p: ReturnType<typeof point>) =>
      ingest.consumeMetrics(
        metricsData(SERVICE, metric('size', { type: 'exponentialHistogram', aggregationTemporality: 2, dataPoints: [p] }, 'By')),
      );
    send(point(100, 2, 3, [1, 1], 0));
    // interval over 10 s: zero 2, (1,2] 0, (2,4] 4; count 6, sum 12
    send(point(110, 8, 15, [1, 5], 2));
    expect(signals('service:checkout')).toEqual({
      'size.count.rate': 0.6,
      'size.mean': 2,
      // p50: rank 3 in (2,4] after 2: 2 + 2 x 1/4 = 2.5
      'size.p50': 2.5,
      // p95: rank 5.7: 2 + 2 x 3.7/4 = 3.85
      'size.p95': expect.closeTo(3.85, 12),
      'size.p99': expect.closeTo(3.97, 12),
    });
  });

  it('reads summary quantiles and the interval count and mean', () => {
    const { ingest, signals } = setup();
    const point = (tS: number, count: number, sum: number) => ({
      attributes: {},
      startTimeUnixNano: ns(0),
      timeUnixNano: ns(tS),
      flags: 0,
      count,
      sum,
      quantileValues: [
        { quantile: 0.5, value: 0.2 },
        { quantile: 0.999, value: 1.5 },
      ],
    });
    const send = (p: ReturnType<typeof point>) =>
      ingest.consumeMetrics(metricsData(SERVICE, metric('rpc', { type: 'summary', dataPoints: [p] })));
    send(point(100, 100, 20));
    send(point(120, 140, 30));
    expect(signals('service:checkout')).toEqual({ 'rpc.count.rate': 2, 'rpc.mean': 0.25, 'rpc.p50': 0.2, 'rpc.p99.9': 1.5 });
  });
});

describe('metrics ingest: hardware components', () => {
  it('routes hw.* points to components under the host, following hw.parent', () => {
    const { ingest, twin, signals } = setup();
    const gauge = (name: string, unit: string, points: ReturnType<typeof numberPoint>[]) =>
      metric(name, { type: 'gauge', dataPoints: points }, unit);
    ingest.consumeMetrics(
      metricsData(
        { 'host.name': 'web-3' },
        gauge('hw.temperature', 'Cel', [
          numberPoint(100, 61, undefined, { 'hw.id': 'cpu0', 'hw.type': 'temperature', 'hw.parent': 'board', 'hw.name': 'CPU 0' }),
        ]),
        metric(
          'hw.status',
          {
            type: 'sum',
            aggregationTemporality: 2,
            isMonotonic: false,
            dataPoints: [
              numberPoint(100, 1, 0, { 'hw.id': 'board', 'hw.type': 'enclosure', 'hw.state': 'ok' }),
              numberPoint(100, 0, 0, { 'hw.id': 'board', 'hw.type': 'enclosure', 'hw.state': 'failed' }),
            ],
          },
          '1',
        ),
        gauge('system.cpu.utilization', '1', [numberPoint(100, 0.5)]),
      ),
    );
    expect(twin.topology().nodes.map((n) => [n.id, n.level, n.parent, n.name])).toEqual([
      ['host:web-3', 'asset', undefined, 'web-3'],
      ['hw:web-3/cpu0', 'component', 'hw:web-3/board', 'CPU 0'],
      ['hw:web-3/board', 'component', 'host:web-3', 'board'],
    ]);
    expect(twin.getEntity('hw:web-3/board')?.attributes).toEqual({ 'hw.id': 'board', 'hw.type': 'enclosure' });
    expect(signals('hw:web-3/cpu0')).toEqual({ 'hw.temperature': 61 });
    expect(signals('hw:web-3/board')).toEqual({ 'hw.status{hw.state="ok"}': 1, 'hw.status{hw.state="failed"}': 0 });
    expect(signals('host:web-3')).toEqual({ 'system.cpu.utilization': 0.5 });
    expect(twin.topology().edges.map((e) => e.id)).toEqual([
      'contains:host:web-3->hw:web-3/board',
      'contains:hw:web-3/board->hw:web-3/cpu0',
    ]);
  });
});

describe('metrics ingest: change stream', () => {
  it('streams entities and signals once, not on every request', () => {
    const { ingest, twin, advance } = setup();
    const kinds: string[] = [];
    twin.subscribe((c) => kinds.push(c.kind));
    const resource = { 'service.name': 'checkout', 'service.instance.id': 'i1', 'host.name': 'web-3' };
    for (let i = 0; i < 3; i++) {
      ingest.consumeMetrics(metricsData(resource, metric('g', { type: 'gauge', dataPoints: [numberPoint(100 + 10 * i, i)] })));
      advance(10_000);
    }
    expect(kinds).toEqual([
      'entity.added',
      'entity.added',
      'entity.added',
      'relation.added',
      'entity.updated',
      'relation.added',
      'signal.added',
    ]);
    expect(twin.getEntity('instance:checkout/i1')?.lastSeen).toBe(ms(20));
  });
});

describe('metrics ingest: bounds', () => {
  it('evicts the oldest cumulative series beyond max_series_state and counts it', () => {
    const { ingest, twin } = setup((c) => (c.limits.maxSeriesState = 2));
    const points = [0, 1, 2].map((i) => numberPoint(100, 5, 0, { i }));
    ingest.consumeMetrics(
      metricsData(SERVICE, metric('c', { type: 'sum', aggregationTemporality: 2, isMonotonic: true, dataPoints: points })),
    );
    expect(twin.stats().dropped).toEqual({ series_state_evicted: 1 });
  });

  it('counts points of resources without an entity and metrics without data', () => {
    const { ingest, twin } = setup();
    ingest.consumeMetrics(
      metricsData({ 'telemetry.sdk.name': 'x' }, metric('g', { type: 'gauge', dataPoints: [numberPoint(1, 1)] }), {
        ...metric('g', { type: 'gauge', dataPoints: [] }),
        data: undefined,
      }),
    );
    expect(twin.stats().dropped).toEqual({ point_without_entity: 1, metric_without_data: 1 });
  });

  it('keeps at most max_entities entities from 200,000 distinct services', () => {
    const { ingest, twin } = setup((c) => (c.limits.maxEntities = 1000));
    const data = metricsData({}, metric('g', { type: 'gauge', dataPoints: [numberPoint(1, 1)] }));
    const resource = data.resourceMetrics[0].resource;
    for (let i = 0; i < 200_000; i++) {
      resource.attributes = { 'service.name': `s${i}` };
      ingest.consumeMetrics(data);
    }
    expect(twin.stats().entities).toBe(1000);
    expect(twin.stats().signals).toBe(1000);
    expect(twin.stats().dropped).toEqual({ entity_limit: 199_000, signal_unknown_entity: 199_000 });
  });
});
