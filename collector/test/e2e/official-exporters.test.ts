/**
 * The official OpenTelemetry JS exporters (OTLP/HTTP JSON, OTLP/HTTP protobuf, OTLP/gRPC) send
 * traces, metrics and logs to a running collector; the twin then holds the expected entities,
 * relations, signal values and events, read back through the HTTP API.
 */
import { SpanKind, SpanStatusCode } from '@opentelemetry/api';
import { SeverityNumber } from '@opentelemetry/api-logs';
import { OTLPLogExporter as LogsGrpc } from '@opentelemetry/exporter-logs-otlp-grpc';
import { OTLPLogExporter as LogsJson } from '@opentelemetry/exporter-logs-otlp-http';
import { OTLPLogExporter as LogsProto } from '@opentelemetry/exporter-logs-otlp-proto';
import { OTLPMetricExporter as MetricsGrpc } from '@opentelemetry/exporter-metrics-otlp-grpc';
import { OTLPMetricExporter as MetricsJson } from '@opentelemetry/exporter-metrics-otlp-http';
import { OTLPMetricExporter as MetricsProto } from '@opentelemetry/exporter-metrics-otlp-proto';
import { OTLPTraceExporter as TracesGrpc } from '@opentelemetry/exporter-trace-otlp-grpc';
import { OTLPTraceExporter as TracesJson } from '@opentelemetry/exporter-trace-otlp-http';
import { OTLPTraceExporter as TracesProto } from '@opentelemetry/exporter-trace-otlp-proto';
import { resourceFromAttributes } from '@opentelemetry/resources';
import type { Resource } from '@opentelemetry/resources';
import { LoggerProvider, SimpleLogRecordProcessor } from '@opentelemetry/sdk-logs';
import type { LogRecordExporter } from '@opentelemetry/sdk-logs';
import { MeterProvider, PeriodicExportingMetricReader } from '@opentelemetry/sdk-metrics';
import type { PushMetricExporter } from '@opentelemetry/sdk-metrics';
import { BasicTracerProvider, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';
import type { SpanExporter } from '@opentelemetry/sdk-trace-base';
import type { EntityDetail, SignalSeries } from '../../src/model';
import { startTestCollector } from '../support/test-collector';
import type { TestCollector } from '../support/test-collector';

interface Exporters {
  traces(): SpanExporter;
  metrics(): PushMetricExporter;
  logs(): LogRecordExporter;
}

let twin: TestCollector;
beforeAll(async () => {
  twin = await startTestCollector();
});
afterAll(() => twin.stop());

const protocols: [string, () => Exporters][] = [
  [
    'http-json',
    () => ({
      traces: () => new TracesJson({ url: `${twin.otlpHttpUrl}/v1/traces` }),
      metrics: () => new MetricsJson({ url: `${twin.otlpHttpUrl}/v1/metrics` }),
      logs: () => new LogsJson({ url: `${twin.otlpHttpUrl}/v1/logs` }),
    }),
  ],
  [
    'http-protobuf',
    () => ({
      traces: () => new TracesProto({ url: `${twin.otlpHttpUrl}/v1/traces`, compression: 'gzip' as never }),
      metrics: () => new MetricsProto({ url: `${twin.otlpHttpUrl}/v1/metrics` }),
      logs: () => new LogsProto({ url: `${twin.otlpHttpUrl}/v1/logs` }),
    }),
  ],
  [
    'grpc',
    () => ({
      traces: () => new TracesGrpc({ url: `http://${twin.otlpGrpcAddress}` }),
      metrics: () => new MetricsGrpc({ url: `http://${twin.otlpGrpcAddress}` }),
      logs: () => new LogsGrpc({ url: `http://${twin.otlpGrpcAddress}` }),
    }),
  ],
];

function resourceFor(protocol: string): { resource: Resource; service: string; instance: string; host: string } {
  const resource = resourceFromAttributes({
    'service.name': `checkout-${protocol}`,
    'service.namespace': 'shop',
    'service.instance.id': 'checkout-1',
    'service.version': '1.4.2',
    'host.name': `web-${protocol}`,
    'host.arch': 'amd64',
  });
  return {
    resource,
    service: `service:shop/checkout-${protocol}`,
    instance: `instance:shop/checkout-${protocol}/checkout-1`,
    host: `host:web-${protocol}`,
  };
}

async function entity(id: string): Promise<EntityDetail> {
  const { status, body } = await twin.getJson<EntityDetail>(`/api/v1/entities/${encodeURIComponent(id)}`);
  expect(status).toBe(200);
  return body;
}

function latest(detail: EntityDetail, signal: string): number | undefined {
  return detail.signals.find((s) => s.name === signal)?.latest?.v;
}

describe.each(protocols)('the official OpenTelemetry JS exporters over %s', (protocol, exporters) => {
  const ids = resourceFor(protocol);

  it('turn traces into service, instance and host entities with their relations', async () => {
    const provider = new BasicTracerProvider({
      resource: ids.resource,
      spanProcessors: [new SimpleSpanProcessor(exporters().traces())],
    });
    const tracer = provider.getTracer('checkout-handler', '1.0.0');
    for (let i = 0; i < 3; i++) {
      const span = tracer.startSpan('POST /checkout', { kind: SpanKind.SERVER, attributes: { 'http.route': '/checkout' } });
      if (i === 2) span.setStatus({ code: SpanStatusCode.ERROR, message: 'card declined' });
      span.end();
    }
    await provider.forceFlush();
    await provider.shutdown();

    const service = await entity(ids.service);
    expect(service).toMatchObject({ type: 'service', level: 'system', name: `checkout-${protocol}` });
    expect(service.attributes).toEqual({ 'service.name': `checkout-${protocol}`, 'service.namespace': 'shop' });
    expect(latest(service, 'spans.received')).toBe(3);

    const instance = await entity(ids.instance);
    expect(instance).toMatchObject({ type: 'instance', level: 'asset', name: 'checkout-1', parent: ids.service });
    expect(instance.attributes).toMatchObject({ 'service.instance.id': 'checkout-1', 'service.version': '1.4.2' });
    expect(instance.relations.map((r) => `${r.from} ${r.type} ${r.to}`).sort()).toEqual([
      `${ids.instance} runs_on ${ids.host}`,
      `${ids.service} contains ${ids.instance}`,
    ]);

    const host = await entity(ids.host);
    expect(host).toMatchObject({ type: 'host', level: 'asset', name: `web-${protocol}` });
    expect(host.attributes).toEqual({ 'host.name': `web-${protocol}`, 'host.arch': 'amd64' });
  });

  it('turn metrics into signals: gauge and up-down values, counter rate, histogram statistics', async () => {
    const reader = new PeriodicExportingMetricReader({ exporter: exporters().metrics(), exportIntervalMillis: 3_600_000 });
    const provider = new MeterProvider({ resource: ids.resource, readers: [reader] });
    const meter = provider.getMeter('checkout-metrics');
    meter.createObservableGauge('process.cpu.utilization', { unit: '1' }).addCallback((r) => r.observe(0.625));
    const inFlight = meter.createUpDownCounter('http.server.active_requests', { unit: '{request}' });
    const orders = meter.createCounter('orders', { unit: '{order}' });
    const latency = meter.createHistogram('http.server.request.duration', {
      unit: 's',
      advice: { explicitBucketBoundaries: [10, 20, 30, 40] },
    });
    inFlight.add(7);
    inFlight.add(-2);
    orders.add(10);
    const firstBefore = Date.now();
    await provider.forceFlush();
    const firstAfter = Date.now();
    await new Promise((resolve) => setTimeout(resolve, 200));
    orders.add(30);
    for (const seconds of [5, 15, 25, 35]) latency.record(seconds, { 'http.route': '/checkout' });
    const secondBefore = Date.now();
    await provider.forceFlush();
    const secondAfter = Date.now();
    // Read before shutdown: the final export at shutdown would report the idle interval after it.
    const instance = await entity(ids.instance);
    await provider.shutdown();

    expect(latest(instance, 'process.cpu.utilization')).toBe(0.625);
    expect(latest(instance, 'http.server.active_requests')).toBe(5);
    // Cumulative counter: 30 more orders between the two exports, over the time between them.
    const rate = latest(instance, 'orders.rate') as number;
    expect(rate).toBeGreaterThanOrEqual(30 / ((secondAfter - firstBefore) / 1000));
    expect(rate).toBeLessThanOrEqual(30 / ((secondBefore - firstAfter) / 1000));
    // Four values, one per bucket of (-inf,10] (10,20] (20,30] (30,40], min 5, max 35: linear
    // interpolation inside the bucket holding rank q*count, narrowed by the max to (30,35], gives
    // p50 = 10 + 10*(2-1)/1, p95 = 30 + 5*0.8, p99 = 30 + 5*0.96.
    const route = '{http.route="/checkout"}';
    expect(latest(instance, `http.server.request.duration.mean${route}`)).toBe(20);
    expect(latest(instance, `http.server.request.duration.p50${route}`)).toBe(20);
    expect(latest(instance, `http.server.request.duration.p95${route}`)).toBeCloseTo(34, 10);
    expect(latest(instance, `http.server.request.duration.p99${route}`)).toBeCloseTo(34.8, 10);

    const { status, body } = await twin.getJson<SignalSeries>(
      `/api/v1/signals?entity=${encodeURIComponent(ids.instance)}&name=process.cpu.utilization&from=now-1h`,
    );
    expect(status).toBe(200);
    expect(body).toMatchObject({ entity: ids.instance, name: 'process.cpu.utilization', unit: '1' });
    // Two exports, one or two 10 s history buckets depending on where the boundary falls.
    expect(body.points.length).toBeGreaterThanOrEqual(1);
    expect(body.points.length).toBeLessThanOrEqual(2);
    expect(body.points.every((p) => p.v === 0.625 && p.t % 10_000 === 0)).toBe(true);
  });

  it('turn logs into events counted by severity, keeping the latest errors', async () => {
    const provider = new LoggerProvider({
      resource: ids.resource,
      processors: [new SimpleLogRecordProcessor({ exporter: exporters().logs() })],
    });
    const logger = provider.getLogger('checkout-log');
    logger.emit({ severityNumber: SeverityNumber.INFO, severityText: 'INFO', body: 'order placed' });
    logger.emit({ severityNumber: SeverityNumber.INFO, severityText: 'INFO', body: 'order placed' });
    logger.emit({
      severityNumber: SeverityNumber.ERROR,
      severityText: 'ERROR',
      body: 'payment gateway timeout',
      attributes: { 'payment.provider': 'acme' },
    });
    await provider.forceFlush();
    await provider.shutdown();

    const instance = await entity(ids.instance);
    expect(instance.events.countsBySeverity).toEqual({ INFO: 2, ERROR: 1 });
    expect(instance.events.latestErrors).toHaveLength(1);
    expect(instance.events.latestErrors[0]).toMatchObject({
      severityNumber: 17,
      severityText: 'ERROR',
      message: 'payment gateway timeout',
      attributes: { 'payment.provider': 'acme' },
    });
  });
});

it('counts what every transport received', async () => {
  for (const signal of ['traces', 'metrics', 'logs']) {
    for (const transport of ['http', 'grpc']) {
      expect(await twin.metricValue(`twinops_otlp_requests_total{signal="${signal}",transport="${transport}",outcome="success"}`)).toBeGreaterThan(0);
    }
  }
  expect(await twin.metricValue('twinops_otlp_items_received_total{signal="traces",transport="grpc"}')).toBe(3);
});
