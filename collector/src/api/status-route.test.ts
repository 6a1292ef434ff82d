import { createTestApp } from './test-support/test-app';

describe('GET /api/v1/status', () => {
  it('names the collector, its version and the API generation', async () => {
    const { app } = createTestApp({ version: '0.1.0' });
    const res = await app.inject('/api/v1/status');
    expect(res.statusCode).toBe(200);
    expect(res.body).toBe('{"name":"twinops-collector","version":"0.1.0","api":"v1"}');
  });

  it.each([
    ['unauthenticated' as const, 401, { code: 'unauthenticated', message: 'a valid bearer token is required' }],
    ['forbidden' as const, 403, { code: 'forbidden', message: 'the token lacks the read scope' }],
  ])('answers a token the authorizer calls %s with %d, so a connection test sees a bad token', async (verdict, status, error) => {
    const scopes: string[] = [];
    const { app } = createTestApp({
      authorize: (_header, scope) => {
        scopes.push(scope);
        return verdict;
      },
    });
    const res = await app.inject({ url: '/api/v1/status', headers: { authorization: 'Bearer nope' } });
    expect(res.statusCode).toBe(status);
    expect(res.json()).toEqual({ error });
    expect(scopes).toEqual(['read']);
  });

  it('describes its response in the OpenAPI document', async () => {
    const { app } = createTestApp();
    const op = (await app.inject('/api/v1/openapi.json')).json().paths['/api/v1/status'].get;
    expect(op.operationId).toBe('getStatus');
    expect(Object.keys(op.responses)).toEqual(['200', '401', '403']);
    expect(op.responses['200'].content['application/json'].schema.required).toEqual(['name', 'version', 'api']);
  });
});
