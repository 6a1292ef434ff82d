import type { LogFields } from '../../model';
import { defaultPrometheusHistoryConfig } from './config';
import type { PrometheusHistoryConfig } from './config';
import type { Fetch } from './query-range';
import { collectPrometheusHistory, readPrometheusHistory } from './read-prometheus-history';

/** 2024-01-01T00:00:30Z: the window ends at the whole minute before. */
const NOW = 1_704_067_230_000;
const END = 1_704_067_200;

type Series = { metric: Record<string, string>; values: [number, string][] };

function matrix(result: Series[]): Response {
  return new Response(JSON.stringify({ status: 'success', data: { resultType: 'matrix', result } }));
}

/** Answers each query from `answers` (by PromQL text), recording the URLs asked. */
function fakePrometheus(answers: Record<string, () => Response | Promise<Response>>) {
  const urls: URL[] = [];
  const fetch = (async (input: string | URL | Request) => {
    const url = new URL(String(input));
    urls.push(url);
    const answer = answers[url.searchParams.get('query') ?? ''];
    return answer ? answer() : new Response('no such query', { status: 404 });
  }) as Fetch;
  return { fetch, urls };
}

function config(extra: Partial<PrometheusHistoryConfig>): PrometheusHistoryConfig {
  return {
    ...defaultPrometheusHistoryConfig(),
    url: 'http://prom:9090',
    signals: [{ query: 'hw_temperature_celsius', entity: 'hw:{{host_name}}/{{hw_id}}', signal: 'hw.temperature' }],
    ...extra,
  };
}

function settings(fetch: Fetch, env: Record<string, string> = {}) {
  const logs: { level: string; message: string; fields?: LogFields }[] = [];
  const log = (level: string) => (message: string, fields?: LogFields) => logs.push({ level, message, fields });
  const logger = { debug: log('debug'), info: log('info'), warn: log('warn'), error: log('error') };
  return { clock: { now: () => NOW }, logger, fetch, env, logs };
}

const temp = (host: string, id: string, values: [number, string][]): Series => ({
  metric: { __name__: 'hw_temperature_celsius', host_name: host, hw_id: id },
  values,
});

describe('collectPrometheusHistory', () => {
  it('asks one range query per signal over [now − lookback, now] at the step, aligned to the step', async () => {
    const { fetch, urls } = fakePrometheus({ hw_temperature_celsius: () => matrix([]), up: () => matrix([]) });
    const signals = [...config({}).signals, { query: 'up', entity: 'service:{{job}}', signal: 'up' }];
    await collectPrometheusHistory(config({ signals, lookbackSeconds: 3600, stepSeconds: 15 }), settings(fetch));
    expect(urls.map((u) => Object.fromEntries(u.searchParams))).toEqual([
      { query: 'hw_temperature_celsius', start: String(END + 30 - 3600), end: String(END + 30), step: '15' },
      { query: 'up', start: String(END + 30 - 3600), end: String(END + 30), step: '15' },
    ]);
    expect(urls[0].pathname).toBe('/api/v1/query_range');
  });

  it('maps each series through the templates, skipping NaN and infinite values', async () => {
    const { fetch } = fakePrometheus({
      hw_temperature_celsius: () =>
        matrix([
          temp('srv-1', 't0', [[END - 120, '21.5'], [END - 60, 'NaN'], [END, '22']]),
          temp('srv-2', 't0', [[END - 60, '+Inf'], [END, '-Inf'], [END + 0.5, '1e3']]),
        ]),
    });
    expect(await collectPrometheusHistory(config({}), settings(fetch))).toEqual({
      history: [
        { entity: 'hw:srv-1/t0', signal: 'hw.temperature', points: [{ t: (END - 120) * 1000, v: 21.5 }, { t: END * 1000, v: 22 }] },
        { entity: 'hw:srv-2/t0', signal: 'hw.temperature', points: [{ t: END * 1000 + 500, v: 1000 }] },
      ],
      problems: [],
      skippedPoints: 3,
    });
  });

  it('skips series lacking a label the templates need, and series mapping onto one already read', async () => {
    const signals = [
      { query: 'hw_temperature_celsius', entity: 'hw:{{host_name}}/{{hw_id}}', signal: 'hw.{{kind}}' },
      { query: 'hw_temperature_celsius', entity: 'hw:{{host_name}}/{{hw_id}}', signal: 'hw.temperature' },
    ];
    const point: [number, string][] = [[END, '1']];
    const { fetch } = fakePrometheus({
      hw_temperature_celsius: () =>
        matrix([
          temp('srv-1', 't0', point),
          { metric: { host_name: 'srv-2' }, values: point },
          { metric: { host_name: 'srv-3' }, values: point },
          { metric: { hw_id: 't9' }, values: point },
          { metric: { host_name: 'srv-1', hw_id: 't0', kind: 'temperature' }, values: point },
          { metric: { host_name: 'srv-1', hw_id: 't0', kind: 'humidity' }, values: point },
        ]),
    });
    const report = await collectPrometheusHistory(config({ signals }), settings(fetch));
    expect(report.history.map((h) => `${h.entity} ${h.signal}`)).toEqual(['hw:srv-1/t0 hw.temperature', 'hw:srv-1/t0 hw.humidity']);
    expect(report.problems).toEqual([
      'query "hw_temperature_celsius": 1 series skipped, lacking label "kind" used by the signal template "hw.{{kind}}"',
      'query "hw_temperature_celsius": 2 series skipped, lacking label "hw_id" used by the entity template "hw:{{host_name}}/{{hw_id}}"',
      'query "hw_temperature_celsius": 1 series skipped, lacking label "host_name" used by the entity template "hw:{{host_name}}/{{hw_id}}"',
      'query "hw_temperature_celsius": 2 series skipped, lacking label "hw_id" used by the entity template "hw:{{host_name}}/{{hw_id}}"',
      'query "hw_temperature_celsius": 1 series skipped, lacking label "host_name" used by the entity template "hw:{{host_name}}/{{hw_id}}"',
      'query "hw_temperature_celsius": 3 series skipped, mapped to an entity and signal already read (first: entity "hw:srv-1/t0", signal "hw.temperature"); the templates need more labels',
    ]);
  });

  it('reports a failed query with the query and goes on with the next', async () => {
    const { fetch } = fakePrometheus({
      'rate(x[5m]': () =>
        new Response(JSON.stringify({ status: 'error', errorType: 'bad_data', error: '1:11: parse error: unclosed left parenthesis' }), {
          status: 400,
        }),
      hw_temperature_celsius: () => matrix([temp('srv-1', 't0', [[END, '20']])]),
    });
    const signals = [{ query: 'rate(x[5m]', entity: 'x', signal: 'x' }, ...config({}).signals];
    const report = await collectPrometheusHistory(config({ signals }), settings(fetch));
    expect(report.problems).toEqual([
      'query "rate(x[5m]": Prometheus error (HTTP 400, bad_data): 1:11: parse error: unclosed left parenthesis',
    ]);
    expect(report.history).toEqual([{ entity: 'hw:srv-1/t0', signal: 'hw.temperature', points: [{ t: END * 1000, v: 20 }] }]);
  });

  it('caps the series and points read, and sends no more queries once max_series is reached', async () => {
    const point: [number, string][] = [[END - 60, '1'], [END, '2']];
    const { fetch, urls } = fakePrometheus({
      hw_temperature_celsius: () => matrix([temp('a', '0', point), temp('b', '0', point), temp('c', '0', point), temp('d', '0', point)]),
      up: () => matrix([{ metric: { job: 'j' }, values: point }]),
    });
    const signals = [...config({}).signals, { query: 'up', entity: 'service:{{job}}', signal: 'up' }];
    const bySeries = await collectPrometheusHistory(config({ signals, maxSeries: 3 }), settings(fetch));
    expect(bySeries.history.map((h) => h.entity)).toEqual(['hw:a/0', 'hw:b/0', 'hw:c/0']);
    expect(bySeries.problems).toEqual([
      'query "hw_temperature_celsius": max_series (3) reached, 1 series not read',
      'query "up": not sent, max_series (3) already reached',
    ]);
    expect(urls).toHaveLength(1);
    const byPoints = await collectPrometheusHistory(config({ signals, maxPoints: 5 }), settings(fetch));
    expect(byPoints.history.map((h) => h.entity)).toEqual(['hw:a/0', 'hw:b/0']);
    expect(byPoints.problems).toEqual([
      'query "hw_temperature_celsius": max_points (5) reached, 2 series not read',
      'query "up": max_points (5) reached, 1 series not read',
    ]);
  });

  it('sends the bearer token from the named variable, and nothing when it is unset', async () => {
    const seen: (string | null)[] = [];
    const fetch = (async (_input: string | URL | Request, init?: RequestInit) => {
      seen.push(new Headers(init?.headers).get('authorization'));
      return matrix([]);
    }) as Fetch;
    const withToken = config({ bearerTokenEnv: 'PROM_TOKEN' });
    expect((await collectPrometheusHistory(withToken, settings(fetch, { PROM_TOKEN: 'abc' }))).problems).toEqual([]);
    expect(seen).toEqual(['Bearer abc']);
    expect(await collectPrometheusHistory(withToken, settings(fetch))).toEqual({
      history: [],
      problems: ['bearer_token_env: environment variable PROM_TOKEN is not set; no query sent'],
      skippedPoints: 0,
    });
    expect(seen).toHaveLength(1);
  });

  it('reports a template that does not parse (config not validated) without sending its query', async () => {
    const { fetch, urls } = fakePrometheus({});
    const signals = [{ query: 'up', entity: '{{job', signal: 'up' }];
    expect((await collectPrometheusHistory(config({ signals }), settings(fetch))).problems).toEqual([
      'query "up": entity template has "{{" without "}}" at character 1, got "{{job"',
    ]);
    expect(urls).toEqual([]);
  });
});

describe('readPrometheusHistory', () => {
  it('reads nothing and logs nothing when no url is configured', async () => {
    const { fetch, urls } = fakePrometheus({});
    const s = settings(fetch);
    expect(await readPrometheusHistory(defaultPrometheusHistoryConfig(), s)).toEqual([]);
    expect(urls).toEqual([]);
    expect(s.logs).toEqual([]);
  });

  it('resolves with what was read, logging one warning per problem and a summary', async () => {
    const { fetch } = fakePrometheus({
      hw_temperature_celsius: () => matrix([temp('srv-1', 't0', [[END - 60, '20'], [END, 'NaN']])]),
    });
    const signals = [...config({}).signals, { query: 'down', entity: 'x', signal: 'x' }];
    const s = settings(fetch);
    expect(await readPrometheusHistory(config({ signals }), s)).toEqual([
      { entity: 'hw:srv-1/t0', signal: 'hw.temperature', points: [{ t: (END - 60) * 1000, v: 20 }] },
    ]);
    expect(s.logs).toEqual([
      { level: 'warn', message: 'prometheus history not fully read', fields: { problem: 'query "down": HTTP 404: no such query' } },
      {
        level: 'info',
        message: 'prometheus history read',
        fields: { url: 'http://prom:9090', queries: 2, series: 1, points: 1, skipped_points: 1, problems: 1, duration_ms: 0 },
      },
    ]);
  });
});
