import { int, list, num, obj, str } from '../../config';
import type { ValueOf } from '../../config';

/**
 * Latency buckets (seconds): the OpenTelemetry Collector connector's list, so dashboards built for
 * it read the same `le` values, and 2 ms steps at the fast end where most calls sit (Tempo's
 * 0.1 x 2^n puts every call under 100 ms in one bucket). 30 and 60 s added for slow and async work.
 */
export const DEFAULT_LATENCY_BUCKETS = [
  0.002, 0.004, 0.006, 0.008, 0.01, 0.05, 0.1, 0.2, 0.4, 0.8, 1, 1.4, 2, 5, 10, 15, 30, 60,
];

/**
 * Where a callee without spans gets its name, first present wins (span attributes, then resource).
 * A key of a known family builds that family's node: db.* -> database:<system>/<namespace>,
 * messaging.* -> messaging:<system>/<destination>, server.address / net.peer.name ->
 * external:<host>[:port], network.peer.address / net.sock.peer.addr -> external:<address>; any
 * other key (service.peer.name, peer.service, a custom one) names a service: service:<value>.
 */
export const DEFAULT_PEER_ATTRIBUTES = [
  'service.peer.name',
  'peer.service',
  'db.system.name',
  'db.system',
  'messaging.system',
  'server.address',
  'net.peer.name',
  'network.peer.address',
  'net.sock.peer.addr',
];

/** The `twin.service_graph` section: pairing store, windows, limits and virtual-node naming. */
export const serviceGraphConfigSchema = obj({
  wait_seconds: num(
    10,
    'how long a client (producer) span waits for its server (consumer) and back; longer than the 2 s of the collector connector so slow and async calls still pair',
    { min: 0.001, max: 3600 },
  ),
  max_pending: int(100_000, 'half-edges waiting for their partner at most; a span arriving when full is dropped and counted by kind', {
    min: 1,
  }),
  window_seconds: num(15, 'edge and service statistics are computed and written per window of this length', { min: 1, max: 3600 }),
  max_edges: int(10_000, 'distinct edges kept (and exported at /metrics) at most; new edges beyond it are dropped and counted', {
    min: 1,
  }),
  sampling_probability_attribute: str(
    '',
    "a span (then resource) attribute holding the sampling probability in (0, 1]; counts are scaled by its inverse; '' = off (the tracestate ot=th: threshold is always read)",
  ),
  virtual_node_peer_attributes: list(str('', 'an attribute key'), DEFAULT_PEER_ATTRIBUTES, 'where a callee without spans gets its name, first present wins'),
  latency_buckets_seconds: list(num(0, 'an upper bound in seconds'), DEFAULT_LATENCY_BUCKETS, 'bounds (s, increasing) of the exported latency and messaging-delay histograms (traces_service_graph_*_seconds); the twin’s own p50/p95/p99 use a finer grid'),
});

export type ServiceGraphConfig = ValueOf<typeof serviceGraphConfigSchema>;

export function defaultServiceGraphConfig(): ServiceGraphConfig {
  return serviceGraphConfigSchema.parse({}, 'twin.service_graph', []);
}

/** Cross-field rules the schema cannot state; `path` is where the section sits. */
export function validateServiceGraphConfig(config: ServiceGraphConfig, path = 'twin.service_graph'): string[] {
  const errors: string[] = [];
  const buckets = config.latencyBucketsSeconds;
  if (buckets.length === 0) errors.push(`${path}.latency_buckets_seconds: must not be empty`);
  for (let i = 1; i < buckets.length; i++) {
    if (!(buckets[i] > buckets[i - 1])) {
      errors.push(`${path}.latency_buckets_seconds: must be strictly increasing, got ${JSON.stringify(buckets)}`);
      break;
    }
  }
  if (config.virtualNodePeerAttributes.some((key) => key === '')) {
    errors.push(`${path}.virtual_node_peer_attributes: must not contain an empty key`);
  }
  return errors;
}
