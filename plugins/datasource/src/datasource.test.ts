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
  type ScopedVars,
} from '@grafana/data';
import { setBackendSrv, setTemplateSrv, type TemplateSrv } from '@grafana/runtime';
import { DataSource } from './datasource';
import { API, INSTANCE_URL, fakeBackend, type Reply } from './test-support/fake-backend';
import { fakeEventSources } from './test-support/fake-event-source';
import * as fx from './test-support/fixtures';
import type { TwinDataSourceOptions, TwinQuery } from './types';

const FROM = fx.T0 - 3_600_000;
const TO = fx.T0;
const settings = {
  id: 1,
  uid: 'twin-uid',
  type: 'twinops-twin-datasource',
  name: 'TwinOps',
  url: INSTANCE_URL,
  jsonData: {},
  meta: {},
  access: 'proxy',
  readOnly: false,
} as unknown as DataSourceInstanceSettings<TwinDataSourceOptions>;

// $host → host:r01-s1 and $sig → hw.host.power, or what the panel's scoped variables say.
const templateSrv = {
  replace: (value: string, scoped?: ScopedVars) =>
    value.replace(/\$host/g, String(scoped?.host?.value ?? 'host:r01-s1')).replace(/\$sig/g, 'hw.host.power'),
  getVariables: () => [],
  containsTemplate: () => false,
  updateTimeRange: () => undefined,
} as unknown as TemplateSrv;

function setup(
  routes: Record<string, Reply | ((r: { params?: Record<string, unknown> }) => Reply)>,
  deps: ConstructorParameters<typeof DataSource>[1] = {}
) {
  const backend = fakeBackend(routes);
  setBackendSrv(backend.srv);
  setTemplateSrv(templateSrv);
  const sources = fakeEventSources();
  const ds = new DataSource(settings, {
    eventSource: sources.factory,
    poll: { intervalMs: 1, maxPolls: 5, sleep: async () => undefined },
    ...deps,
  });
  return { ds, requests: backend.requests, sources };
}

function request(
  targets: Array<Partial<TwinQuery>>,
  extra: Partial<DataQueryRequest<TwinQuery>> = {}
): DataQueryRequest<TwinQuery> {
  return {
    requestId: 'q1',
    interval: '1m',
    intervalMs: 60_000,
    range: { from: dateTime(FROM), to: dateTime(TO), raw: { from: 'now-1h', to: 'now' } },
    scopedVars: {},
    targets: targets.map((t, i) => ({ refId: String.fromCharCode(65 + i), ...t }) as TwinQuery),
    timezone: 'utc',
    app: CoreApp.Dashboard,
    startTime: 0,
    ...extra,
  };
}

const answers = (ds: DataSource, req: DataQueryRequest<TwinQuery>) =>
  lastValueFrom((ds.query(req) as ReturnType<DataSource['query']>).pipe(toArray()));
const names = (frames: DataFrame[]) => frames.map((f) => [f.name, f.refId]);
const field = (frame: DataFrame, name: string) => frame.fields.find((f) => f.name === name);

describe('DataSource.query, per query type', () => {
  it('topology: nodes and edges frames for the Node Graph', async () => {
    const { ds, requests } = setup({ 'GET /topology': { data: fx.topology } });
    const [answer] = await answers(
      ds,
      request([{ queryType: 'topology', view: 'services', focus: '$host', depth: 1 }])
    );
    expect([answer.key, answer.state, names(answer.data)]).toEqual([
      'A',
      LoadingState.Done,
      [
        ['nodes', 'A'],
        ['edges', 'A'],
      ],
    ]);
    expect(answer.data.map((f: DataFrame) => f.meta?.preferredVisualisationType)).toEqual(['nodeGraph', 'nodeGraph']);
    expect(field(answer.data[0], 'arc__failing')?.values).toEqual([0, 0.75, 0, 0]);
    expect(requests[0].params).toEqual({ view: 'services', focus: 'host:r01-s1', depth: 1 });
  });

  it('entities: a table from the filters', async () => {
    const { ds, requests } = setup({ 'GET /entities': { data: fx.entities } });
    const [answer] = await answers(
      ds,
      request([{ queryType: 'entities', entityType: 'host', level: 'asset', name: 'r01', attributes: 'model=$host' }])
    );
    expect(names(answer.data)).toEqual([['entities', 'A']]);
    expect(field(answer.data[0], 'id')?.values).toEqual(['host:r01-s1', 'site:dc1']);
    expect(requests[0].params).toEqual({
      type: 'host',
      level: 'asset',
      name: 'r01',
      'attr.model': 'host:r01-s1',
      limit: 1000,
    });
  });

  it('signals: a time series over the panel range, stepped by the panel interval', async () => {
    const { ds, requests } = setup({ 'GET /signals': { data: fx.cpuSeries } });
    const [answer] = await answers(
      ds,
      request([{ queryType: 'signals', entity: '$host', signal: 'system.cpu.utilization' }])
    );
    const frame = answer.data[0] as DataFrame;
    expect([frame.fields[0].type, frame.fields[1].type, frame.fields[1].config.unit]).toEqual([
      FieldType.time,
      FieldType.number,
      'percentunit',
    ]);
    expect(requests[0].params).toEqual({
      entity: 'host:r01-s1',
      name: 'system.cpu.utilization',
      from: String(FROM),
      to: String(TO),
      step: '60000',
    });
  });

  it("signals: the query's own step wins", async () => {
    const { ds, requests } = setup({ 'GET /signals': { data: fx.cpuSeries } });
    await answers(ds, request([{ queryType: 'signals', entity: 'host:r01-s1', signal: 'x', step: '5m' }]));
    expect(requests[0].params?.step).toBe('5m');
  });

  it('forecast: prediction and band', async () => {
    const { ds, requests } = setup({ 'GET /forecast': { data: fx.forecast } });
    const [answer] = await answers(
      ds,
      request([{ queryType: 'forecast', entity: '$host', signal: '$sig', horizon: '2h' }])
    );
    expect((answer.data[0] as DataFrame).fields.map((f) => f.name)).toEqual(['time', 'forecast', 'lower', 'upper']);
    expect(requests[0].params).toEqual({ entity: 'host:r01-s1', signal: 'hw.host.power', horizon: '2h' });
  });

  it('anomalies: score series and an annotations frame', async () => {
    const { ds, requests } = setup({ 'GET /anomalies': { data: { items: fx.anomalies } } });
    const [answer] = await answers(ds, request([{ queryType: 'anomalies', minScore: 0.8, limit: 50 }]));
    expect(names(answer.data)).toEqual([
      ['crac:dc1/crac-a1 hw.temperature anomaly score', 'A'],
      ['host:r01-s1 hw.host.power anomaly score', 'A'],
      ['anomalies', 'A'],
    ]);
    expect(requests[0].params).toEqual({ from: String(FROM), to: String(TO), minScore: 0.8, limit: 50 });
  });

  it('root cause: a ranked table, at the end of the range over the range by default', async () => {
    const { ds, requests } = setup({ 'GET /rca': { data: { items: fx.rootCause } } });
    const [answer] = await answers(ds, request([{ queryType: 'rootCause', entity: '$host', signal: '$sig' }]));
    expect(field(answer.data[0], 'rank')?.values).toEqual([1, 2]);
    expect(requests[0].params).toEqual({
      entity: 'host:r01-s1',
      signal: 'hw.host.power',
      at: String(TO),
      window: '3600000',
    });
  });

  it('simulation: a saved scenario, polled until done', async () => {
    const { ds, requests } = setup({
      'POST /scenarios/double-load/run': { status: 202, data: { id: 'sim-9', status: 'queued', submittedAt: 1 } },
      'GET /simulations/sim-9': { data: { ...fx.simulationDone, id: 'sim-9' } },
    });
    const [answer] = await answers(ds, request([{ queryType: 'simulation', scenarioName: 'double-load' }]));
    expect(names(answer.data).map(([n]) => n)).toEqual([
      'host:r01-s1 hw.host.power',
      'database:redis/0 service.requests_per_second',
      'violations',
      'kpis',
    ]);
    expect(requests.map((r) => `${r.method} ${r.url.slice(API.length)}`)).toEqual([
      'POST /scenarios/double-load/run',
      'GET /simulations/sim-9',
    ]);
  });

  it('simulation: an inline scenario with variables replaced', async () => {
    const { ds, requests } = setup({ 'POST /simulations': { data: fx.simulationDone } });
    await answers(
      ds,
      request([{ queryType: 'simulation', scenario: '{"changes":[{"type":"fail","target":"$host"}]}' }])
    );
    expect(requests[0].data).toEqual({ changes: [{ type: 'fail', target: 'host:r01-s1' }] });
  });

  it('events: log events and actions of the range, and annotations', async () => {
    const { ds, requests } = setup({
      'GET /events': { data: { items: fx.logEvents } },
      'GET /audit': { data: { items: fx.auditRecords } },
    });
    const [answer] = await answers(
      ds,
      request([{ queryType: 'events', limit: 20 }], {
        range: { from: dateTime(FROM), to: dateTime(fx.T0 + 60_000), raw: { from: 'now-1h', to: 'now' } },
      })
    );
    expect(names(answer.data)).toEqual([
      ['events', 'A'],
      ['event annotations', 'A'],
    ]);
    expect(field(answer.data[0], 'message')?.values).toEqual([
      'api: set desired fan.speed',
      'payment timed out',
      'fan speed low',
    ]);
    expect(requests.map((r) => [r.url.slice(API.length), r.params])).toEqual([
      ['/events', { from: String(FROM), to: String(fx.T0 + 60_000), limit: 20 }],
      ['/audit', { limit: 20 }],
    ]);
  });

  it('events: without actions when turned off, and without the audit route on a collector with no store', async () => {
    const off = setup({ 'GET /events': { data: { items: fx.logEvents } } });
    const [answer] = await answers(off.ds, request([{ queryType: 'events', includeActions: false }]));
    expect([answer.state, off.requests.length]).toEqual([LoadingState.Done, 1]);
    const missing = setup({ 'GET /events': { data: { items: [] } } });
    const [second] = await answers(missing.ds, request([{ queryType: 'events' }]));
    expect([second.state, field(second.data[0], 'message')?.values]).toEqual([LoadingState.Done, []]);
  });
});

describe('DataSource.query, several targets and errors', () => {
  it('answers each target under its refId, skips hidden ones, and passes scoped variables', async () => {
    const { ds, requests } = setup({
      'GET /signals': (r) => ({ data: { ...fx.cpuSeries, entity: String(r.params?.entity) } }),
      'GET /topology': { data: fx.topology },
    });
    const req = request(
      [
        { queryType: 'signals', entity: '$host', signal: 's' },
        { queryType: 'topology', hide: true },
        { queryType: 'topology' },
      ],
      { scopedVars: { host: { text: 'h', value: 'host:repeat' } } }
    );
    const got = await answers(ds, req);
    expect(got.map((a) => [a.key, a.state])).toEqual([
      ['A', LoadingState.Done],
      ['C', LoadingState.Done],
    ]);
    expect(requests.map((r) => r.params?.entity ?? r.url.slice(API.length))).toEqual(['host:repeat', '/topology']);
  });

  it("shows the collector's message for a failing target, beside the others", async () => {
    const { ds } = setup({
      'GET /forecast': {
        status: 409,
        data: {
          error: {
            code: 'insufficient_history',
            message: 'signal: "hw.host.power" of entity "host:r01-s1" has too little history for a forecast yet',
          },
        },
      },
      'GET /topology': { data: fx.topology },
    });
    const got = await answers(
      ds,
      request([{ queryType: 'forecast', entity: '$host', signal: '$sig' }, { queryType: 'topology' }])
    );
    const failed = got.find((a) => a.key === 'A') as DataQueryResponse;
    expect(failed).toEqual({
      data: [],
      key: 'A',
      state: LoadingState.Error,
      errors: [
        {
          message:
            'TwinOps collector: 409 signal: "hw.host.power" of entity "host:r01-s1" has too little history for a forecast yet',
          refId: 'A',
          status: 409,
        },
      ],
    });
    expect(got.find((a) => a.key === 'B')?.state).toBe(LoadingState.Done);
  });

  it.each([
    [{ queryType: 'signals' }, 'signals: choose an entity'],
    [{ queryType: 'forecast', entity: 'a' }, 'forecast: choose a signal'],
    [{ queryType: 'simulation' }, 'simulation: choose a saved scenario or write an inline one'],
    [
      { queryType: 'entities', attributes: 'oops' },
      'attributes: expected key=value pairs separated by commas, got "oops"',
    ],
  ])('explains an incomplete query %j', async (target, message) => {
    const { ds, requests } = setup({});
    const [answer] = await answers(ds, request([target as Partial<TwinQuery>]));
    expect([answer.state, answer.errors]).toEqual([LoadingState.Error, [{ message, refId: 'A' }]]);
    expect(requests).toEqual([]);
  });

  it('names a network failure', async () => {
    const { ds } = setup({ 'GET /topology': { networkError: 'Failed to fetch' } });
    const [answer] = await answers(ds, request([{ queryType: 'topology' }]));
    expect(answer.errors).toEqual([
      { message: 'TwinOps collector unreachable: network error: Failed to fetch', refId: 'A' },
    ]);
  });

  it('runs a query without a type as the default topology, and answers no targets with no data', async () => {
    const { ds, requests } = setup({ 'GET /topology': { data: fx.topology } });
    await answers(ds, request([{}]));
    expect(requests[0].params).toEqual({ view: 'all' });
    expect(await answers(ds, request([]))).toEqual([{ data: [], state: LoadingState.Done }]);
    expect([ds.filterQuery({ refId: 'A', queryType: 'topology', hide: true }), ds.getDefaultQuery()]).toEqual([
      false,
      { queryType: 'topology', view: 'all' },
    ]);
  });
});

describe('DataSource.testDatasource', () => {
  const statusOk = {
    'GET /healthz': { data: { status: 'ok' } },
    'GET /status': { data: { name: 'twinops-collector', version: '0.1.0', api: 'v1' } },
  };

  it('succeeds naming the collector version', async () => {
    const { ds, requests } = setup(statusOk);
    await expect(ds.testDatasource()).resolves.toEqual({
      status: 'success',
      outcome: 'success',
      message: 'Connected to twinops-collector 0.1.0 (API v1)',
    });
    expect(requests.map((r) => r.url)).toEqual([`${INSTANCE_URL}/twin/healthz`, `${API}/status`]);
  });

  it('says when the collector is unreachable', async () => {
    const { ds } = setup({
      'GET /healthz': { status: 502, statusText: 'Bad Gateway', data: { message: 'Bad Gateway' } },
    });
    const result = await ds.testDatasource();
    expect([result.status, result.outcome, result.message]).toEqual([
      'error',
      'unreachable',
      'Unreachable: TwinOps collector not reached through the Grafana data proxy: 502 Bad Gateway',
    ]);
  });

  it('says when the token is refused', async () => {
    const { ds } = setup({
      ...statusOk,
      'GET /status': {
        status: 401,
        data: { error: { code: 'unauthenticated', message: 'the bearer token is not valid' } },
      },
    });
    const result = await ds.testDatasource();
    expect([result.outcome, result.message]).toEqual([
      'unauthorized',
      'Unauthorized: TwinOps collector: 401 the bearer token is not valid',
    ]);
  });

  it('says when the API version differs', async () => {
    const { ds } = setup({
      ...statusOk,
      'GET /status': { data: { name: 'twinops-collector', version: '1.0.0', api: 'v2' } },
    });
    const result = await ds.testDatasource();
    expect([result.outcome, result.message]).toEqual([
      'incompatible',
      'Incompatible API version: twinops-collector 1.0.0 speaks API v2, this datasource needs v1',
    ]);
  });
});

describe('DataSource variables and annotations', () => {
  it('lists entity ids with variables replaced in the filters', async () => {
    const { ds, requests } = setup({ 'GET /entities': { data: fx.entities } });
    await expect(ds.metricFindQuery({ kind: 'entities', entityType: 'host' })).resolves.toEqual([
      { text: 'host:r01-s1', value: 'host:r01-s1' },
      { text: 'site:dc1', value: 'site:dc1' },
    ]);
    expect(requests[0].params).toEqual({ type: 'host', limit: 1000 });
  });

  it('lists the signal names of a templated entity', async () => {
    const { ds, requests } = setup({ 'GET /entities/host%3Ar01-s1': { data: fx.hostDetail } });
    const values = await ds.metricFindQuery({ kind: 'signals', entity: '$host' });
    expect(values.map((v) => v.text)).toEqual(['hw.host.power', 'system.cpu.utilization', 'system.memory.utilization']);
    expect(requests[0].url).toBe(`${API}/entities/host%3Ar01-s1`);
  });

  it('has annotation support that reads the annotation frames', () => {
    const { ds } = setup({});
    expect(typeof ds.annotations.processEvents).toBe('function');
  });
});

describe('DataSource live mode', () => {
  const tick = () => new Promise((resolve) => setTimeout(resolve, 5));

  it('re-runs other targets on relevant changes, streams points into Signals targets, and closes the streams on unsubscribe', async () => {
    const { ds, sources, requests } = setup(
      { 'GET /topology': { data: fx.topology }, 'GET /signals': { data: fx.cpuSeries } },
      { liveThrottleMs: 0 }
    );
    const seen: DataQueryResponse[] = [];
    const subscription = ds
      .query(
        request([{ queryType: 'topology' }, { queryType: 'signals', entity: '$host', signal: 'cpu' }], {
          liveStreaming: true,
        })
      )
      .subscribe((r) => seen.push(r));
    await tick();
    // The topology target reads the plain change stream; the Signals target watches its signal.
    expect(sources.opened.map((s) => [s.url, s.closed])).toEqual([
      [`${API}/stream`, false],
      [`${API}/stream?kinds=signal.added&watch=host%3Ar01-s1%7Ccpu`, false],
    ]);
    const [changes, points] = sources.opened;
    expect(seen.map((r) => [r.key, r.state])).toEqual([
      ['A', LoadingState.Streaming],
      ['B', LoadingState.Streaming],
    ]);
    changes.emit('relation.added', { kind: 'relation.added', relation: { id: 'r' }, at: 3 });
    await tick();
    expect(requests.map((r) => r.url.slice(API.length))).toEqual(['/topology', '/signals', '/topology']);
    // A point is added to the frame as it is, with no request: the 1 h window keeps the older points.
    points.emit('signal.point', { entity: 'host:r01-s1', signal: 'cpu', t: fx.T0 + 1000, v: 0.5 });
    await tick();
    expect(requests.length).toBe(3);
    const last = seen[seen.length - 1];
    expect([
      seen.length,
      last.key,
      last.state,
      field(last.data[0], 'time')?.values,
      field(last.data[0], 'value')?.values,
    ]).toEqual([4, 'B', LoadingState.Streaming, [fx.T0 - 60_000, fx.T0, fx.T0 + 1000], [0.1157, null, 0.5]]);
    // The signal appearing anew runs the Signals target again.
    points.emit('signal.added', { kind: 'signal.added', entity: 'host:r01-s1', signal: 'cpu', at: 4 });
    await tick();
    expect(requests.map((r) => r.url.slice(API.length))).toEqual(['/topology', '/signals', '/topology', '/signals']);
    subscription.unsubscribe();
    expect(sources.opened.map((s) => s.closed)).toEqual([true, true]);
  });

  it('opens one stream per distinct watched signal, shared by the targets that watch it', async () => {
    const { ds, sources } = setup({ 'GET /signals': { data: fx.cpuSeries } });
    const subscription = ds
      .query(
        request(
          [
            { queryType: 'signals', entity: '$host', signal: 'cpu' },
            { queryType: 'signals', entity: 'host:r01-s1', signal: 'cpu' },
            { queryType: 'signals', entity: '$host', signal: '$sig' },
          ],
          { liveStreaming: true }
        )
      )
      .subscribe(() => undefined);
    await tick();
    expect(sources.opened.map((s) => s.url)).toEqual([
      `${API}/stream?kinds=signal.added&watch=host%3Ar01-s1%7Ccpu`,
      `${API}/stream?kinds=signal.added&watch=host%3Ar01-s1%7Chw.host.power`,
    ]);
    subscription.unsubscribe();
    expect(sources.opened.map((s) => s.closed)).toEqual([true, true]);
  });

  it('opens no stream when the dashboard is not live', async () => {
    const { ds, sources } = setup({ 'GET /topology': { data: fx.topology } });
    await answers(ds, request([{ queryType: 'topology' }]));
    expect(sources.opened).toEqual([]);
  });
});
