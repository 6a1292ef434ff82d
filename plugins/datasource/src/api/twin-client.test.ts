import { setBackendSrv } from '@grafana/runtime';
import { API, INSTANCE_URL, fakeBackend } from '../test-support/fake-backend';
import { TwinApiError } from './twin-error';
import { createTwinClient } from './twin-client';

function setup(routes: Parameters<typeof fakeBackend>[0]) {
  const backend = fakeBackend(routes);
  setBackendSrv(backend.srv);
  return { client: createTwinClient(`${INSTANCE_URL}/`), requests: backend.requests };
}

describe('createTwinClient', () => {
  it('sends GETs through the proxy route with defined parameters only and no Grafana toasts', async () => {
    const { client, requests } = setup({ 'GET /topology': { data: { nodes: [], edges: [] } } });
    await expect(client.topology({ view: 'services', focus: undefined, depth: 2 })).resolves.toEqual({
      nodes: [],
      edges: [],
    });
    expect(requests).toEqual([
      {
        url: `${API}/topology`,
        method: 'GET',
        params: { view: 'services', depth: 2 },
        showErrorAlert: false,
        showSuccessAlert: false,
      },
    ]);
  });

  it('turns attribute filters into attr.<key> parameters', async () => {
    const { client, requests } = setup({ 'GET /entities': { data: { total: 0, items: [] } } });
    await client.listEntities({ type: 'host', level: undefined, attributes: { model: 'storage-2u' }, limit: 1000 });
    expect(requests[0].params).toEqual({ type: 'host', 'attr.model': 'storage-2u', limit: 1000 });
  });

  it.each([
    [
      'getEntity',
      (c: ReturnType<typeof createTwinClient>) => c.getEntity('rack:dc1/r12'),
      `${API}/entities/rack%3Adc1%2Fr12`,
      'GET',
      undefined,
    ],
    [
      'getSimulation',
      (c: ReturnType<typeof createTwinClient>) => c.getSimulation('sim-1'),
      `${API}/simulations/sim-1`,
      'GET',
      undefined,
    ],
    [
      'runScenario',
      (c: ReturnType<typeof createTwinClient>) => c.runScenario('double load'),
      `${API}/scenarios/double%20load/run`,
      'POST',
      {},
    ],
    [
      'runSimulation',
      (c: ReturnType<typeof createTwinClient>) => c.runSimulation({ horizon_seconds: 60 }),
      `${API}/simulations`,
      'POST',
      { horizon_seconds: 60 },
    ],
    ['status', (c: ReturnType<typeof createTwinClient>) => c.status(), `${API}/status`, 'GET', undefined],
    [
      'health',
      (c: ReturnType<typeof createTwinClient>) => c.health(),
      `${INSTANCE_URL}/twin/healthz`,
      'GET',
      undefined,
    ],
  ])('%s calls %s', async (_name, call, url, method, data) => {
    const { client, requests } = setup({
      'GET /entities/rack%3Adc1%2Fr12': { data: {} },
      'GET /simulations/sim-1': { data: {} },
      'POST /scenarios/double%20load/run': { data: {} },
      'POST /simulations': { data: {} },
      'GET /status': { data: {} },
      'GET /healthz': { data: {} },
    });
    await call(client);
    expect([requests[0].url, requests[0].method, requests[0].data]).toEqual([url, method, data]);
  });

  const saved = {
    name: 'crac-1 down',
    version: 2,
    updatedAt: 1767268800000,
    updatedBy: 'api',
    scenario: { horizon_seconds: 3600, step_seconds: 60, changes: [{ type: 'fail', target: 'crac:1' }] },
  };

  it('saves a scenario with PUT under its encoded name and answers what the collector stored', async () => {
    const { client, requests } = setup({ 'PUT /scenarios/crac-1%20down': { data: saved } });
    await expect(client.saveScenario('crac-1 down', saved.scenario)).resolves.toEqual(saved);
    expect(requests).toEqual([
      {
        url: `${API}/scenarios/crac-1%20down`,
        method: 'PUT',
        data: saved.scenario,
        showErrorAlert: false,
        showSuccessAlert: false,
      },
    ]);
  });

  it('lists and reads saved scenarios', async () => {
    const { client, requests } = setup({
      'GET /scenarios': { data: { items: [saved] } },
      'GET /scenarios/a%2Fb': { data: saved },
    });
    await expect(client.listScenarios()).resolves.toEqual({ items: [saved] });
    await expect(client.getScenario('a/b')).resolves.toEqual(saved);
    expect(requests.map((r) => [r.method, r.url])).toEqual([
      ['GET', `${API}/scenarios`],
      ['GET', `${API}/scenarios/a%2Fb`],
    ]);
  });

  it('deletes a scenario and resolves with nothing on 204', async () => {
    const { client, requests } = setup({ 'DELETE /scenarios/old': { status: 204, data: '' } });
    await expect(client.deleteScenario('old')).resolves.toBeUndefined();
    expect([requests[0].method, requests[0].url, requests[0].data]).toEqual([
      'DELETE',
      `${API}/scenarios/old`,
      undefined,
    ]);
  });

  it.each([
    [400, 'bad_request', 'invalid scenario: changes[0].target: must be a non-empty string, got ""'],
    [403, 'forbidden', 'the token lacks the write scope'],
  ])('rejects a save the collector refuses with %s and its message', async (status, code, message) => {
    const { client } = setup({ 'PUT /scenarios/x': { status, data: { error: { code, message } } } });
    const error = (await client.saveScenario('x', {}).catch((e: unknown) => e)) as TwinApiError;
    expect([error.message, error.status, error.code]).toEqual([
      `TwinOps collector: ${status} ${message}`,
      status,
      code,
    ]);
  });

  it('passes the abort signal on', async () => {
    const { client, requests } = setup({ 'GET /audit': { data: { items: [] } } });
    const abort = new AbortController();
    await client.audit({ limit: 5 }, { signal: abort.signal });
    expect(requests[0].abortSignal).toBe(abort.signal);
  });

  it('rejects with the collector message and status', async () => {
    const { client } = setup({
      'GET /signals': { status: 404, data: { error: { code: 'not_found', message: 'entity "service:x" not found' } } },
    });
    const error = await client.signals({ entity: 'service:x', name: 'cpu' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TwinApiError);
    expect([(error as TwinApiError).message, (error as TwinApiError).status]).toEqual([
      'TwinOps collector: 404 entity "service:x" not found',
      404,
    ]);
  });

  it('names network failures as such', async () => {
    const { client } = setup({ 'GET /events': { networkError: 'Failed to fetch' } });
    await expect(client.events({})).rejects.toThrow('TwinOps collector unreachable: network error: Failed to fetch');
  });

  it('builds the stream URL, with kinds and watched signals when given', () => {
    const { client } = setup({});
    expect(client.streamUrl()).toBe(`${API}/stream`);
    expect(client.streamUrl(['signal.added', 'relation.added'])).toBe(
      `${API}/stream?kinds=signal.added%2Crelation.added`
    );
    expect(
      client.streamUrl(
        ['signal.added'],
        [
          { entity: 'rack:ams1/r12', signal: 'power' },
          { entity: 'host:a', signal: 'cpu' },
        ]
      )
    ).toBe(`${API}/stream?kinds=signal.added&watch=rack%3Aams1%2Fr12%7Cpower&watch=host%3Aa%7Ccpu`);
    expect(client.streamUrl(undefined, [{ entity: 'host:a', signal: 'cpu' }])).toBe(
      `${API}/stream?watch=host%3Aa%7Ccpu`
    );
  });
});
