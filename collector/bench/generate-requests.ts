/**
 * Deterministic, realistic OTLP export requests for benchmarks, encoded with our protobuf encoder:
 * a fleet of services × instances with semantic-convention resource attributes, spans with HTTP and
 * database attributes, and a few events.
 */
import { encodeMetrics, encodeTraces } from '../src/otlp/codec';
import type { Attributes, Metric, Resource, Span, SpanEvent } from '../src/otlp';
import { createRandom } from './random';
import type { Random } from './random';

export interface RequestOptions {
  requests: number;
  seed?: number;
  services?: number;
  instancesPerService?: number;
  minItemsPerRequest?: number;
  maxItemsPerRequest?: number;
  /** Shifts every timestamp, so a later batch of the same requests is newer (not stale) in the twin. */
  timeOffsetSeconds?: number;
}

export interface GeneratedRequests {
  bodies: Uint8Array[];
  /** Spans (traces) or data points (metrics) across all bodies. */
  items: number;
  bytes: number;
}

const BASE_TIME_NANOS = 1_767_225_600_000_000_000; // 2026-01-01T00:00:00Z
const ROUTES = ['/api/cart', '/api/checkout', '/api/items/{id}', '/api/users/{id}', '/health', '/api/search'];
const METHODS = ['GET', 'GET', 'GET', 'POST', 'PUT', 'DELETE'];
const DB_STATEMENTS = [
  'SELECT * FROM items WHERE id = ?',
  'UPDATE carts SET total = ? WHERE id = ?',
  'INSERT INTO orders VALUES (?, ?, ?)',
];
const SCOPE = { name: '@opentelemetry/instrumentation-http', version: '0.223.0', attributes: {}, droppedAttributesCount: 0 };
const HTTP_BOUNDS = [0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1, 2.5, 5, 7.5, 10];

function baseTime(options: RequestOptions): number {
  return BASE_TIME_NANOS + (options.timeOffsetSeconds ?? 0) * 1e9;
}

function serviceName(index: number): string {
  return `service-${index.toString().padStart(2, '0')}`;
}

function resourceFor(service: number, instance: number): Resource {
  return {
    attributes: {
      'service.name': serviceName(service),
      'service.namespace': 'shop',
      'service.version': `1.${service % 7}.${instance}`,
      'service.instance.id': `${serviceName(service)}-${instance}-7f9c4d`,
      'host.name': `web-${(service * 3 + instance) % 40}`,
      'deployment.environment.name': 'production',
      'telemetry.sdk.name': 'opentelemetry',
      'telemetry.sdk.language': 'nodejs',
      'telemetry.sdk.version': '2.12.0',
    },
    droppedAttributesCount: 0,
  };
}

function spanAttributes(rnd: Random, kind: number, service: number): Attributes {
  const method = rnd.pick(METHODS);
  const route = rnd.pick(ROUTES);
  if (kind === 3 && rnd.next() < 0.4) {
    return {
      'db.system.name': 'postgresql',
      'db.namespace': 'shop',
      'db.operation.name': 'SELECT',
      'db.query.text': rnd.pick(DB_STATEMENTS),
      'server.address': 'db-1.internal',
      'server.port': 5432,
    };
  }
  const attrs: Attributes = {
    'http.request.method': method,
    'http.route': route,
    'url.path': route.replace('{id}', String(rnd.int(1, 99999))),
    'http.response.status_code': rnd.next() < 0.03 ? 500 : 200,
    'network.protocol.version': '1.1',
    'server.address': kind === 3 ? `${serviceName((service + 1) % 50)}.internal` : 'shop.example.com',
    'server.port': 8080,
  };
  if (kind === 2) attrs['user_agent.original'] = 'Mozilla/5.0 (X11; Linux x86_64) Gecko/20100101 Firefox/128.0';
  if (rnd.next() < 0.3) attrs['http.request.body.size'] = rnd.int(0, 50000);
  return attrs;
}

function exceptionEvent(timeUnixNano: number): SpanEvent {
  return {
    timeUnixNano,
    name: 'exception',
    droppedAttributesCount: 0,
    attributes: {
      'exception.type': 'Error',
      'exception.message': 'upstream timed out',
      'exception.stacktrace': 'Error: upstream timed out\n    at handler (/app/src/handler.js:42:11)',
    },
  };
}

function makeSpan(rnd: Random, traceId: string, parent: string, service: number, time: number): Span {
  const kind = parent === '' ? 2 : rnd.pick([1, 3, 3, 2]);
  const start = time + rnd.int(0, 1_000_000_000);
  const error = rnd.next() < 0.03;
  const attributes = spanAttributes(rnd, kind, service);
  return {
    traceId,
    spanId: rnd.hex(8),
    traceState: '',
    parentSpanId: parent,
    flags: 0x101,
    name: `${attributes['http.request.method'] ?? 'SELECT'} ${attributes['http.route'] ?? 'shop'}`,
    kind,
    startTimeUnixNano: start,
    endTimeUnixNano: start + rnd.int(100_000, 300_000_000),
    attributes,
    droppedAttributesCount: 0,
    events: error ? [exceptionEvent(start + 1000)] : [],
    droppedEventsCount: 0,
    links: [],
    droppedLinksCount: 0,
    status: { code: error ? 2 : 0, message: error ? 'upstream timed out' : '' },
  };
}

/** ExportTraceServiceRequest bodies: 1–3 service instances per request, spans grouped in traces. */
export function generateTraceRequests(options: RequestOptions): GeneratedRequests {
  const rnd = createRandom(options.seed ?? 42);
  const services = options.services ?? 50;
  const instances = options.instancesPerService ?? 4;
  const bodies: Uint8Array[] = [];
  let items = 0;
  for (let i = 0; i < options.requests; i++) {
    const total = rnd.int(options.minItemsPerRequest ?? 100, options.maxItemsPerRequest ?? 500);
    const resourceCount = rnd.int(1, 3);
    const time = baseTime(options) + i * 1_000_000_000;
    const resourceSpans = [];
    for (let r = 0; r < resourceCount; r++) {
      const service = rnd.int(0, services - 1);
      const spans: Span[] = [];
      const count = Math.ceil(total / resourceCount);
      while (spans.length < count) {
        const traceId = rnd.hex(16);
        const root = makeSpan(rnd, traceId, '', service, time);
        spans.push(root);
        for (let c = rnd.int(1, 6); c > 0 && spans.length < count; c--) {
          spans.push(makeSpan(rnd, traceId, root.spanId, service, time));
        }
      }
      items += spans.length;
      resourceSpans.push({
        resource: resourceFor(service, rnd.int(0, instances - 1)),
        scopeSpans: [{ scope: SCOPE, spans, schemaUrl: '' }],
        schemaUrl: 'https://opentelemetry.io/schemas/1.37.0',
      });
    }
    bodies.push(encodeTraces({ resourceSpans }));
  }
  return { bodies, items, bytes: bodies.reduce((n, b) => n + b.length, 0) };
}

function histogramMetric(rnd: Random, base: PointBase, attributes: Attributes): Metric {
  const point = {
    ...base,
    attributes,
    count: rnd.int(1, 10000),
    sum: rnd.next() * 500,
    bucketCounts: Array.from({ length: HTTP_BOUNDS.length + 1 }, () => rnd.int(0, 1000)),
    explicitBounds: HTTP_BOUNDS,
    min: 0.001,
    max: rnd.next() * 10,
  };
  return {
    name: 'http.server.request.duration',
    description: 'Duration of HTTP server requests.',
    unit: 's',
    metadata: {},
    data: { type: 'histogram', aggregationTemporality: 2, dataPoints: [point] },
  };
}

interface PointBase {
  startTimeUnixNano: number;
  timeUnixNano: number;
  flags: number;
}

function makeMetrics(rnd: Random, time: number, count: number): Metric[] {
  const metrics: Metric[] = [];
  const base: PointBase = { startTimeUnixNano: time - 60_000_000_000, timeUnixNano: time, flags: 0 };
  for (let m = 0; metrics.length < count; m++) {
    const attributes = {
      'http.request.method': rnd.pick(METHODS),
      'http.route': rnd.pick(ROUTES),
      'http.response.status_code': 200,
    };
    if (m % 3 === 0) {
      metrics.push(histogramMetric(rnd, base, attributes));
    } else if (m % 3 === 1) {
      const point = { ...base, attributes, value: rnd.int(0, 100) };
      metrics.push({
        name: 'http.server.active_requests',
        description: '',
        unit: '{request}',
        metadata: {},
        data: { type: 'sum', aggregationTemporality: 2, isMonotonic: false, dataPoints: [point] },
      });
    } else {
      const point = { ...base, attributes: { 'cpu.mode': 'user' }, value: rnd.next() };
      metrics.push({
        name: 'process.cpu.utilization',
        description: '',
        unit: '1',
        metadata: {},
        data: { type: 'gauge', dataPoints: [point] },
      });
    }
  }
  return metrics;
}

/** ExportMetricsServiceRequest bodies: one service instance each, histograms, sums and gauges. */
export function generateMetricRequests(options: RequestOptions): GeneratedRequests {
  const rnd = createRandom(options.seed ?? 7);
  const services = options.services ?? 50;
  const instances = options.instancesPerService ?? 4;
  const bodies: Uint8Array[] = [];
  let items = 0;
  for (let i = 0; i < options.requests; i++) {
    const count = rnd.int(options.minItemsPerRequest ?? 20, options.maxItemsPerRequest ?? 100);
    const metrics = makeMetrics(rnd, baseTime(options) + i * 10_000_000_000, count);
    items += metrics.length;
    const resource = resourceFor(rnd.int(0, services - 1), rnd.int(0, instances - 1));
    const scopeMetrics = [{ scope: SCOPE, metrics, schemaUrl: '' }];
    bodies.push(encodeMetrics({ resourceMetrics: [{ resource, scopeMetrics, schemaUrl: '' }] }));
  }
  return { bodies, items, bytes: bodies.reduce((n, b) => n + b.length, 0) };
}
