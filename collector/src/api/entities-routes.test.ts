import { FakeAnalytics, HOST_HEALTH } from './test-support/fake-analytics';
import { HOST, RACK, SERVICE, summary } from './test-support/fake-twin';
import { createTestApp } from './test-support/test-app';

describe('GET /api/v1/entities', () => {
  it('returns the total and one page of entities', async () => {
    const { app, twin } = createTestApp();
    const res = await app.inject('/api/v1/entities');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(res.json()).toEqual({ total: 3, items: [summary(HOST), summary(RACK), summary(SERVICE)].map(withoutUndefined) });
    expect(twin.filters).toEqual([{ limit: 100, offset: 0 }]);
  });

  it('passes every filter to the twin, attr.<key> parameters as attributes', async () => {
    const { app, twin } = createTestApp();
    const res = await app.inject(
      '/api/v1/entities?type=host&level=asset&name=web&attr.host.arch=amd64&attr.cores=8&limit=1&offset=2',
    );
    expect(res.statusCode).toBe(200);
    expect(twin.filters).toEqual([
      { type: 'host', level: 'asset', name: 'web', attributes: { 'host.arch': 'amd64', cores: '8' }, limit: 1, offset: 2 },
    ]);
  });

  it.each([
    ['limit=0', 'limit: must be >= 1, got 0'],
    ['limit=1001', 'limit: must be <= 1000, got 1001'],
    ['limit=ten', 'limit: must be integer, got "ten"'],
    ['offset=-1', 'offset: must be >= 0, got -1'],
    ['level=rack', 'level: must be one of component, asset, system, process, enterprise, got "rack"'],
    ['type=', 'type: must NOT have fewer than 1 characters, got ""'],
    ['typ=host', 'typ: unknown query parameter'],
    ['attr.=x', 'attr.: unknown query parameter'],
    ['type=a&type=b', 'type: must be string, got ["a","b"]'],
  ])('answers 400 naming the parameter for %s', async (query, message) => {
    const { app, twin } = createTestApp();
    const res = await app.inject(`/api/v1/entities?${query}`);
    expect(res.statusCode).toBe(400);
    expect(res.json()).toEqual({ error: { code: 'bad_request', message } });
    expect(twin.filters).toEqual([]);
  });
});

describe('GET /api/v1/entities/{id}', () => {
  it.each([
    ['URL-encoded', '/api/v1/entities/rack%3Aams1%2Fr12'],
    ['with raw ":" and "/"', '/api/v1/entities/rack:ams1/r12'],
    ['half-encoded', '/api/v1/entities/rack:ams1%2Fr12'],
    ['with an encoded ":" and a raw "/"', '/api/v1/entities/rack%3Aams1/r12'],
  ])('returns the entity detail for an id sent %s', async (_how, url) => {
    const { app } = createTestApp();
    const res = await app.inject(url);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual(withoutUndefined(RACK));
  });

  it('returns signals, relations and events', async () => {
    const { app } = createTestApp();
    const res = await app.inject('/api/v1/entities/host%3Aweb-3');
    expect(res.json()).toEqual(HOST);
  });

  it.each([
    ['/api/v1/entities/host%3Ax', 'entity "host:x" not found'],
    ['/api/v1/entities/host:x', 'entity "host:x" not found'],
    ['/api/v1/entities/rack:ams1/r99', 'entity "rack:ams1/r99" not found'],
  ])('answers 404 for an unknown id at %s', async (url, message) => {
    const { app } = createTestApp();
    const res = await app.inject(url);
    expect(res.statusCode).toBe(404);
    expect(res.body).toBe(JSON.stringify({ error: { code: 'not_found', message } }));
  });
});

describe('GET /api/v1/entities/{id} with live analytics', () => {
  it('adds the health and, to each analysed signal, its latest anomaly point', async () => {
    const { app } = createTestApp({ analytics: new FakeAnalytics() });
    const res = await app.inject('/api/v1/entities/host%3Aweb-3');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      ...HOST,
      health: HOST_HEALTH,
      signals: [{ ...HOST.signals[0], anomaly: { t: 1_699_999_990_000, score: 0.97, flag: true } }],
    });
  });

  it.each([
    ['URL-encoded', '/api/v1/entities/rack%3Aams1%2Fr12'],
    ['with raw slashes', '/api/v1/entities/rack:ams1/r12'],
  ])('answers unknown health for an entity analytics has not reached yet, its id sent %s', async (_how, url) => {
    const { app } = createTestApp({ analytics: new FakeAnalytics() });
    const res = await app.inject(url);
    expect(res.json()).toEqual({ ...withoutUndefined(RACK), health: { score: 1, status: 'unknown', reasons: [] } });
  });

  it('leaves signals without an anomaly point as they are', async () => {
    const { app } = createTestApp({ analytics: new FakeAnalytics({ 'host:web-3': [{ signal: 'cpu.utilization' }] }) });
    const res = await app.inject('/api/v1/entities/host%3Aweb-3');
    expect(res.json().signals).toEqual(HOST.signals);
  });
});

/** JSON drops undefined fields; compare against what the wire can carry. */
function withoutUndefined<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}
