import { createAuthorizer } from './auth';
import { FakeTwin } from './test-support/fake-twin';
import { createTestApp } from './test-support/test-app';

const READ = 'grafana-read-0123456789';
const WRITE = 'otel-write-0123456789';
const ADMIN = 'operator-admin-0123456789';
const env = { TWINOPS_TEST_ADMIN_TOKEN: ADMIN };
const authorize = createAuthorizer(
  {
    tokens: [
      { name: 'grafana', token: READ, tokenEnv: '', scopes: ['read'] },
      { name: 'otel', token: WRITE, tokenEnv: '', scopes: ['write'] },
      { name: 'operator', token: '', tokenEnv: 'TWINOPS_TEST_ADMIN_TOKEN', scopes: ['admin'] },
    ],
  },
  env,
);

const READ_ROUTES = [
  '/api/v1/entities',
  '/api/v1/entities/host%3Aweb-3',
  '/api/v1/entities/rack:ams1/r12',
  '/api/v1/signals?entity=host:web-3&name=cpu.utilization',
  '/api/v1/topology',
  '/api/v1/events',
  '/api/v1/status',
  '/metrics',
];
const OPEN_ROUTES = ['/healthz', '/readyz', '/api/v1/openapi.json'];

describe('auth on every route', () => {
  const { app } = createTestApp({ authorize });
  const call = (url: string, token?: string) =>
    app.inject({ url, headers: token === undefined ? {} : { authorization: `Bearer ${token}` } });

  it.each(READ_ROUTES)('%s: 401 without a token or with a wrong one', async (url) => {
    for (const token of [undefined, 'wrong-token-0123456789']) {
      const res = await call(url, token);
      expect(res.statusCode).toBe(401);
      expect(res.headers['www-authenticate']).toBe('Bearer');
      expect(res.json()).toEqual({ error: { code: 'unauthenticated', message: 'a valid bearer token is required' } });
    }
  });

  it.each(READ_ROUTES)('%s: 200 with a read or admin token', async (url) => {
    expect((await call(url, READ)).statusCode).toBe(200);
    expect((await call(url, ADMIN)).statusCode).toBe(200);
  });

  it.each(READ_ROUTES)('%s: 403 with a write-only token', async (url) => {
    const res = await call(url, WRITE);
    expect(res.statusCode).toBe(403);
    expect(res.json()).toEqual({ error: { code: 'forbidden', message: 'the token lacks the read scope' } });
  });

  it.each(OPEN_ROUTES)('%s: open without a token', async (url) => {
    expect((await call(url)).statusCode).toBe(200);
  });

  it('checks auth before validation, so bad requests without a token get 401', async () => {
    expect((await call('/api/v1/entities?limit=0')).statusCode).toBe(401);
    expect((await call('/api/v1/stream')).statusCode).toBe(401);
  });
});

describe('errors and counting', () => {
  it.each([
    ['GET', '/nope', 404, { code: 'not_found', message: 'no route for GET /nope' }],
    ['POST', '/api/v1/entities', 404, { code: 'not_found', message: 'no route for POST /api/v1/entities' }],
    ['GET', '/api/v1/entities/%E0%A4%A', 400, { code: 'bad_request', message: "'/api/v1/entities/%E0%A4%A' is not a valid url component" }],
  ])('%s %s -> %d with the error body', async (method, url, status, error) => {
    const { app } = createTestApp();
    const res = await app.inject({ method: method as 'GET', url });
    expect(res.statusCode).toBe(status);
    expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(res.json()).toEqual({ error });
  });

  it('answers 500 without internals when the twin throws, and logs it', async () => {
    const twin = new FakeTwin();
    twin.topology = () => {
      throw new Error('store exploded');
    };
    const logged: unknown[] = [];
    const { app } = createTestApp({ twin, logger: { error: (message, fields) => logged.push([message, fields]) } });
    const res = await app.inject('/api/v1/topology');
    expect(res.statusCode).toBe(500);
    expect(res.json()).toEqual({ error: { code: 'internal', message: 'internal error' } });
    expect(logged).toEqual([['api request failed', { route: '/api/v1/topology', error: 'store exploded' }]]);
  });

  it('counts requests by route template and status, unmatched URLs under one label', async () => {
    const { app, metrics } = createTestApp({ authorize });
    await app.inject('/api/v1/entities/host%3Aweb-3');
    await app.inject({ url: '/api/v1/entities/host%3Aweb-3', headers: { authorization: `Bearer ${READ}` } });
    await app.inject({ url: '/api/v1/entities/host%3Ax', headers: { authorization: `Bearer ${READ}` } });
    await app.inject('/scan/a');
    await app.inject('/scan/b');
    const count = (route: string, status: string) => metrics.get('twinops_api_requests_total', { route, status });
    expect(count('/api/v1/entities/:id', '401')).toBe(1);
    expect(count('/api/v1/entities/:id', '200')).toBe(1);
    expect(count('/api/v1/entities/:id', '404')).toBe(1);
    expect(count('unmatched', '404')).toBe(2);
  });

  it('answers HEAD on GET routes', async () => {
    const { app } = createTestApp();
    const res = await app.inject({ method: 'HEAD', url: '/healthz' });
    expect(res.statusCode).toBe(200);
  });
});
