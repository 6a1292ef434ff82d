import { obj } from '../../config';
import { defaultPrometheusHistoryConfig, prometheusHistoryConfigSchema, validatePrometheusHistoryConfig } from './config';

const root = obj({ prometheus: prometheusHistoryConfigSchema });

/** Parses a section as the root config would, then applies the cross-field rules. */
function errorsOf(raw: unknown): string[] {
  const errors: string[] = [];
  const value = root.parse({ prometheus: raw }, 'analytics', errors);
  return [...errors, ...validatePrometheusHistoryConfig(value.prometheus, 'analytics.prometheus')];
}

const signal = { query: 'hw_temperature_celsius', entity: 'hw:{{host_name}}/{{hw_id}}', signal: 'hw.temperature' };

describe('prometheus history config', () => {
  it('is off by default, reading a day at one-minute steps once turned on', () => {
    expect(defaultPrometheusHistoryConfig()).toEqual({
      url: '',
      bearerTokenEnv: '',
      lookbackSeconds: 86_400,
      stepSeconds: 60,
      timeoutSeconds: 10,
      maxSeries: 1000,
      maxPoints: 2_000_000,
      maxResponseBytes: 67_108_864,
      signals: [],
    });
    expect(errorsOf(undefined)).toEqual([]);
  });

  it('maps YAML keys to camelCase fields', () => {
    const errors: string[] = [];
    const value = prometheusHistoryConfigSchema.parse(
      { url: 'http://prom:9090', bearer_token_env: 'PROM_TOKEN', lookback_seconds: 3600, signals: [signal] },
      'analytics.prometheus',
      errors,
    );
    expect(errors).toEqual([]);
    expect(value.bearerTokenEnv).toBe('PROM_TOKEN');
    expect(value.lookbackSeconds).toBe(3600);
    expect(value.signals).toEqual([signal]);
  });

  it.each([
    [{ url: 'prom:9090', signals: [signal] }, ['analytics.prometheus.url: must be an http:// or https:// URL, got "prom:9090"']],
    [{ url: 'http://prom:9090' }, ['analytics.prometheus.signals: must list at least one query when url is set, got []']],
    [{ bearer_token_env: 'PROM TOKEN' }, ['analytics.prometheus.bearer_token_env: must be an environment variable name, got "PROM TOKEN"']],
    [{ step_seconds: 0 }, ['analytics.prometheus.step_seconds: must be a positive integer, got 0']],
    [
      { lookback_seconds: 660_001 },
      ['analytics.prometheus.lookback_seconds: must be at most 11000 steps of step_seconds (660000), as Prometheus refuses more, got 660001'],
    ],
    [{ lookback_seconds: 660_000 }, []],
    [{ signals: [{ ...signal, query: ' ' }] }, ['analytics.prometheus.signals[0].query: must not be empty, got " "']],
    [
      { signals: [signal, { ...signal, entity: 'hw:{{host_name' }] },
      ['analytics.prometheus.signals[1].entity: has "{{" without "}}" at character 4, got "hw:{{host_name"'],
    ],
    [
      { signals: [{ ...signal, signal: '{{bad-label}}' }] },
      ['analytics.prometheus.signals[0].signal: needs a label name ([a-zA-Z_][a-zA-Z0-9_]*) inside "{{ }}" at character 1, got "{{bad-label}}"'],
    ],
    [{ signals: [{ query: 'up' }] }, ['analytics.prometheus.signals[0].entity: must not be empty, got ""', 'analytics.prometheus.signals[0].signal: must not be empty, got ""']],
    [{ signals: [{ ...signal, unit: 'Cel' }] }, ['analytics.prometheus.signals[0].unit: unknown key']],
  ])('%j gives %j', (raw, errors) => {
    expect(errorsOf(raw)).toEqual(errors);
  });
});
