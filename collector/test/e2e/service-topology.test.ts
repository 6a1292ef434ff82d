/**
 * A small shop instrumented with the OpenTelemetry JS SDK sends its spans through the official
 * OTLP exporter: frontend serves POST /checkout (called by users), calls cart over HTTP, which
 * queries PostgreSQL (no database spans of its own), calls payment (failing once), and publishes
 * to Kafka, from which shipping consumes. The topology API then returns exactly that graph.
 */
import { context, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import type { Span, Tracer } from '@opentelemetry/api';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-proto';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { BasicTracerProvider, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';
import type { ServiceGraphStats } from '../../src/model';
import { startTestCollector } from '../support/test-collector';
import type { TestCollector } from '../support/test-collector';

interface TopologyNode {
  id: string;
  type: string;
  level: string;
  title: string;
  virtual: boolean;
  health: { status: string; score?: number };
}
interface TopologyEdge {
  id: string;
  source: string;
  target: string;
  type: string;
  stats: Record<string, number>;
}
interface TopologyBody {
  nodes: TopologyNode[];
  edges: TopologyEdge[];
}

const TRACES = 4;
let twin: TestCollector;
const providers: BasicTracerProvider[] = [];

function tracerFor(service: string): Tracer {
  const provider = new BasicTracerProvider({
    resource: resourceFromAttributes({ 'service.name': service }),
    spanProcessors: [new SimpleSpanProcessor(new OTLPTraceExporter({ url: `${twin.otlpHttpUrl}/v1/traces` }))],
  });
  providers.push(provider);
  return provider.getTracer(`${service}-instrumentation`);
}

/** Runs `work` inside a span of `tracer`, as a child of `parent`, and ends it. */
function inSpan(tracer: Tracer, parent: Span | undefined, name: string, kind: SpanKind, attributes: Record<string, string | number>, work: (span: Span) => void = () => {}): void {
  const ctx = parent ? trace.setSpan(context.active(), parent) : context.active();
  const span = tracer.startSpan(name, { kind, attributes }, ctx);
  work(span);
  span.end();
}

async function sendShopTraffic(): Promise<void> {
  const frontend = tracerFor('frontend');
  const cart = tracerFor('cart');
  const payment = tracerFor('payment');
  const shipping = tracerFor('shipping');
  for (let i = 0; i < TRACES; i++) {
    inSpan(frontend, undefined, 'POST /checkout', SpanKind.SERVER, { 'http.request.method': 'POST', 'http.route': '/checkout' }, (root) => {
      inSpan(frontend, root, 'POST', SpanKind.CLIENT, { 'http.request.method': 'POST', 'server.address': 'cart' }, (call) => {
        inSpan(cart, call, 'POST /cart', SpanKind.SERVER, { 'http.route': '/cart', 'http.response.status_code': 200 }, (server) => {
          inSpan(cart, server, 'SELECT orders', SpanKind.CLIENT, { 'db.system.name': 'postgresql', 'db.namespace': 'orders' });
        });
      });
      inSpan(frontend, root, 'POST', SpanKind.CLIENT, { 'server.address': 'payment' }, (call) => {
        const failing = i === 0;
        inSpan(payment, call, 'POST /pay', SpanKind.SERVER, { 'http.route': '/pay', 'http.response.status_code': failing ? 503 : 200 }, (server) => {
          if (failing) server.setStatus({ code: SpanStatusCode.ERROR, message: 'gateway timeout' });
        });
      });
      inSpan(frontend, root, 'orders publish', SpanKind.PRODUCER, { 'messaging.system': 'kafka', 'messaging.destination.name': 'orders' }, (produce) => {
        inSpan(shipping, produce, 'orders process', SpanKind.CONSUMER, { 'messaging.system': 'kafka', 'messaging.destination.name': 'orders' });
      });
    });
  }
  await Promise.all(providers.map((p) => p.forceFlush()));
}

async function eventually<T>(read: () => Promise<T>, done: (value: T) => boolean): Promise<T> {
  let value = await read();
  for (let i = 0; i < 100 && !done(value); i++) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    value = await read();
  }
  return value;
}

beforeAll(async () => {
  twin = await startTestCollector({
    twin: {
      service_graph: { wait_seconds: 0.5, window_seconds: 1 },
      processes: { trace_wait_seconds: 0.5, window_seconds: 1 },
    },
  });
  await sendShopTraffic();
});
afterAll(async () => {
  await Promise.all(providers.map((p) => p.shutdown()));
  await twin.stop();
});

const topology = () => twin.getJson<TopologyBody>('/api/v1/topology?view=services').then((r) => r.body);
const edgeList = (body: TopologyBody) => body.edges.map((e) => `${e.source} -${e.type}-> ${e.target}`).sort();

it('returns exactly the services, virtual nodes, flow and edges of the shop', async () => {
  const flow = 'flow:frontend/POST /checkout';
  const body = await eventually(topology, (b) => edgeList(b).length >= 9);
  expect(edgeList(body)).toEqual(
    [
      'service:frontend -calls-> service:cart',
      'service:frontend -calls-> service:payment',
      'service:frontend -messaging-> service:shipping',
      'service:cart -database-> database:postgresql/orders',
      'user -calls-> service:frontend',
      `service:frontend -part_of-> ${flow}`,
      `service:cart -part_of-> ${flow}`,
      `service:payment -part_of-> ${flow}`,
      `service:shipping -part_of-> ${flow}`,
    ].sort(),
  );
  expect(body.nodes.map((n) => [n.id, n.type, n.level, n.virtual]).sort()).toEqual(
    [
      ['database:postgresql/orders', 'database', 'system', true],
      [flow, 'flow', 'process', false],
      ['service:cart', 'service', 'system', false],
      ['service:frontend', 'service', 'system', false],
      ['service:payment', 'service', 'system', false],
      ['service:shipping', 'service', 'system', false],
      ['user', 'user', 'system', true],
    ].sort(),
  );
});

it('counts requests and failures on every edge', async () => {
  const body = await eventually(topology, (b) => b.edges.filter((e) => e.stats.requests_total === TRACES).length >= 5);
  const totals = Object.fromEntries(
    body.edges.filter((e) => e.type !== 'part_of').map((e) => [`${e.source}->${e.target}`, [e.stats.requests_total, e.stats.failed_total]]),
  );
  expect(totals).toEqual({
    'user->service:frontend': [TRACES, 0],
    'service:frontend->service:cart': [TRACES, 0],
    'service:frontend->service:payment': [TRACES, 1],
    'service:frontend->service:shipping': [TRACES, 0],
    'service:cart->database:postgresql/orders': [TRACES, 0],
  });
  const payment = body.nodes.find((n) => n.id === 'service:payment');
  expect(payment?.health.status).not.toBe('ok'); // one failure in four requests
});

it('exports the series that Grafana service-graph views read', async () => {
  const labels = 'client="frontend",server="payment",connection_type=""';
  expect(await twin.metricValue(`traces_service_graph_request_total{${labels}}`)).toBe(TRACES);
  expect(await twin.metricValue(`traces_service_graph_request_failed_total{${labels}}`)).toBe(1);
  expect(await twin.metricValue(`traces_service_graph_request_server_seconds_count{${labels}}`)).toBe(TRACES);
  expect(await twin.metricValue(`traces_service_graph_request_client_seconds_count{${labels}}`)).toBe(TRACES);
});

it('tells how pairing went', async () => {
  const { status, body } = await twin.getJson<ServiceGraphStats>('/api/v1/service-graph/stats');
  expect(status).toBe(200);
  // cart, payment and the messaging pair complete per trace; the root (user) and the database
  // client expire into virtual edges.
  expect(body.paired).toBe(3 * TRACES);
  expect(body.virtualEdges).toBe(2 * TRACES);
  expect(body.pending).toBe(0);
});
