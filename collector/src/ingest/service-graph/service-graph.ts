import { createEdgeStore } from './edge-store';
import { createEdgeTable } from './edge-table';
import { createGrafanaSeries } from './grafana-series';
import { createPeerNaming } from './peer-naming';
import { createSamplingWeight } from './sampling-weight';
import { createServiceEndpoints, isClientSide, ROLE_OF, seconds, spanHalf } from './span-halves';
import { flushWindow } from './window-flush';
import { createWindowStamp } from './window-stamp';
import type { Clock, MetricsRegistry, RelationType, ServiceGraphStats, Twin } from '../../model';
import type { Span } from '../../otlp';
import type { SpanOrigin, SpanSink } from '../span-sink';
import type { ServiceGraphConfig } from './config';
import type { ConnectionType, EdgeObservation, Endpoint } from './edge-table';
import type { SpanHalf } from './span-halves';
import type { VirtualNode } from './peer-naming';

export interface ServiceGraphSettings {
  twin: Twin;
  clock: Clock;
  metrics: MetricsRegistry;
}

/** The service graph: a span sink that also tells how pairing goes. */
export interface ServiceGraph extends SpanSink {
  stats(): ServiceGraphStats;
}

/**
 * One endpoint per virtual node object: peer naming interns its nodes, so the common callers
 * (`user`, a few peers) cost a lookup instead of a copy per span. Weak, so nodes it did not
 * intern (its table full) leave nothing behind.
 */
function createVirtualEndpoints(): (node: VirtualNode) => Endpoint {
  const endpoints = new WeakMap<VirtualNode, Endpoint>();
  return (node) => {
    let endpoint = endpoints.get(node);
    if (endpoint === undefined) endpoints.set(node, (endpoint = { ...node, virtual: true }));
    return endpoint;
  };
}

/**
 * Builds the service graph from spans: pairs CLIENT with SERVER and PRODUCER with CONSUMER spans
 * of one trace (semconv-and-otlp reference §2.1), names virtual nodes for sides that send no spans,
 * and writes edges, their statistics and Grafana's service-graph series per window.
 */
export function createServiceGraph(config: ServiceGraphConfig, settings: ServiceGraphSettings): ServiceGraph {
  const { twin, metrics } = settings;
  const bounds = config.latencyBucketsSeconds;
  const naming = createPeerNaming(config.virtualNodePeerAttributes);
  const weightOf = createSamplingWeight(config.samplingProbabilityAttribute);
  const endpointOf = createServiceEndpoints();
  const virtualEndpoint = createVirtualEndpoints();
  const grafana = createGrafanaSeries(metrics, bounds);
  const counter = (name: string, help: string, labels?: string[]) =>
    metrics.counter(`twinops_service_graph_${name}`, help, labels);
  const expiredCounter = counter('expired_total', 'Spans that waited for their partner in vain, by span kind.', ['kind']);
  const droppedCounter = counter('dropped_spans_total', 'Spans turned away because the pairing store was full, by kind.', ['kind']);
  const pairedCounter = counter('paired_total', 'Client/server and producer/consumer pairs completed.');
  const skippedCounter = counter('skipped_spans_total', 'Spans of resources without service.name, left out of the graph.');
  const edgeDrops = counter(
    'dropped_edges_total',
    'Requests on new edges turned away: max_edges reached, or an endpoint the twin does not hold (its entity limit refused it).',
    ['reason'],
  );
  const nodes = createNodeMarks(twin);
  // An edge whose endpoint the twin refused could never be written: admitting it would fill
  // max_edges with edges of a name flood and keep real edges out for good.
  const admit = (from: Endpoint, to: Endpoint) => nodes.ensure(from) && nodes.ensure(to);
  const table = createEdgeTable(config.maxEdges, admit, (reason) => edgeDrops.inc({ reason }));
  const expired = { client: 0, server: 0, producer: 0, consumer: 0 };
  let paired = 0;
  let virtualEdges = 0;

  const record = (from: Endpoint, to: Endpoint, type: RelationType, connection: ConnectionType, obs: EdgeObservation, endNs: number) => {
    stamp.observe(endNs / 1e6);
    const edge = table.record(from, to, type, connection, obs);
    if (edge) grafana.observe(edge, obs);
  };

  const store = createEdgeStore<SpanHalf>(
    { waitMs: config.waitSeconds * 1000, maxPending: config.maxPending },
    {
      onComplete(client, server) {
        paired++;
        pairedCounter.inc();
        const messaging = client.role === 'producer';
        record(client.endpoint, server.endpoint, messaging ? 'messaging' : 'calls', messaging ? 'messaging_system' : '', {
          weight: client.weight,
          failed: client.failed || server.failed,
          clientSeconds: seconds(client),
          serverSeconds: seconds(server),
          delaySeconds: messaging ? Math.max(0, (server.startNs - client.endNs) / 1e9) : undefined,
        }, client.endNs);
      },
      onExpire(half) {
        expired[half.role]++;
        expiredCounter.inc({ kind: half.role });
        // A server or consumer with a parent whose client never came: its caller is unknowable.
        if (!isClientSide(half.role) || !half.peer) return;
        const callee = virtualEndpoint(half.peer);
        const messaging = half.role === 'producer' || half.messaging;
        const type: RelationType = half.database ? 'database' : messaging ? 'messaging' : 'calls';
        const connection: ConnectionType =
          type === 'database' ? 'database' : type === 'messaging' ? 'messaging_system' : 'virtual_node';
        virtualEdges++;
        // The callee has no span: its latency is the best estimate there is, the client's.
        const latency = seconds(half);
        record(half.endpoint, callee, type, connection, {
          weight: half.weight,
          failed: half.failed,
          clientSeconds: latency,
          serverSeconds: latency,
          delaySeconds: undefined,
        }, half.endNs);
      },
    },
  );

  /** A root server or consumer can have no client span: its virtual caller is known at once. */
  function rootWithoutCaller(span: Span, half: SpanHalf, origin: SpanOrigin): void {
    const consumer = half.role === 'consumer';
    const caller = virtualEndpoint(naming.caller(span.attributes, origin.resource, consumer));
    const latency = seconds(half);
    virtualEdges++;
    record(caller, half.endpoint, consumer ? 'messaging' : 'calls', consumer ? 'messaging_system' : 'virtual_node', {
      weight: half.weight,
      failed: half.failed,
      clientSeconds: latency,
      serverSeconds: latency,
      delaySeconds: undefined,
    }, half.endNs);
  }

  let windowStart = settings.clock.now();
  const windowMs = config.windowSeconds * 1000;
  const stamp = createWindowStamp(windowStart, windowMs);
  metrics.observableGauge('twinops_service_graph_pending', 'Spans waiting for their partner in the pairing store.', () =>
    store.size(),
  );

  return {
    consumeSpan(span, origin) {
      const role = ROLE_OF[span.kind];
      if (role === undefined) return;
      if (origin.serviceId === undefined) {
        skippedCounter.inc();
        return;
      }
      const weight = weightOf(span.traceState, span.attributes, origin.resource);
      const half = spanHalf(span, role, endpointOf(origin.serviceId, origin), weight, origin, naming);
      if (isClientSide(role)) {
        if (store.add(span.traceId + span.spanId, half, settings.clock.now()) === 'dropped') droppedCounter.inc({ kind: role });
      } else if (span.parentSpanId === '') {
        rootWithoutCaller(span, half, origin);
      } else if (store.add(span.traceId + span.parentSpanId, half, settings.clock.now()) === 'dropped') {
        droppedCounter.inc({ kind: role });
      }
    },
    tick(nowMs) {
      store.expire(nowMs);
      if (nowMs - windowStart < windowMs) return;
      flushWindow(twin, table, grafana, { seconds: (nowMs - windowStart) / 1000, stampMs: stamp.close(nowMs) }, nodes);
      windowStart = nowMs;
    },
    stats: () => ({
      pending: store.size(),
      capacity: store.capacity,
      paired,
      expired: { ...expired },
      virtualEdges,
      dropped: store.dropped(),
    }),
  };
}

/**
 * Virtual nodes become entities (level system, `virtual: true`). A peer service that later sends
 * spans is the same entity (`service:<name>`), and is then marked `virtual: false`; a service the
 * twin already knows is never marked virtual.
 */
function createNodeMarks(twin: Twin) {
  const marked = new Set<string>();
  return {
    /** Makes sure the endpoint's entity exists (creating virtual ones); false when the twin refuses it. */
    ensure(endpoint: Endpoint): boolean {
      const { id, type } = endpoint;
      if (!endpoint.virtual) {
        if (marked.delete(id)) twin.upsertEntity({ id, type, level: 'system', attributes: { virtual: false } });
        return twin.hasEntity(id);
      }
      if (marked.has(id) || twin.hasEntity(id)) return true;
      if (!twin.upsertEntity({ id, type, level: 'system', name: endpoint.name, attributes: { virtual: true } })) return false;
      marked.add(id);
      return true;
    },
  };
}
