/**
 * The datasource against a real collector fed by the demo (started by test/collector-stack.ts):
 * every query type runs through the same code as in Grafana, with a fetch-backed backend service
 * standing in for Grafana's data proxy, and must return data.
 */
import { lastValueFrom, toArray } from 'rxjs';
import {
  CoreApp,
  FieldType,
  LoadingState,
  dateTime,
  type DataFrame,
  type DataQueryRequest,
  type DataQueryResponse,
  type DataSourceInstanceSettings,
} from '@grafana/data';
import { setBackendSrv, setTemplateSrv, type TemplateSrv } from '@grafana/runtime';
import { createFetchBackendSrv } from './backend/fetch-backend-srv';
import { DataSource } from './datasource';
import type { TwinDataSourceOptions, TwinQuery } from './types';

const PROXY = '/api/datasources/proxy/uid/twinops';
const settings = {
  id: 1,
  uid: 'twinops',
  type: 'twinops-twin-datasource',
  name: 'TwinOps',
  url: PROXY,
  jsonData: {},
  meta: {},
  access: 'proxy',
  readOnly: false,
} as unknown as DataSourceInstanceSettings<TwinDataSourceOptions>;
// $host stands for a dashboard variable.
const templateSrv = {
  replace: (value: string) => value.replace(/\$host/g, 'host:r01-s1'),
  getVariables: () => [],
  containsTemplate: () => false,
  updateTimeRange: () => undefined,
} as unknown as TemplateSrv;

function useCollector(apiUrl: string, apiToken?: string): DataSource {
  setBackendSrv(createFetchBackendSrv({ proxyBase: PROXY, apiUrl, apiToken }));
  setTemplateSrv(templateSrv);
  return new DataSource(settings);
}

function request(target: Partial<TwinQuery>, lastMs = 10 * 60_000): DataQueryRequest<TwinQuery> {
  const now = Date.now();
  return {
    requestId: 'collector',
    interval: '1s',
    intervalMs: 1000,
    range: { from: dateTime(now - lastMs), to: dateTime(now), raw: { from: 'now-10m', to: 'now' } },
    scopedVars: {},
    targets: [{ refId: 'A', ...target } as TwinQuery],
    timezone: 'utc',
    app: CoreApp.Dashboard,
    startTime: now,
  };
}

const run = async (ds: DataSource, target: Partial<TwinQuery>): Promise<DataQueryResponse> => {
  const [answer] = await lastValueFrom((ds.query(request(target)) as ReturnType<DataSource['query']>).pipe(toArray()));
  return answer;
};
/** How long after the stack's start the anomaly detectors have warmed up (15 one-second points, with margin). */
const WARM_MS = 30_000;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Runs the query until it answers with data (the demo's first seconds fill the twin), at most `seconds`. */
async function eventually(
  ds: DataSource,
  target: Partial<TwinQuery>,
  hasData: (frames: DataFrame[]) => boolean,
  seconds = 40
): Promise<DataQueryResponse> {
  let answer = await run(ds, target);
  for (let i = 0; i < seconds && !(answer.state === LoadingState.Done && hasData(answer.data)); i++) {
    await sleep(1000);
    answer = await run(ds, target);
  }
  return answer;
}

const values = (frame: DataFrame | undefined, name: string) => frame?.fields.find((f) => f.name === name)?.values ?? [];
const rows = (frames: DataFrame[], name?: string) =>
  frames.find((f) => name === undefined || f.name === name)?.length ?? 0;
const DEMO = () => ({ url: process.env.TWINOPS_DEMO_URL as string, token: process.env.TWINOPS_DEMO_TOKEN as string });

async function demoCall(method: string, path: string, body?: object): Promise<{ id?: string }> {
  const { url, token } = DEMO();
  const headers: Record<string, string> = { authorization: `Bearer ${token}` };
  if (body !== undefined) {
    headers['content-type'] = 'application/json';
  }
  const response = await fetch(`${url}${path}`, { method, headers, body: body && JSON.stringify(body) });
  expect([method, path, response.status < 300]).toEqual([method, path, true]);
  return (await response.json()) as { id?: string };
}

// The twin fills within seconds of the demo's start; a query may wait for it.
jest.setTimeout(60_000);

describe('the datasource against a real collector with the demo', () => {
  let ds: DataSource;
  beforeAll(() => {
    ds = useCollector(process.env.TWINOPS_API_URL as string);
  });

  it('Save & test succeeds and names the collector version', async () => {
    expect(await ds.testDatasource()).toMatchObject({ status: 'success', outcome: 'success' });
  });

  it('topology: the shop services and their calls, in the Node Graph frames', async () => {
    const answer = await eventually(ds, { queryType: 'topology', view: 'services' }, (f) => rows(f, 'edges') >= 5);
    const [nodes, edges] = answer.data;
    expect([nodes.name, edges.name, nodes.meta?.preferredVisualisationType]).toEqual(['nodes', 'edges', 'nodeGraph']);
    const ids = new Set(values(nodes, 'id'));
    expect(
      ['service:shop/frontend', 'service:shop/checkout', 'service:shop/payment'].filter((id) => !ids.has(id))
    ).toEqual([]);
    // Every edge joins two drawn nodes: the Node Graph draws none of a dangling one.
    expect(
      values(edges, 'source')
        .concat(values(edges, 'target'))
        .filter((id: string) => !ids.has(id))
    ).toEqual([]);
    expect(values(edges, 'source').map((s: string, i: number) => `${s}->${values(edges, 'target')[i]}`)).toContain(
      'service:shop/frontend->service:shop/checkout'
    );
  });

  it('entities: a table of the racks of a level', async () => {
    const answer = await eventually(
      ds,
      { queryType: 'entities', entityType: 'rack', level: 'asset' },
      (f) => rows(f) > 0
    );
    expect(values(answer.data[0], 'id')).toContain('rack:dc1/r01');
    expect(new Set(values(answer.data[0], 'type'))).toEqual(new Set(['rack']));
  });

  it('signals: a time series of a server power, through a template variable', async () => {
    const answer = await eventually(
      ds,
      { queryType: 'signals', entity: '$host', signal: 'hw.host.power', step: '1s' },
      (f) => rows(f) >= 3
    );
    const frame = answer.data[0] as DataFrame;
    expect(frame.fields.map((f) => f.type)).toEqual([FieldType.time, FieldType.number]);
    expect(frame.fields[1].config.unit).toBe('watt');
    expect(Math.min(...(frame.fields[1].values as number[]))).toBeGreaterThan(0);
  });

  it('forecast: the prediction with its band', async () => {
    const answer = await eventually(
      ds,
      { queryType: 'forecast', entity: 'hw:r01-s1/r01-s1-inlet', signal: 'hw.temperature', horizon: '1m' },
      (f) => rows(f) > 0,
      60
    );
    const names = (answer.data[0] as DataFrame).fields.map((f) => f.name);
    expect(names).toEqual(expect.arrayContaining(['time', 'lower', 'upper']));
    const lower = values(answer.data[0], 'lower') as number[];
    const upper = values(answer.data[0], 'upper') as number[];
    expect(lower.every((l, i) => l <= upper[i])).toBe(true);
  });

  it('anomalies, root cause and events after a fan failure', async () => {
    // Detectors learn for their first 15 points (warmup_points): a fault must come after that, or
    // its rise is learned as normal.
    await sleep(Number(process.env.TWINOPS_STACK_STARTED_AT) + WARM_MS - Date.now());
    const fault = await demoCall('POST', '/api/v1/faults', { fault: 'fan_failure', target: 'r05-s4' });
    try {
      const anomalies = await eventually(
        ds,
        { queryType: 'anomalies', entity: 'hw:r05-s4/r05-s4-cpu' },
        (f) => f.some((frame) => frame.length > 0),
        60
      );
      expect(anomalies.data.some((f) => f.length > 0)).toBe(true);
      const rca = await eventually(
        ds,
        { queryType: 'rootCause', entity: 'hw:r05-s4/r05-s4-cpu', signal: 'hw.temperature', window: '2m' },
        (f) => rows(f) > 0
      );
      expect(values(rca.data[0], 'entity')[0]).toBe('host:r05-s4');
    } finally {
      await demoCall('DELETE', `/api/v1/faults/${fault.id}`);
    }
    // A host crash makes its instances log FATAL: an event.
    const crash = await demoCall('POST', '/api/v1/faults', { fault: 'host_crash', target: 'r04-s2' });
    try {
      const events = await eventually(ds, { queryType: 'events', includeActions: false }, (f) => rows(f, 'events') > 0);
      expect(
        values(
          events.data.find((f) => f.name === 'events'),
          'severity'
        )
      ).toContain('FATAL');
    } finally {
      await demoCall('DELETE', `/api/v1/faults/${crash.id}`);
    }
  }, 150_000);

  it('simulation: an inline what-if predicts series and KPIs', async () => {
    const scenario = JSON.stringify({
      horizon_seconds: 600,
      step_seconds: 60,
      changes: [{ type: 'fail', target: 'crac:dc1/crac-a1' }],
    });
    const answer = await eventually(ds, { queryType: 'simulation', scenario }, (f) => rows(f, 'kpis') > 0, 60);
    expect(
      answer.data.filter((f) =>
        f.fields.some(
          (field: DataFrame['fields'][number]) =>
            field.name === 'predicted' || /predicted/.test(field.config.displayNameFromDS ?? '')
        )
      ).length
    ).toBeGreaterThan(0);
    expect(rows(answer.data, 'kpis')).toBeGreaterThan(0);
  }, 90_000);
});

describe('Save & test against a collector that requires a token', () => {
  it('names the token when it is wrong, and succeeds with the right one', async () => {
    const url = process.env.TWINOPS_GUARDED_API_URL as string;
    expect(await useCollector(url, 'wrong').testDatasource()).toMatchObject({
      status: 'error',
      outcome: 'unauthorized',
    });
    expect(await useCollector(url, process.env.TWINOPS_GUARDED_TOKEN).testDatasource()).toMatchObject({
      status: 'success',
    });
  });

  it('says unreachable when nothing listens at the URL', async () => {
    expect(await useCollector('http://127.0.0.1:9').testDatasource()).toMatchObject({
      status: 'error',
      outcome: 'unreachable',
    });
  });
});
