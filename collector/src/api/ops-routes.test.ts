import { createTestApp } from './test-support/test-app';

describe('operations routes', () => {
  it('GET /healthz answers 200 while the process serves', async () => {
    const { app } = createTestApp({ ready: () => ({ ready: false, reason: 'starting' }) });
    const res = await app.inject('/healthz');
    expect(res.statusCode).toBe(200);
    expect(res.body).toBe('{"status":"ok"}');
  });

  it('GET /readyz answers 200 when ready', async () => {
    const { app } = createTestApp();
    const res = await app.inject('/readyz');
    expect(res.statusCode).toBe(200);
    expect(res.body).toBe('{"status":"ready"}');
  });

  it('GET /readyz answers 503 with the reason when not ready', async () => {
    let state = { ready: false, reason: 'receivers.otlp.grpc is not listening yet' };
    const { app } = createTestApp({ ready: () => state });
    const res = await app.inject('/readyz');
    expect(res.statusCode).toBe(503);
    expect(res.json()).toEqual({ error: { code: 'not_ready', message: 'receivers.otlp.grpc is not listening yet' } });
    state = { ready: true, reason: '' };
    expect((await app.inject('/readyz')).statusCode).toBe(200);
  });

  it('GET /metrics renders the registry with its content type, counting earlier requests', async () => {
    const { app } = createTestApp();
    await app.inject('/healthz');
    await app.inject('/healthz');
    const res = await app.inject('/metrics');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/plain; version=0.0.4; charset=utf-8');
    expect(res.body).toBe('# TYPE twinops_api_requests_total counter\ntwinops_api_requests_total{route="/healthz",status="200"} 2\n');
  });
});
