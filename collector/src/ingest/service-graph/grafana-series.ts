import type { MetricsRegistry } from '../../model';
import type { Edge, EdgeObservation } from './edge-table';

/**
 * Grafana's service-graph view (Tempo datasource, "Service Graph") reads these exact series; the
 * namespace labels let it group nodes as <namespace>/<name> (an empty value is the same as no
 * label to Prometheus, so services without a namespace lose nothing).
 */
export const GRAFANA_LABELS = [
  'client',
  'server',
  'connection_type',
  'client_service_namespace',
  'server_service_namespace',
] as const;

export interface GrafanaSeries {
  /** Latency histograms take each request as it completes (exact sums). */
  observe(edge: Edge, obs: EdgeObservation): void;
  /** Counters take the window's totals at once at the window's end (one call per edge, not per span). */
  flush(edge: Edge): void;
}

export function createGrafanaSeries(metrics: MetricsRegistry, buckets: readonly number[]): GrafanaSeries {
  const requests = metrics.counter(
    'traces_service_graph_request_total',
    'Requests between two nodes of the service graph (sampling-scaled).',
    GRAFANA_LABELS,
  );
  const failed = metrics.counter(
    'traces_service_graph_request_failed_total',
    'Failed requests between two nodes of the service graph (sampling-scaled).',
    GRAFANA_LABELS,
  );
  const server = metrics.histogram(
    'traces_service_graph_request_server_seconds',
    'Request duration seen by the server (or by the client when the server sends no spans), in seconds.',
    GRAFANA_LABELS,
    buckets,
  );
  const client = metrics.histogram(
    'traces_service_graph_request_client_seconds',
    'Request duration seen by the client (or by the server when the client sends no spans), in seconds.',
    GRAFANA_LABELS,
    buckets,
  );
  return {
    observe(edge, obs) {
      const series = (edge.latencySeries ??= { server: server.bind(edge.labels), client: client.bind(edge.labels) });
      if (obs.serverSeconds !== undefined) series.server.observe(obs.serverSeconds, obs.weight);
      if (obs.clientSeconds !== undefined) series.client.observe(obs.clientSeconds, obs.weight);
    },
    flush(edge) {
      if (edge.requests > 0) requests.inc(edge.labels, edge.requests);
      // A failed series only once something failed, as the reference builders do.
      if (edge.failed > 0) failed.inc(edge.labels, edge.failed);
    },
  };
}
