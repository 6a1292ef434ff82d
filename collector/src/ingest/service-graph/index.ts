/** The service graph: pairs client/server and producer/consumer spans into twin edges with per-window statistics and Grafana's service-graph series. */
export { createServiceGraph } from './service-graph';
export type { ServiceGraph, ServiceGraphSettings } from './service-graph';
export {
  serviceGraphConfigSchema,
  defaultServiceGraphConfig,
  validateServiceGraphConfig,
  DEFAULT_LATENCY_BUCKETS,
  DEFAULT_PEER_ATTRIBUTES,
} from './config';
export type { ServiceGraphConfig } from './config';
export { tracestateProbability } from './sampling-weight';
