/** The collector's whole config file: every component's section, and the rules across them. */
import { loadConfig, obj, oneOf } from '../config';
import type { LoadConfigOptions, ValueOf } from '../config';
import {
  otlpReceiverConfigSchema,
  forwardConfigSchema,
  validateOtlpReceiverConfig,
  validateForwardConfig,
} from '../otlp';
import { twinConfigSchema, validateTwinConfig } from '../ingest';
import { apiConfigSchema, authConfigSchema, validateAuthConfig, requiresAuthToBind } from '../api';
import { selfTelemetryConfigSchema } from './self-telemetry';
import { storeConfigSchema, validateStoreConfig } from '../store';
import { liveAnalyticsConfigSchema, prometheusHistoryConfigSchema, validateLiveAnalyticsConfig, validatePrometheusHistoryConfig } from '../analytics';
import { ConfigError } from '../config';
import { simulateConfigSchema } from '../simulate';

export const collectorConfigSchema = obj({
  receivers: obj({ otlp: otlpReceiverConfigSchema }, 'where telemetry comes in'),
  forward: forwardConfigSchema,
  twin: twinConfigSchema,
  store: storeConfigSchema,
  analytics: obj(
    { live: liveAnalyticsConfigSchema, prometheus: prometheusHistoryConfigSchema },
    'forecasts, anomaly scores and health on the twin’s signals; history from Prometheus',
  ),
  simulate: simulateConfigSchema,
  api: apiConfigSchema,
  auth: authConfigSchema,
  self_telemetry: selfTelemetryConfigSchema,
  log_level: oneOf(['debug', 'info', 'warn', 'error'] as const, 'info', 'least severe log lines written to stderr'),
});
export type CollectorConfig = ValueOf<typeof collectorConfigSchema>;

/** Loads, overrides from TWINOPS_* variables and validates; throws ConfigError listing every problem. */
export function loadCollectorConfig(options: LoadConfigOptions = {}): CollectorConfig {
  const env = options.env ?? {};
  const config = loadConfig(collectorConfigSchema, { ...options, env });
  const problems = validateCollectorConfig(config, env);
  if (problems.length > 0) throw new ConfigError(options.file ?? '(defaults)', problems);
  return config;
}

export function validateCollectorConfig(config: CollectorConfig, env: NodeJS.ProcessEnv): string[] {
  return [
    ...validateOtlpReceiverConfig(config.receivers.otlp, 'receivers.otlp'),
    ...validateForwardConfig(config.forward, 'forward'),
    ...validateTwinConfig(config.twin, 'twin'),
    ...validateStoreConfig(config.store, 'store'),
    ...validateLiveAnalyticsConfig(config.analytics.live, 'analytics.live'),
    ...validatePrometheusHistoryConfig(config.analytics.prometheus, 'analytics.prometheus'),
    ...validateAuthConfig(config.auth, env),
    ...validateBindings(config),
  ];
}

/** Listening beyond loopback without tokens would open the twin to the network: refuse, and say why. */
function validateBindings(config: CollectorConfig): string[] {
  if (config.auth.tokens.length > 0) return [];
  const { http, grpc } = config.receivers.otlp;
  const listeners: [string, string, boolean][] = [
    ['receivers.otlp.http.endpoint', http.endpoint, http.enabled],
    ['receivers.otlp.grpc.endpoint', grpc.endpoint, grpc.enabled],
    ['api.endpoint', config.api.endpoint, true],
  ];
  return listeners
    .filter(([, endpoint, enabled]) => enabled && requiresAuthToBind([endpoint]))
    .map(
      ([path, endpoint]) =>
        `${path}: ${JSON.stringify(endpoint)} is reachable from other machines; configure auth.tokens before binding beyond loopback`,
    );
}
