import { LatencyWindow } from './latency-window';
import type { RelationType } from '../../model';

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
export function createEdgeTable(maxEdges: number, bounds: readonly number[], onDrop: () => void): EdgeTable {
  const edges = new Map<string, Edge>();
  return {
    record(from, to, type, connectionType, obs) {
      const key = `${type} ${from.id} ${to.id}`;
      let edge = edges.get(key);
      if (!edge) {
        if (edges.size >= maxEdges) {
          onDrop();
          return undefined;
        }
        edge = {
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
          requests: 0,
          failed: 0,
          client: new LatencyWindow(bounds),
          server: new LatencyWindow(bounds),
          delay: type === 'messaging' ? new LatencyWindow(bounds) : undefined,
          requestsTotal: 0,
          failedTotal: 0,
          idleReported: false,
        };
        edges.set(key, edge);
      }
      edge.requests += obs.weight;
      if (obs.failed) edge.failed += obs.weight;
      if (obs.clientSeconds !== undefined) edge.client.observe(obs.clientSeconds, obs.weight);
      if (obs.serverSeconds !== undefined) edge.server.observe(obs.serverSeconds, obs.weight);
      if (obs.delaySeconds !== undefined) edge.delay?.observe(obs.delaySeconds, obs.weight);
      return edge;
    },
    edges: () => edges.values(),
    get size() {
      return edges.size;
    },
  };
}
