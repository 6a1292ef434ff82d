/**
 * Equivalence with the official OpenTelemetry JS serializers: real SDK data serialized by
 * @opentelemetry/otlp-transformer as protobuf and as JSON must decode to the same value.
 */
import { context, trace, SpanKind as ApiSpanKind, SpanStatusCode, ValueType } from '@opentelemetry/api';
import { SeverityNumber } from '@opentelemetry/api-logs';
import {
  JsonLogsSerializer,
  JsonMetricsSerializer,
  JsonTraceSerializer,
  ProtobufLogsSerializer,
  ProtobufMetricsSerializer,
  ProtobufTraceSerializer,
} from '@opentelemetry/otlp-transformer';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { InMemoryLogRecordExporter, LoggerProvider, SimpleLogRecordProcessor } from '@opentelemetry/sdk-logs';
import { AggregationType, MeterProvider, MetricReader } from '@opentelemetry/sdk-metrics';
import { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';
import type { Metric } from '../telemetry';
import { decodeLogs, decodeMetrics, decodeTraces } from './index';
import type { DecodeResult } from './index';

const resource = resourceFromAttributes({ 'service.name': 'checkout', 'service.instance.id': 'i-1', 'host.cpus': 4 });

function ok<T>(result: DecodeResult<T>): T {
  if (!result.ok) throw new Error(result.error);
  return result.value;
}

function bytes(serialized: Uint8Array | undefined): Uint8Array {
  if (serialized === undefined) throw new Error('serializer returned nothing');
  return serialized;
}

const hrToNanos = (t: [number, number]): number => Number(BigInt(t[0]) * 1_000_000_000n + BigInt(t[1]));

describe('traces from @opentelemetry/sdk-trace-base', () => {
  const exporter = new InMemorySpanExporter();
  const provider = new BasicTracerProvider({ resource, spanProcessors: [new SimpleSpanProcessor(exporter)] });
  const tracer = provider.getTracer('shop-tracer', '2.0.0');
  const parent = tracer.startSpan('GET /cart', {
    kind: ApiSpanKind.SERVER,
    attributes: { 'http.response.status_code': 200, ratio: 0.25, cached: false, tags: ['a', 'b'], sizes: [1, 2] },
  });
  const child = tracer.startSpan(
    'SELECT carts',
    { kind: ApiSpanKind.CLIENT, attributes: { 'db.system.name': 'postgresql' }, links: [{ context: parent.spanContext(), attributes: { why: 'retry' } }] },
    trace.setSpan(context.active(), parent),
  );
  child.addEvent('exception', { 'exception.message': 'boom' });
  child.setStatus({ code: SpanStatusCode.ERROR, message: 'db down' });
  child.end();
  parent.end();
  const spans = exporter.getFinishedSpans();

  it('decodes the protobuf and JSON serializations to the same value', () => {
    const fromProto = ok(decodeTraces(bytes(ProtobufTraceSerializer.serializeRequest(spans)), 'protobuf'));
    const fromJson = ok(decodeTraces(bytes(JsonTraceSerializer.serializeRequest(spans)), 'json'));
    expect(fromProto).toEqual(fromJson);
  });

  it('keeps ids, kinds, times, attribute types, events, links and status', () => {
    const data = ok(decodeTraces(bytes(ProtobufTraceSerializer.serializeRequest(spans)), 'protobuf'));
    expect(data.resourceSpans).toHaveLength(1);
    expect(data.resourceSpans[0].resource.attributes).toEqual(
      expect.objectContaining({ 'service.name': 'checkout', 'service.instance.id': 'i-1', 'host.cpus': 4 }),
    );
    const scopeSpans = data.resourceSpans[0].scopeSpans[0];
    expect(scopeSpans.scope).toEqual({ name: 'shop-tracer', version: '2.0.0', attributes: {}, droppedAttributesCount: 0 });
    const [db, server] = scopeSpans.spans;
    expect(server.traceId).toBe(parent.spanContext().traceId);
    expect(server.spanId).toBe(parent.spanContext().spanId);
    expect(server.parentSpanId).toBe('');
    expect(server.kind).toBe(2);
    expect(server.flags).toBe(0x101); // sampled, with the has-is-remote bit
    expect(server.startTimeUnixNano).toBe(hrToNanos(spans[1].startTime));
    expect(server.endTimeUnixNano).toBe(hrToNanos(spans[1].endTime));
    expect(server.attributes).toEqual({
      'http.response.status_code': 200,
      ratio: 0.25,
      cached: false,
      tags: ['a', 'b'],
      sizes: [1, 2],
    });
    expect(db.parentSpanId).toBe(server.spanId);
    expect(db.kind).toBe(3);
    expect(db.status).toEqual({ code: 2, message: 'db down' });
    expect(db.events).toEqual([
      {
        name: 'exception',
        timeUnixNano: hrToNanos(spans[0].events[0].time),
        attributes: { 'exception.message': 'boom' },
        droppedAttributesCount: 0,
      },
    ]);
    expect(db.links).toEqual([
      {
        traceId: server.traceId,
        spanId: server.spanId,
        traceState: '',
        attributes: { why: 'retry' },
        droppedAttributesCount: 0,
        flags: 0x101,
      },
    ]);
  });
});

class CollectingReader extends MetricReader {
  protected async onShutdown(): Promise<void> {}
  protected async onForceFlush(): Promise<void> {}
}

describe('metrics from @opentelemetry/sdk-metrics', () => {
  async function collect() {
    const reader = new CollectingReader();
    const provider = new MeterProvider({
      resource,
      readers: [reader],
      views: [{ instrumentName: 'payload.size', aggregation: { type: AggregationType.EXPONENTIAL_HISTOGRAM } }],
    });
    const meter = provider.getMeter('shop-meter', '1.0.0');
    meter.createCounter('requests', { valueType: ValueType.INT }).add(5, { route: '/cart' });
    meter.createGauge('temperature', { unit: 'Cel' }).record(21.5, { room: 'a' });
    meter.createUpDownCounter('queue.depth', { valueType: ValueType.INT }).add(-3);
    const latency = meter.createHistogram('latency', { unit: 's', advice: { explicitBucketBoundaries: [0.1, 1] } });
    [0.05, 0.5, 0.7, 3].forEach((v) => latency.record(v));
    const size = meter.createHistogram('payload.size');
    [1, 2, 4, 8, 0].forEach((v) => size.record(v));
    const { resourceMetrics } = await reader.collect();
    return resourceMetrics;
  }

  it('decodes the protobuf and JSON serializations to the same value, with every metric type', async () => {
    const resourceMetrics = await collect();
    const fromProto = ok(decodeMetrics(bytes(ProtobufMetricsSerializer.serializeRequest(resourceMetrics)), 'protobuf'));
    const fromJson = ok(decodeMetrics(bytes(JsonMetricsSerializer.serializeRequest(resourceMetrics)), 'json'));
    expect(fromProto).toEqual(fromJson);

    const metrics = new Map<string, Metric>(fromProto.resourceMetrics[0].scopeMetrics[0].metrics.map((m) => [m.name, m]));
    expect(metrics.get('requests')?.data).toEqual({
      type: 'sum',
      aggregationTemporality: 2,
      isMonotonic: true,
      dataPoints: [expect.objectContaining({ value: 5, attributes: { route: '/cart' } })],
    });
    expect(metrics.get('temperature')?.unit).toBe('Cel');
    expect(metrics.get('temperature')?.data).toEqual({
      type: 'gauge',
      dataPoints: [expect.objectContaining({ value: 21.5, attributes: { room: 'a' } })],
    });
    expect(metrics.get('queue.depth')?.data).toEqual(
      expect.objectContaining({ type: 'sum', isMonotonic: false, dataPoints: [expect.objectContaining({ value: -3 })] }),
    );
    expect(metrics.get('latency')?.data).toEqual({
      type: 'histogram',
      aggregationTemporality: 2,
      dataPoints: [
        expect.objectContaining({ count: 4, sum: 4.25, min: 0.05, max: 3, bucketCounts: [1, 2, 1], explicitBounds: [0.1, 1] }),
      ],
    });
    const exponential = metrics.get('payload.size')?.data;
    expect(exponential?.type).toBe('exponentialHistogram');
    if (exponential?.type !== 'exponentialHistogram') return;
    const point = exponential.dataPoints[0];
    expect([point.count, point.sum, point.min, point.max, point.zeroCount]).toEqual([5, 15, 0, 8, 1]);
    const positiveTotal = point.positive.bucketCounts.reduce((a, b) => a + b, 0);
    expect(positiveTotal).toBe(4);
    expect(point.timeUnixNano).toBeGreaterThan(1.7e18);
  });
});

describe('logs from @opentelemetry/sdk-logs', () => {
  const exporter = new InMemoryLogRecordExporter();
  const provider = new LoggerProvider({ resource, processors: [new SimpleLogRecordProcessor({ exporter })] });
  const logger = provider.getLogger('shop-logger', '3.0.0');
  logger.emit({
    severityNumber: SeverityNumber.WARN,
    severityText: 'WARN',
    body: { message: 'slow', nested: { ms: 1500, ok: true }, raw: new Uint8Array([0, 255, 7]) },
    attributes: { 'user.id': 'u-1', retries: 2, payload: new Uint8Array([1, 2, 3]) },
  });
  logger.emit({ eventName: 'checkout.completed', body: 'done', timestamp: 1_767_225_600_123 });

  it('decodes the protobuf and JSON serializations to the same value', async () => {
    await provider.forceFlush();
    const records = exporter.getFinishedLogRecords();
    expect(records).toHaveLength(2);
    const fromProto = ok(decodeLogs(bytes(ProtobufLogsSerializer.serializeRequest(records)), 'protobuf'));
    const fromJson = ok(decodeLogs(bytes(JsonLogsSerializer.serializeRequest(records)), 'json'));
    expect(fromProto).toEqual(fromJson);

    const [warn, event] = fromProto.resourceLogs[0].scopeLogs[0].logRecords;
    expect(warn.severityNumber).toBe(13);
    expect(warn.severityText).toBe('WARN');
    expect(warn.body).toEqual({ message: 'slow', nested: { ms: 1500, ok: true }, raw: new Uint8Array([0, 255, 7]) });
    expect(warn.attributes).toEqual({ 'user.id': 'u-1', retries: 2, payload: new Uint8Array([1, 2, 3]) });
    expect(event.eventName).toBe('checkout.completed');
    expect(event.body).toBe('done');
    expect(event.timeUnixNano).toBe(1_767_225_600_123_000_000);
  });
});
