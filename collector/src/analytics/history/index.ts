/** History of configured signals read from a Prometheus query API at start, to prime forecasts and anomaly detectors. */
export {
  prometheusHistoryConfigSchema,
  defaultPrometheusHistoryConfig,
  validatePrometheusHistoryConfig,
  PROMETHEUS_MAX_STEPS,
} from './config';
export type { PrometheusHistoryConfig, HistorySignalConfig } from './config';
export { readPrometheusHistory, collectPrometheusHistory } from './read-prometheus-history';
export type { PrometheusHistorySettings, PrometheusHistoryReport } from './read-prometheus-history';
export type { Fetch } from './query-range';
