/**
 * Two collector processes share one twin in PostgreSQL, fed as an OpenTelemetry Collector's
 * `load_balancing` exporter feeds them: every span of a trace goes to the same collector, chosen
 * by trace id, over OTLP/gRPC. Each collector's API must answer for the whole twin: the same
 * topology and counts as one collector given every span.
 */
import { context, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import type { Span, Tracer } from '@opentelemetry/api';
import { ExportResultCode } from '@opentelemetry/core';
import type { ExportResult } from '@opentelemetry/core';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-grpc';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { BasicTracerProvider, BatchSpanProcessor } from '@opentelemetry/sdk-trace-base';
import type { ReadableSpan, SpanExporter } from '@opentelemetry/sdk-trace-base';
import { startCollectorProcess } from '../support/collector-process';
import type { CollectorProcess } from '../support/collector-process';
import { startPostgresServer } from '../support/postgres-server';
import type { PostgresServer } from '../support/postgres-server';
import { startTestCollector } from '../support/test-collector';
import type { TestCollector } from '../support/test-collector';

interface Edge {
  id: string;
  stats: Record<string, number>;
}

const TRACES = 60;
const fast = { window_seconds: 1, wait_seconds: 1 };
let postgres: PostgresServer;
let single: TestCollector;
let shared: CollectorProcess[] = [];
const routed = [0, 0];

/** What the load_balancing exporter does with `routing_key: traceID`: one backend per trace, by a hash of its id. */
class TraceIdRouter implements SpanExporter {
  constructor(private readonly backends: SpanExporter[], private readonly everything: SpanExporter) {}

  export(spans: ReadableSpan[], done: (result: ExportResult) => void): void {
    const parts: ReadableSpan[][] = this.backends.map(() => []);
    for (const span of spans) {
      const backend = Number.parseInt(span.spanContext().traceId.slice(-8), 16) % this.backends.length;
      parts[backend].push(span);
      routed[backend] += 1;
    }
    const sends = [...parts.map((part, i) => [this.backends[i], part] as const), [this.everything, spans] as const]
      .filter(([, part]) => part.length > 0)
      .map(([exporter, part]) => new Promise<ExportResult>((resolve) => exporter.export(part, resolve)));
    void Promise.all(sends).then((results) => done(results.find((r) => r.code !== ExportResultCode.SUCCESS) ?? { code: ExportResultCode.SUCCESS }));
  }

  async shutdown(): Promise<void> {
    await Promise.all([...this.backends, this.everything].map((e) => e.shutdown()));
  }
}

beforeAll(async () => {
  postgres = await startPostgresServer();
  single = await startTestCollector({ twin: { service_graph: fast, processes: { window_seconds: 1, trace_wait_seconds: 1 } } });
  shared = await Promise.all(
    ['collector-a', 'collector-b'].map((id) =>
      startCollectorProcess({
        TWINOPS_STORE__DRIVER: 'postgres',
        TWINOPS_STORE__POSTGRES__URL: postgres.url,
        TWINOPS_STORE__POSTGRES__COLLECTOR_ID: id,
        TWINOPS_STORE__POSTGRES__SYNC_INTERVAL_SECONDS: '1',
        TWINOPS_STORE__FLUSH_INTERVAL_SECONDS: '1',
        TWINOPS_TWIN__SERVICE_GRAPH__WINDOW_SECONDS: '1',
        TWINOPS_TWIN__SERVICE_GRAPH__WAIT_SECONDS: '1',
        TWINOPS_TWIN__PROCESSES__WINDOW_SECONDS: '1',
        TWINOPS_TWIN__PROCESSES__TRACE_WAIT_SECONDS: '1',
      }),
    ),
  );
}, 60_000);

afterAll(async () => {
  for (const collector of shared) collector.child.kill('SIGTERM');
  await Promise.all(shared.map((c) => c.exited));
  await single?.stop();
  await postgres?.stop();
});

function inSpan(tracer: Tracer, parent: Span | undefined, name: string, kind: SpanKind, attributes: Record<string, string>, work: (span: Span) => void = () => {}): void {
  const span = tracer.startSpan(name, { kind, attributes }, parent ? trace.setSpan(context.active(), parent) : context.active());
  work(span);
  span.end();
}

async function sendShopTraffic(): Promise<void> {
  const router = new TraceIdRouter(
    shared.map((c) => new OTLPTraceExporter({ url: `http://${c.otlpGrpcAddress}` })),
    new OTLPTraceExporter({ url: `http://${single.otlpGrpcAddress}` }),
  );
  const providers = ['frontend', 'cart', 'catalog'].map(
    (service) => new BasicTracerProvider({ resource: resourceFromAttributes({ 'service.name': service }), spanProcessors: [new BatchSpanProcessor(router, { maxExportBatchSize: 1000, maxQueueSize: 4000 })] }),
  );
  const [frontend, cart, catalog] = providers.map((p, i) => p.getTracer(`shop-${i}`));
  for (let i = 0; i < TRACES; i++) {
    inSpan(frontend, undefined, 'GET /product', SpanKind.SERVER, {}, (root) => {
      inSpan(frontend, root, 'GET catalog', SpanKind.CLIENT, {}, (call) =>
        inSpan(catalog, call, 'GET /items', SpanKind.SERVER, {}, (server) =>
          inSpan(catalog, server, 'SELECT items', SpanKind.CLIENT, { 'db.system.name': 'postgresql', 'db.namespace': 'items' }),
        ),
      );
      if (i % 3 === 0) {
        inSpan(frontend, root, 'POST cart', SpanKind.CLIENT, {}, (call) =>
          inSpan(cart, call, 'POST /cart', SpanKind.SERVER, {}, (server) => {
            if (i % 6 === 0) server.setStatus({ code: SpanStatusCode.ERROR });
          }),
        );
      }
    });
  }
  await Promise.all(providers.map((p) => p.forceFlush()));
  await router.shutdown();
}

async function edgesOf(apiUrl: string): Promise<Map<string, Edge>> {
  const body = (await (await fetch(`${apiUrl}/api/v1/topology?view=services`)).json()) as { edges: Edge[] };
  return new Map(body.edges.filter((e) => !e.id.startsWith('part_of')).map((e) => [e.id, e]));
}

async function entityIds(apiUrl: string): Promise<string[]> {
  const body = (await (await fetch(`${apiUrl}/api/v1/entities?limit=1000`)).json()) as { items: { id: string }[] };
  return body.items.map((e) => e.id).sort();
}

const totals = (edges: Map<string, Edge>) => [...edges.values()].map((e) => [e.id, e.stats.requests_total, e.stats.failed_total]).sort();

it('builds one twin from spans routed by trace id: each collector answers with the single collector’s topology and counts', async () => {
  await sendShopTraffic();
  expect(routed[0]).toBeGreaterThan(0);
  expect(routed[1]).toBeGreaterThan(0);

  const expected = await waitFor(async () => {
    const edges = await edgesOf(single.apiUrl);
    return edges.size === 4 && [...edges.values()].every((e) => e.stats.requests_total > 0) ? edges : undefined;
  });
  const wanted = totals(expected);
  expect(wanted.map(([id]) => id)).toEqual([
    'calls:service:frontend->service:cart',
    'calls:service:frontend->service:catalog',
    'calls:user->service:frontend',
    'database:service:catalog->database:postgresql/items',
  ]);
  const singleEntities = await entityIds(single.apiUrl);

  for (const collector of shared) {
    // Each collector saw about half of the traces; after flush and sync its view holds them all.
    const edges = await waitFor(async () => {
      const seen = await edgesOf(collector.apiUrl);
      return JSON.stringify(totals(seen)) === JSON.stringify(wanted) ? seen : undefined;
    });
    expect(totals(edges)).toEqual(wanted);
    expect(await entityIds(collector.apiUrl)).toEqual(singleEntities);
  }
}, 60_000);

async function waitFor<T>(check: () => Promise<T | undefined>, seconds = 30): Promise<T> {
  const deadline = Date.now() + seconds * 1000;
  for (;;) {
    const value = await check();
    if (value !== undefined || Date.now() > deadline) return value as T;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}
