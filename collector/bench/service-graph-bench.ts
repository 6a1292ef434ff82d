/**
 * The service graph's figures: spans per second through the graph builder (generated client/server
 * pairs across a few dozen services, each pair completing in the store, a window flush per round),
 * and the memory per in-flight span (client spans whose servers have not come yet), as a
 * difference of V8 heap + array buffers after forced GC with the spans reachable throughout, so
 * only what the store keeps is counted.
 */
import { createPrometheusRegistry } from '../src/export';
import { createTwin, defaultTwinModelConfig } from '../src/model';
import { createServiceGraph, defaultServiceGraphConfig } from '../src/ingest/service-graph';
import { SpanKind, StatusCode } from '../src/otlp';
import type { Span } from '../src/otlp';
import { median } from './timing';

export interface ServiceGraphBenchResult {
  pairs: number;
  services: number;
  rounds: number;
  spansPerSecond: number;
  pendingSpans: number;
  bytesPerPendingSpan: number;
}

const hex = (n: number, width: number) => n.toString(16).padStart(width, '0');

function makeSpan(kind: number, trace: number, id: number, parent: number, startMs: number, endMs: number, attributes = {}): Span {
  return {
    traceId: hex(trace, 32),
    spanId: hex(id, 16),
    traceState: '',
    parentSpanId: parent === 0 ? '' : hex(parent, 16),
    flags: 1,
    name: 'GET /api',
    kind,
    startTimeUnixNano: 1_767_225_600_000_000_000 + startMs * 1e6,
    endTimeUnixNano: 1_767_225_600_000_000_000 + endMs * 1e6,
    attributes,
    droppedAttributesCount: 0,
    events: [],
    droppedEventsCount: 0,
    links: [],
    droppedLinksCount: 0,
    status: { message: '', code: trace % 50 === 0 ? StatusCode.ERROR : StatusCode.UNSET },
  };
}

function setup(maxPending: number) {
  let now = 1_767_225_600_000;
  const clock = { now: () => now };
  const metrics = createPrometheusRegistry({ defaultMetrics: false });
  const twin = createTwin(defaultTwinModelConfig(), { clock, metrics });
  const graph = createServiceGraph({ ...defaultServiceGraphConfig(), maxPending }, { twin, clock, metrics });
  return { graph, advance: (ms: number) => graph.tick((now += ms)) };
}

const originOf = (name: string) => ({ serviceId: `service:${name}`, serviceName: name, resource: { 'service.name': name } });

export function runServiceGraphBench(options: { pairs: number; services: number; rounds: number; pending: number }): ServiceGraphBenchResult {
  const gc = globalThis.gc;
  if (!gc) throw new Error('the service graph benchmark needs node --expose-gc');
  const origins = Array.from({ length: options.services }, (_, i) => originOf(`svc-${i}`));
  const attributes = { 'http.request.method': 'GET', 'server.address': 'svc', 'server.port': 8080, 'http.response.status_code': 200 };
  const spans: { span: Span; origin: ReturnType<typeof originOf> }[] = [];
  for (let i = 1; i <= options.pairs; i++) {
    const caller = origins[i % options.services];
    const callee = origins[(i * 7 + 1) % options.services];
    const latency = 1 + (i % 200);
    spans.push({ span: makeSpan(SpanKind.CLIENT, i, 2 * i, 0, 0, latency + 2, attributes), origin: caller });
    spans.push({ span: makeSpan(SpanKind.SERVER, i, 2 * i + 1, 2 * i, 1, latency + 1, attributes), origin: callee });
  }
  const { graph, advance } = setup(options.pending + options.pairs);
  const seconds: number[] = [];
  for (let round = 0; round < options.rounds + 2; round++) {
    const start = process.hrtime.bigint();
    for (const { span, origin } of spans) graph.consumeSpan(span, origin);
    advance(15_000);
    const elapsed = Number(process.hrtime.bigint() - start) / 1e9;
    if (round >= 2) seconds.push(elapsed); // two warm-up rounds
  }
  return {
    pairs: options.pairs,
    services: options.services,
    rounds: options.rounds,
    spansPerSecond: spans.length / median(seconds),
    pendingSpans: options.pending,
    bytesPerPendingSpan: pendingBytes(gc, options.pending, origins[0], attributes),
  };
}

function pendingBytes(gc: () => void, count: number, origin: ReturnType<typeof originOf>, attributes: object): number {
  const clients = Array.from({ length: count }, (_, i) => makeSpan(SpanKind.CLIENT, 1e9 + i, 1, 0, 0, 5, attributes));
  const { graph } = setup(count);
  const before = settledBytes(gc);
  for (const span of clients) graph.consumeSpan(span, origin);
  const after = settledBytes(gc);
  // Read last, so the spans stay reachable through both measurements.
  if (graph.stats().pending !== clients.length) throw new Error(`expected ${count} pending spans, got ${graph.stats().pending}`);
  return (after - before) / count;
}

function settledBytes(gc: () => void): number {
  for (let i = 0; i < 4; i++) gc();
  const usage = process.memoryUsage();
  return usage.heapUsed + usage.arrayBuffers;
}
