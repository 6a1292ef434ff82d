import { LatencyWindow, PERCENTILE_BOUNDS } from './latency-window';
import type { BoundHistogram, RelationType } from '../../model';

/** One end of an edge: a service that sends spans, or a virtual node. */
export interface Endpoint {
  id: string;
  /** The entity type: `service` for services that send spans; user, unknown, database, ... for virtual ones. */
  type: string;
  /** The plain name, the Prometheus `client` / `server` label. */
  name: string;
  /** The service namespace, '' when none (the `*_service_namespace` labels). */
  namespace: string;
  virtual: boolean;
}

/** Grafana's `connection_type` label. */
export type ConnectionType = '' | 'database' | 'messaging_system' | 'virtual_node';

/** One request across an edge; weight is the sampling-scaled count it stands for. */
export interface EdgeObservation {
  weight: number;
  failed: boolean;
  clientSeconds: number | undefined;
  serverSeconds: number | undefined;
  /** Consumer start - producer end (messaging edges with both sides). */
  delaySeconds: number | undefined;
}

export interface Edge {
  from: Endpoint;
  to: Endpoint;
  type: RelationType;
  connectionType: ConnectionType;
  /** The Prometheus labels of the Grafana series, built once. */
  labels: Record<string, string>;
  /** The edge's Grafana latency series, bound on its first request (grafana-series.ts). */
  latencySeries: { server: BoundHistogram; client: BoundHistogram } | undefined;
  requests: number;
  failed: number;
  client: LatencyWindow;
  server: LatencyWindow;
  delay: LatencyWindow | undefined;
  requestsTotal: number;
  failedTotal: number;
  /** True once a window without traffic has reported zero rates (reported once, then quiet). */
  idleReported: boolean;
}

export interface EdgeTable {
  /** Adds one request to its edge, creating the edge; undefined when `max_edges` turned it away. */
  record(from: Endpoint, to: Endpoint, type: RelationType, connectionType: ConnectionType, obs: EdgeObservation): Edge | undefined;
  edges(): IterableIterator<Edge>;
  readonly size: number;
}

/**
 * The distinct edges seen, bounded by `maxEdges` (the same edges are the exported series, so the
 * cap also bounds /metrics). Each edge holds the current window's counts and histograms and
 * the running totals; the window flush reads and resets them.
 */
/** Why a request on a new edge was turned away. */
export type EdgeDropReason = 'max_edges' | 'unknown_endpoint';

/**
 * `admit` decides whether a new edge may be created (its endpoints exist in the twin); it is
 * asked once per new edge, never for requests on known ones.
 */
export function createEdgeTable(
  maxEdges: number,
  admit: (from: Endpoint, to: Endpoint) => boolean,
  onDrop: (reason: EdgeDropReason) => void,
): EdgeTable {
  // Found by type, then caller id, then callee id: the ids are the interned endpoints' strings,
  // whose hashes V8 keeps, so a request builds no key. The list keeps the edges in order of creation.
  const index = new Map<RelationType, Map<string, Map<string, Edge>>>();
  const list: Edge[] = [];
  return {
    record(from, to, type, connectionType, obs) {
      let byFrom = index.get(type);
      if (!byFrom) index.set(type, (byFrom = new Map()));
      let byTo = byFrom.get(from.id);
      let edge = byTo?.get(to.id);
      if (!edge) {
        if (list.length >= maxEdges) {
          onDrop('max_edges');
          return undefined;
        }
        if (!admit(from, to)) {
          onDrop('unknown_endpoint');
          return undefined;
        }
        edge = newEdge(from, to, type, connectionType);
        if (!byTo) byFrom.set(from.id, (byTo = new Map()));
        byTo.set(to.id, edge);
        list.push(edge);
      }
      edge.requests += obs.weight;
      if (obs.failed) edge.failed += obs.weight;
      if (obs.clientSeconds !== undefined) edge.client.observe(obs.clientSeconds, obs.weight);
      if (obs.serverSeconds !== undefined) edge.server.observe(obs.serverSeconds, obs.weight);
      if (obs.delaySeconds !== undefined) edge.delay?.observe(obs.delaySeconds, obs.weight);
      return edge;
    },
    edges: () => list.values(),
    get size() {
      return list.length;
    },
  };
}

function newEdge(from: Endpoint, to: Endpoint, type: RelationType, connectionType: ConnectionType): Edge {
  return {
    from,
    to,
    type,
    connectionType,
    labels: {
      client: from.name,
      server: to.name,
      connection_type: connectionType,
      client_service_namespace: from.namespace,
      server_service_namespace: to.namespace,
    },
    latencySeries: undefined,
    requests: 0,
    failed: 0,
    client: new LatencyWindow(PERCENTILE_BOUNDS),
    server: new LatencyWindow(PERCENTILE_BOUNDS),
    delay: type === 'messaging' ? new LatencyWindow(PERCENTILE_BOUNDS) : undefined,
    requestsTotal: 0,
    failedTotal: 0,
    idleReported: false,
  };
}
