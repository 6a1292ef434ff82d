import { lastValueFrom } from 'rxjs';
import { isFetchError } from '@grafana/runtime';
import { createFetchBackendSrv } from './fetch-backend-srv';

function recordingFetch(status: number, body: string) {
  const calls: Array<{ url: string; init: RequestInit }> = [];
  const fake = async (url: string | URL | Request, init?: RequestInit) => {
    calls.push({ url: String(url), init: init ?? {} });
    // jsdom has no Response: the fields the service reads.
    const ok = status < 300;
    return {
      status,
      ok,
      statusText: ok ? 'OK' : 'Not Found',
      headers: {},
      redirected: false,
      type: 'basic',
      url: String(url),
      text: async () => body,
    } as unknown as Response;
  };
  return { calls, fetch: fake as typeof fetch };
}

const PROXY = '/api/datasources/proxy/uid/twin';

describe('createFetchBackendSrv', () => {
  it('sends route requests to the collector with the token, as the data proxy does', async () => {
    const f = recordingFetch(200, '{"items":[]}');
    const srv = createFetchBackendSrv({
      proxyBase: PROXY,
      apiUrl: 'http://127.0.0.1:8088/',
      apiToken: 's3cret',
      fetch: f.fetch,
    });
    const response = await lastValueFrom(
      srv.fetch({ url: `${PROXY}/twin/api/v1/entities`, params: { type: 'host', level: undefined } })
    );
    expect(response.data).toEqual({ items: [] });
    expect(f.calls.map((c) => [c.url, c.init.method, c.init.headers])).toEqual([
      [
        'http://127.0.0.1:8088/api/v1/entities?type=host',
        'GET',
        { Accept: 'application/json', Authorization: 'Bearer s3cret' },
      ],
    ]);
  });

  it('posts JSON bodies and leaves other URLs and their headers alone', async () => {
    const f = recordingFetch(200, '');
    const srv = createFetchBackendSrv({
      proxyBase: PROXY,
      apiUrl: 'http://c:8088',
      apiToken: 's3cret',
      fetch: f.fetch,
    });
    expect(await srv.post('/elsewhere', { a: 1 })).toBeUndefined();
    expect(f.calls.map((c) => [c.url, c.init.method, c.init.headers, c.init.body])).toEqual([
      ['/elsewhere', 'POST', { Accept: 'application/json', 'Content-Type': 'application/json' }, '{"a":1}'],
    ]);
  });

  it('fails with a FetchError carrying the status and the collector error body', async () => {
    const f = recordingFetch(404, '{"error":{"code":"not_found","message":"entity \\"x\\" not found"}}');
    const srv = createFetchBackendSrv({ proxyBase: PROXY, apiUrl: 'http://c:8088', fetch: f.fetch });
    const error = await lastValueFrom(srv.fetch({ url: `${PROXY}/twin/api/v1/entities/x` })).catch((e: unknown) => e);
    expect(isFetchError(error) && [error.status, error.statusText, error.data]).toEqual([
      404,
      'Not Found',
      { error: { code: 'not_found', message: 'entity "x" not found' } },
    ]);
  });

  it('keeps a body that is not JSON as text', async () => {
    const f = recordingFetch(200, '<html>proxy</html>');
    const srv = createFetchBackendSrv({ proxyBase: PROXY, apiUrl: 'http://c:8088', fetch: f.fetch });
    expect(await srv.get(`${PROXY}/twin/metrics`)).toBe('<html>proxy</html>');
  });
});
