import { PERCENTILE_BOUNDS } from './latency-window';
import { origin, pair, setupGraph, span, traceId } from './testdata/spans';
import type { Twin } from '../../model';

const WINDOW_MS = 15_000;

function relations(twin: Twin) {
  return twin.topology().edges.map((e) => `${e.from} -${e.type}-> ${e.to}`);
}
function signal(twin: Twin, entity: string, name: string): number | undefined {
  return twin.getEntity(entity)?.signals.find((s) => s.name === name)?.latest?.v;
}
const grafanaLabels = (client: string, server: string, connection_type = '') => ({
  client,
  server,
  connection_type,
  client_service_namespace: '',
  server_service_namespace: '',
});

describe('service graph pairing', () => {
  it('pairs a client with its server into a calls edge with stats, signals and Grafana series', () => {
    const { graph, twin, metrics, advance } = setupGraph();
    const [client, server] = pair(traceId(1), { startMs: 0, endMs: 120 }, { startMs: 10, endMs: 110 });
    graph.consumeSpan(server, origin('checkout'));
    graph.consumeSpan(client, origin('frontend'));
    advance(WINDOW_MS);
    expect(relations(twin)).toEqual(['service:frontend -calls-> service:checkout']);
    expect(twin.topology().edges[0].stats).toEqual({
      requests_per_second: 1 / 15,
      failed_per_second: 0,
      error_ratio: 0,
      client_latency_p50_seconds: 0.12,
      client_latency_p95_seconds: 0.12,
      client_latency_p99_seconds: 0.12,
      server_latency_p50_seconds: 0.1,
      server_latency_p95_seconds: 0.1,
      server_latency_p99_seconds: 0.1,
      requests_total: 1,
      failed_total: 0,
    });
    const edge = '{to="service:checkout",type="calls"}';
    expect(signal(twin, 'service:frontend', `edge.requests_per_second${edge}`)).toBe(1 / 15);
    expect(signal(twin, 'service:frontend', `edge.server_latency_p99_seconds${edge}`)).toBe(0.1);
    expect(signal(twin, 'service:checkout', 'service.requests_per_second')).toBe(1 / 15);
    expect(signal(twin, 'service:checkout', 'service.latency_p50_seconds')).toBe(0.1);
    expect(signal(twin, 'service:checkout', 'service.error_ratio')).toBe(0);
    expect(graph.stats()).toEqual({
      pending: 0,
      capacity: 100_000,
      paired: 1,
      expired: { client: 0, server: 0, producer: 0, consumer: 0 },
      virtualEdges: 0,
      dropped: { client: 0, server: 0, producer: 0, consumer: 0 },
    });
    expect(metrics.get('traces_service_graph_request_total', grafanaLabels('frontend', 'checkout'))).toBe(1);
    expect(metrics.get('traces_service_graph_request_server_seconds_count', grafanaLabels('frontend', 'checkout'))).toBe(1);
    expect(metrics.get('traces_service_graph_request_client_seconds_sum', grafanaLabels('frontend', 'checkout'))).toBe(0.12);
    expect(metrics.get('twinops_service_graph_paired_total')).toBe(1);
  });

  it('keeps a paired call a calls edge even when the client carries database attributes', () => {
    const { graph, twin, advance } = setupGraph();
    const [client, server] = pair(traceId(2), { attributes: { 'db.system.name': 'postgresql', 'db.namespace': 'orders' } });
    graph.consumeSpan(client, origin('checkout'));
    graph.consumeSpan(server, origin('payment'));
    advance(WINDOW_MS);
    expect(relations(twin)).toEqual(['service:checkout -calls-> service:payment']);
  });

  it('ignores internal and unspecified spans, and skips spans without a service (counted)', () => {
    const { graph, twin, metrics, advance } = setupGraph();
    graph.consumeSpan(span({ kind: 'INTERNAL' }), origin('frontend'));
    graph.consumeSpan(span({ kind: 'UNSPECIFIED' }), origin('frontend'));
    graph.consumeSpan(span({ kind: 'CLIENT' }), origin(undefined));
    graph.consumeSpan(span({ kind: 'SERVER' }), origin(undefined));
    advance(WINDOW_MS);
    expect(graph.stats().pending).toBe(0);
    expect(relations(twin)).toEqual([]);
    expect(metrics.get('twinops_service_graph_skipped_spans_total')).toBe(2);
  });
});

describe('virtual nodes', () => {
  it('gives a client without server a database edge to the database node on expiry', () => {
    const { graph, twin, metrics, advance } = setupGraph();
    graph.consumeSpan(span({ kind: 'CLIENT', endMs: 30, attributes: { 'db.system': 'postgresql', 'db.name': 'orders' } }), origin('checkout'));
    advance(9_999);
    expect(graph.stats().pending).toBe(1);
    advance(1);
    expect(graph.stats()).toMatchObject({ pending: 0, expired: { client: 1, server: 0, producer: 0, consumer: 0 }, virtualEdges: 1 });
    advance(WINDOW_MS - 10_000);
    expect(relations(twin)).toEqual(['service:checkout -database-> database:postgresql/orders']);
    expect(twin.getEntity('database:postgresql/orders')).toMatchObject({
      type: 'database',
      level: 'system',
      name: 'postgresql/orders',
      attributes: { virtual: true },
    });
    expect(signal(twin, 'database:postgresql/orders', 'service.latency_p50_seconds')).toBe(0.03);
    expect(metrics.get('traces_service_graph_request_total', grafanaLabels('checkout', 'postgresql/orders', 'database'))).toBe(1);
    expect(metrics.get('twinops_service_graph_expired_total', { kind: 'client' })).toBe(1);
  });

  it.each([
    [{}, 'unknown', 'unknown', 'calls', 'virtual_node'],
    [{ 'peer.service': 'billing' }, 'service:billing', 'billing', 'calls', 'virtual_node'],
    [{ 'service.peer.name': 'billing' }, 'service:billing', 'billing', 'calls', 'virtual_node'],
    [{ 'server.address': 'api.example.com', 'server.port': 443 }, 'external:api.example.com:443', 'api.example.com:443', 'calls', 'virtual_node'],
    [{ 'net.peer.name': 'legacy', 'net.peer.port': 80 }, 'external:legacy:80', 'legacy:80', 'calls', 'virtual_node'],
    [{ 'messaging.system': 'kafka', 'messaging.destination.name': 'orders' }, 'messaging:kafka/orders', 'kafka/orders', 'messaging', 'messaging_system'],
    [{ 'peer.service': 'orders-db', 'db.system.name': 'postgresql' }, 'service:orders-db', 'orders-db', 'database', 'database'],
  ])('names the callee of an unpaired client from %p', (attributes, id, name, type, connection) => {
    const { graph, twin, metrics, advance } = setupGraph();
    graph.consumeSpan(span({ kind: 'CLIENT', attributes }), origin('frontend'));
    advance(WINDOW_MS);
    expect(relations(twin)).toEqual([`service:frontend -${type}-> ${id}`]);
    expect(twin.getEntity(id)?.attributes.virtual).toBe(true);
    expect(metrics.get('traces_service_graph_request_total', grafanaLabels('frontend', name, connection))).toBe(1);
  });

  it('gives a producer without consumer a messaging edge to its destination', () => {
    const { graph, twin, advance } = setupGraph();
    graph.consumeSpan(span({ kind: 'PRODUCER', attributes: { 'messaging.system': 'rabbitmq', 'messaging.destination': 'jobs' } }), origin('checkout'));
    advance(WINDOW_MS);
    expect(relations(twin)).toEqual(['service:checkout -messaging-> messaging:rabbitmq/jobs']);
  });

  it.each([
    ['SERVER', {}, 'user -calls-> service:checkout'],
    ['SERVER', { 'peer.service': 'partner' }, 'service:partner -calls-> service:checkout'],
    ['CONSUMER', {}, 'user -messaging-> service:checkout'],
    ['CONSUMER', { 'messaging.system': 'kafka', 'messaging.destination.name': 'orders' }, 'messaging:kafka/orders -messaging-> service:checkout'],
  ] as const)('gives a root %s span %p its virtual caller at once', (kind, attributes, edge) => {
    const { graph, twin, advance } = setupGraph();
    graph.consumeSpan(span({ kind, attributes }), origin('checkout'));
    expect(graph.stats()).toMatchObject({ pending: 0, virtualEdges: 1 });
    advance(WINDOW_MS);
    expect(relations(twin)).toEqual([edge]);
  });

  it('yields nothing for a non-root server whose client never came, counted as expired', () => {
    const { graph, twin, metrics, advance } = setupGraph();
    graph.consumeSpan(span({ kind: 'SERVER', parent: 'f'.repeat(16) }), origin('checkout'));
    graph.consumeSpan(span({ kind: 'CONSUMER', trace: traceId(9), parent: 'f'.repeat(16) }), origin('worker'));
    advance(WINDOW_MS);
    expect(relations(twin)).toEqual([]);
    expect(graph.stats()).toMatchObject({ expired: { client: 0, server: 1, producer: 0, consumer: 1 }, virtualEdges: 0 });
    expect(metrics.get('twinops_service_graph_expired_total', { kind: 'consumer' })).toBe(1);
  });

  it('marks a virtual service real once it sends spans itself, and never marks a known service', () => {
    const { graph, twin, advance } = setupGraph();
    graph.consumeSpan(span({ kind: 'CLIENT', attributes: { 'peer.service': 'billing' } }), origin('frontend'));
    graph.consumeSpan(span({ kind: 'CLIENT', trace: traceId(3), attributes: { 'peer.service': 'payment' } }), origin('frontend'));
    advance(WINDOW_MS);
    expect(twin.getEntity('service:billing')?.attributes.virtual).toBe(true);
    expect(twin.getEntity('service:payment')?.attributes.virtual).toBeUndefined();
    const [client, server] = pair(traceId(4));
    graph.consumeSpan(client, origin('billing'));
    graph.consumeSpan(server, origin('checkout'));
    advance(WINDOW_MS);
    expect(twin.getEntity('service:billing')?.attributes.virtual).toBe(false);
  });
});

describe('edge statistics', () => {
  it('computes rates, error ratio and interpolated percentiles per window', () => {
    const { graph, twin, advance } = setupGraph((c) => (c.latencyBucketsSeconds = [0.1, 0.2, 0.4, 0.8]));
    for (let i = 0; i < 10; i++) {
      const serverMs = i < 5 ? 50 : 300;
      const [client, server] = pair(traceId(100 + i), { endMs: serverMs + 10 }, { endMs: serverMs, error: i === 9 });
      graph.consumeSpan(client, origin('frontend'));
      graph.consumeSpan(server, origin('checkout'));
    }
    advance(WINDOW_MS);
    const stats = twin.topology().edges[0].stats;
    expect(stats.requests_per_second).toBe(10 / 15);
    expect(stats.failed_per_second).toBe(1 / 15);
    expect(stats.error_ratio).toBe(0.1);
    // Percentiles interpolate in the fine grid (PERCENTILE_BOUNDS), buckets narrowed by the min and max seen.
    // Server: 5 at 0.05 in [0.05 (min), b(0.05)], 5 at 0.3 in (below(0.3), 0.3 (max)]:
    // p50 = rank 5 -> b(0.05); p95 = rank 9.5 -> 4.5 of 5 into the top bucket; p99 -> 4.9 of 5.
    const b = (x: number) => PERCENTILE_BOUNDS.find((v) => v >= x) as number;
    const below = (x: number) => PERCENTILE_BOUNDS[PERCENTILE_BOUNDS.findIndex((v) => v >= x) - 1];
    expect(stats.server_latency_p50_seconds).toBeCloseTo(b(0.05), 12);
    expect(stats.server_latency_p95_seconds).toBeCloseTo(below(0.3) + (0.3 - below(0.3)) * 0.9, 12);
    expect(stats.server_latency_p99_seconds).toBeCloseTo(below(0.3) + (0.3 - below(0.3)) * 0.98, 12);
    // Within 4.4 % (one bucket) of the exact percentiles of the sample: 0.3 for p95 and p99.
    expect(Math.abs((stats.server_latency_p95_seconds as number) / 0.3 - 1)).toBeLessThan(0.044);
    // Client: 5 at 0.06, 5 at 0.31.
    expect(stats.client_latency_p50_seconds).toBeCloseTo(b(0.06), 12);
    expect(stats.client_latency_p95_seconds).toBeCloseTo(below(0.31) + (0.31 - below(0.31)) * 0.9, 12);
  });

  it.each([
    [{ 'http.response.status_code': 503 }, true],
    [{ 'http.status_code': '500' }, true],
    [{ 'http.response.status_code': 404 }, false],
    [{ 'http.status_code': 499 }, false],
  ])('counts a server span with %p as failed: %p', (attributes, failed) => {
    const { graph, twin, metrics, advance } = setupGraph();
    const [client, server] = pair(traceId(5), {}, { attributes });
    graph.consumeSpan(client, origin('frontend'));
    graph.consumeSpan(server, origin('checkout'));
    advance(WINDOW_MS);
    expect(twin.topology().edges[0].stats.failed_total).toBe(failed ? 1 : 0);
    expect(metrics.get('traces_service_graph_request_failed_total', grafanaLabels('frontend', 'checkout'))).toBe(failed ? 1 : 0);
  });

  it('does not count an HTTP 5xx on a client span, only its status', () => {
    const { graph, twin, advance } = setupGraph();
    const [client, server] = pair(traceId(6), { attributes: { 'http.response.status_code': 503 } });
    graph.consumeSpan(client, origin('frontend'));
    graph.consumeSpan(server, origin('checkout'));
    const [c2, s2] = pair(traceId(7), { error: true });
    graph.consumeSpan(c2, origin('frontend'));
    graph.consumeSpan(s2, origin('checkout'));
    advance(WINDOW_MS);
    expect(twin.topology().edges[0].stats.failed_total).toBe(1);
  });

  it('measures the messaging delay from producer end to consumer start', () => {
    const { graph, twin, advance } = setupGraph();
    const producer = span({ kind: 'PRODUCER', id: 'c'.repeat(16), startMs: 0, endMs: 5 });
    const consumer = span({ kind: 'CONSUMER', id: 'd'.repeat(16), parent: 'c'.repeat(16), startMs: 255, endMs: 300 });
    graph.consumeSpan(producer, origin('checkout'));
    graph.consumeSpan(consumer, origin('worker'));
    advance(WINDOW_MS);
    expect(relations(twin)).toEqual(['service:checkout -messaging-> service:worker']);
    expect(twin.topology().edges[0].stats.messaging_delay_p50_seconds).toBeCloseTo(0.25, 12);
    expect(signal(twin, 'service:checkout', 'edge.messaging_delay_p99_seconds{to="service:worker",type="messaging"}')).toBeCloseTo(0.25, 12);
  });

  it('scales counts by the sampling weight: th:8 counts 2, th:c counts 4, the attribute as configured', () => {
    const { graph, twin, metrics, advance } = setupGraph((c) => (c.samplingProbabilityAttribute = 'sampling.p'));
    const [c1, s1] = pair(traceId(10), { traceState: 'ot=th:8' }, { traceState: 'ot=th:8' });
    const [c2, s2] = pair(traceId(11), { traceState: 'ot=th:c', error: true }, { traceState: 'ot=th:c' });
    const [c3, s3] = pair(traceId(12), { attributes: { 'sampling.p': 0.1 } });
    for (const s of [c1, s1, c2, s2, c3, s3]) graph.consumeSpan(s, origin(s.kind === 3 ? 'frontend' : 'checkout'));
    advance(WINDOW_MS);
    expect(twin.topology().edges[0].stats).toMatchObject({ requests_total: 16, failed_total: 4 });
    expect(metrics.get('traces_service_graph_request_total', grafanaLabels('frontend', 'checkout'))).toBe(16);
    expect(metrics.get('traces_service_graph_request_server_seconds_count', grafanaLabels('frontend', 'checkout'))).toBe(16);
  });

  it('reports zero rates once for an idle edge and keeps the relation as last seen', () => {
    const { graph, twin, advance, now } = setupGraph();
    const [client, server] = pair(traceId(20));
    graph.consumeSpan(client, origin('frontend'));
    graph.consumeSpan(server, origin('checkout'));
    advance(WINDOW_MS);
    const seen = now();
    advance(WINDOW_MS);
    advance(WINDOW_MS);
    const name = 'edge.requests_per_second{to="service:checkout",type="calls"}';
    expect(twin.signalHistory({ entity: 'service:frontend', name })?.points.map((p) => p.v)).toEqual([1 / 15, 0]);
    expect(twin.topology().edges[0]).toMatchObject({ lastSeen: seen, stats: { requests_total: 1 } });
  });
});

describe('limits', () => {
  it('drops spans by kind when the store is full', () => {
    const { graph, metrics } = setupGraph((c) => (c.maxPending = 2));
    graph.consumeSpan(span({ kind: 'CLIENT', trace: traceId(1) }), origin('frontend'));
    graph.consumeSpan(span({ kind: 'PRODUCER', trace: traceId(2) }), origin('frontend'));
    graph.consumeSpan(span({ kind: 'SERVER', trace: traceId(3), parent: '1'.repeat(16) }), origin('checkout'));
    graph.consumeSpan(span({ kind: 'CONSUMER', trace: traceId(4), parent: '1'.repeat(16) }), origin('worker'));
    graph.consumeSpan(span({ kind: 'CLIENT', trace: traceId(5) }), origin('frontend'));
    expect(graph.stats()).toMatchObject({ pending: 2, capacity: 2, dropped: { client: 1, server: 1, producer: 0, consumer: 1 } });
    expect(metrics.get('twinops_service_graph_dropped_spans_total', { kind: 'server' })).toBe(1);
    expect(metrics.get('twinops_service_graph_pending')).toBe(2);
  });

  it('caps distinct edges and counts what it turns away', () => {
    const { graph, twin, metrics, advance } = setupGraph((c) => (c.maxEdges = 1));
    graph.consumeSpan(span({ kind: 'SERVER' }), origin('checkout'));
    graph.consumeSpan(span({ kind: 'SERVER' }), origin('payment'));
    graph.consumeSpan(span({ kind: 'SERVER' }), origin('payment'));
    advance(WINDOW_MS);
    expect(relations(twin)).toEqual(['user -calls-> service:checkout']);
    expect(metrics.get('twinops_service_graph_dropped_edges_total', { reason: 'max_edges' })).toBe(2);
  });

  it('admits no edge to or from an entity the twin does not hold, so a name flood cannot fill max_edges', () => {
    const { graph, twin, metrics, advance } = setupGraph((c) => (c.maxEdges = 1));
    graph.consumeSpan(span({ kind: 'SERVER' }), origin('refused')); // service:refused is not in the twin
    graph.consumeSpan(span({ kind: 'SERVER' }), origin('checkout'));
    advance(WINDOW_MS);
    expect(relations(twin)).toEqual(['user -calls-> service:checkout']);
    expect(metrics.get('twinops_service_graph_dropped_edges_total', { reason: 'unknown_endpoint' })).toBe(1);
    expect(metrics.get('twinops_service_graph_dropped_edges_total', { reason: 'max_edges' })).toBe(0);
  });

  it('stays bounded with 1,000,000 client spans whose servers never arrive', () => {
    const { graph, twin, advance } = setupGraph((c) => (c.maxPending = 100_000));
    const template = span({ kind: 'CLIENT' });
    const from = origin('frontend');
    // 1,000 spans per 50 ms of clock (20,000/s, twice what 10 s of wait x 100,000 holds), a tick
    // after each 1,000. Batch k arrives at 50k ms and, if kept, expires at the tick after batch
    // k + 199. So batches 0-99 fill the store, 100-199 are dropped, 200-299 take the places
    // batches 0-99 free, 300-399 find none free (100-199 kept nothing), and so on: 500,000 kept,
    // 500,000 dropped; by the last tick batches up to 800 have expired: 400 kept batches + 1.
    let largest = 0;
    for (let i = 0; i < 1_000_000; i++) {
      graph.consumeSpan({ ...template, traceId: traceId(i) }, from);
      if (i % 1000 === 999) {
        advance(50);
        largest = Math.max(largest, graph.stats().pending);
      }
    }
    expect(largest).toBe(100_000);
    expect(graph.stats()).toMatchObject({
      pending: 99_000,
      expired: { client: 401_000, server: 0, producer: 0, consumer: 0 },
      dropped: { client: 500_000, server: 0, producer: 0, consumer: 0 },
      virtualEdges: 401_000,
    });
    expect(relations(twin)).toEqual(['service:frontend -calls-> unknown']);
  });
});
