/** Twin-derived and self-reported signals out of the collector: the Prometheus registry behind /metrics. */
export { createPrometheusRegistry } from './prometheus-registry';
export type { PrometheusRegistry, PrometheusRegistrySettings } from './prometheus-registry';
