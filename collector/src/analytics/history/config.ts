import { int, list, obj, str } from '../../config';
import type { ValueOf } from '../../config';
import { isTemplateError, parseLabelTemplate } from './label-template';

/** Prometheus refuses a range query spanning more steps than this. */
export const PROMETHEUS_MAX_STEPS = 11_000;

const historySignalSchema = obj({
  query: str('', 'PromQL expression evaluated over the lookback window (one range query per entry)'),
  entity: str('', 'entity id of each result series, with {{label}} taken from its labels, e.g. hw:{{host_name}}/{{hw_id}}'),
  signal: str('', 'signal name of each result series, with {{label}} allowed, e.g. hw.temperature'),
});

/** The `analytics.prometheus` section: recent history read from a Prometheus at start, so forecasts work from the first minute. */
export const prometheusHistoryConfigSchema = obj({
  url: str('', 'base URL of the Prometheus HTTP API (e.g. http://prometheus:9090); empty: read no history', {
    regex: /^https?:\/\/[^\s/]+/,
    rule: 'an http:// or https:// URL',
  }),
  bearer_token_env: str('', 'name of the environment variable holding a bearer token for Prometheus; empty: no Authorization header', {
    regex: /^[A-Za-z_][A-Za-z0-9_]*$/,
    rule: 'an environment variable name',
  }),
  lookback_seconds: int(86_400, 'how far back history is read; a day covers one daily cycle', { min: 1 }),
  step_seconds: int(60, 'spacing of the points read (the range query step)', { min: 1 }),
  timeout_seconds: int(10, 'each query, body included, is abandoned after this long', { min: 1 }),
  max_series: int(1000, 'series read across all queries; the rest are not read (reported)', { min: 1 }),
  max_points: int(2_000_000, 'points read across all queries (about 60 MB of memory at the cap)', { min: 1 }),
  max_response_bytes: int(67_108_864, 'a query answer larger than this is abandoned (reported)', { min: 1 }),
  signals: list(historySignalSchema, [], 'what to read: each query result series becomes one entity signal'),
});

export type PrometheusHistoryConfig = ValueOf<typeof prometheusHistoryConfigSchema>;
export type HistorySignalConfig = ValueOf<typeof historySignalSchema>;

export function defaultPrometheusHistoryConfig(): PrometheusHistoryConfig {
  return structuredClone(prometheusHistoryConfigSchema.defaultValue);
}

/** Rules across fields; `path` is where the section sits (normally `analytics.prometheus`). */
export function validatePrometheusHistoryConfig(config: PrometheusHistoryConfig, path: string): string[] {
  const errors: string[] = [];
  // Prometheus's own rule: (end - start) / step may not exceed 11,000.
  const most = PROMETHEUS_MAX_STEPS * config.stepSeconds;
  if (config.lookbackSeconds > most) {
    errors.push(
      `${path}.lookback_seconds: must be at most ${PROMETHEUS_MAX_STEPS} steps of step_seconds (${most}), as Prometheus refuses more, got ${config.lookbackSeconds}`,
    );
  }
  if (config.url !== '' && config.signals.length === 0) {
    errors.push(`${path}.signals: must list at least one query when url is set, got []`);
  }
  config.signals.forEach((signal, i) => {
    const at = `${path}.signals[${i}]`;
    if (signal.query.trim() === '') errors.push(`${at}.query: must not be empty, got ${JSON.stringify(signal.query)}`);
    for (const key of ['entity', 'signal'] as const) {
      const parsed = parseLabelTemplate(signal[key]);
      if (isTemplateError(parsed)) errors.push(`${at}.${key}: ${parsed.error}, got ${JSON.stringify(signal[key])}`);
    }
  });
  return errors;
}
