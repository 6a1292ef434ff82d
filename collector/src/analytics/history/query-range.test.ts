import { queryRange, queryRangeUrl } from './query-range';
import type { Fetch, QueryRangeOptions, RangeQuery } from './query-range';

const query: RangeQuery = { query: 'rate(x_total[5m])', startSeconds: 1_703_980_800, endSeconds: 1_704_067_200, stepSeconds: 60 };

function json(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
}

/** A fetch answering from `answer`, recording each URL and the headers sent. */
function fakeFetch(answer: (init: RequestInit | undefined) => Response | Promise<Response>) {
  const calls: { url: string; headers: Record<string, string> }[] = [];
  const fetch = (async (input: string | URL | Request, init?: RequestInit) => {
    calls.push({ url: String(input), headers: { ...(init?.headers as Record<string, string>) } });
    return answer(init);
  }) as Fetch;
  return { fetch, calls };
}

function options(fetch: Fetch, extra: Partial<QueryRangeOptions> = {}): QueryRangeOptions {
  return { url: 'http://prom:9090', timeoutMs: 10_000, maxBytes: 1_000_000, fetch, ...extra };
}

const matrix = {
  status: 'success',
  data: { resultType: 'matrix', result: [{ metric: { job: 'a' }, values: [[1_704_067_140, '1.5'], [1_704_067_200, 'NaN']] }] },
};

describe('queryRange', () => {
  it.each([
    ['http://prom:9090', 'http://prom:9090/api/v1/query_range?'],
    ['http://prom:9090/', 'http://prom:9090/api/v1/query_range?'],
    ['https://example.org/prometheus', 'https://example.org/prometheus/api/v1/query_range?'],
  ])('asks %s at %s', (base, prefix) => {
    expect(queryRangeUrl(base, query)).toBe(
      `${prefix}query=rate%28x_total%5B5m%5D%29&start=1703980800&end=1704067200&step=60`,
    );
  });

  it('returns the series, sending the bearer token when given', async () => {
    const { fetch, calls } = fakeFetch(() => json({ ...matrix, warnings: ['too many samples'] }));
    expect(await queryRange(query, options(fetch, { token: 's3cret' }))).toEqual({
      ok: true,
      series: matrix.data.result,
      warnings: ['too many samples'],
    });
    expect(calls[0].headers).toEqual({ accept: 'application/json', authorization: 'Bearer s3cret' });
  });

  it('sends no Authorization header without a token', async () => {
    const { fetch, calls } = fakeFetch(() => json(matrix));
    await queryRange(query, options(fetch));
    expect(calls[0].headers).toEqual({ accept: 'application/json' });
  });

  it.each([
    [
      'a Prometheus error body',
      () => json({ status: 'error', errorType: 'bad_data', error: '1:6: parse error: unexpected "]"' }, 400),
      'Prometheus error (HTTP 400, bad_data): 1:6: parse error: unexpected "]"',
    ],
    [
      'an error body with status 200',
      () => json({ status: 'error', errorType: 'execution', error: 'query processing would load too many samples' }),
      'Prometheus error (HTTP 200, execution): query processing would load too many samples',
    ],
    ['an HTTP error page', () => new Response('<html>\n  Bad   Gateway\n</html>', { status: 502 }), 'HTTP 502: <html> Bad Gateway </html>'],
    ['an HTTP error with JSON', () => json({ message: 'unauthorized' }, 401), 'HTTP 401: {"message":"unauthorized"}'],
    ['a long HTML page', () => new Response('x'.repeat(300), { status: 500 }), `HTTP 500: ${'x'.repeat(200)}…`],
    ['text where JSON was due', () => new Response('ok'), 'answer is not JSON: ok'],
    ['JSON without data', () => json({ status: 'success' }), 'answer has no data.result list: {"status":"success"}'],
    [
      'an instant vector',
      () => json({ status: 'success', data: { resultType: 'vector', result: [] } }),
      'expected a matrix result, got "vector"',
    ],
    [
      'a refused connection',
      () => Promise.reject(new TypeError('fetch failed', { cause: new Error('connect ECONNREFUSED 127.0.0.1:9090') })),
      'request failed: connect ECONNREFUSED 127.0.0.1:9090',
    ],
    ['an error without cause', () => Promise.reject(new Error('bad port')), 'request failed: bad port'],
  ])('reports %s', async (_case, answer, error) => {
    const { fetch } = fakeFetch(answer);
    expect(await queryRange(query, options(fetch))).toEqual({ ok: false, error });
  });

  it.each([
    ['declared by content-length', () => new Response('{"status":"success"}', { headers: { 'content-length': '20' } })],
    [
      'found while reading',
      () =>
        new Response(
          new ReadableStream({
            start(controller) {
              controller.enqueue(new TextEncoder().encode('{"status":'));
              controller.enqueue(new TextEncoder().encode('"success"}'));
              controller.close();
            },
          }),
        ),
    ],
  ])('abandons an answer over maxBytes, %s', async (_case, answer) => {
    const { fetch } = fakeFetch(answer);
    expect(await queryRange(query, options(fetch, { maxBytes: 19 }))).toEqual({
      ok: false,
      error: 'answer larger than max_response_bytes (19)',
    });
  });

  describe('with a deadline', () => {
    beforeEach(() => jest.useFakeTimers());
    afterEach(() => jest.useRealTimers());

    /** Rejects as undici does once the request's signal aborts. */
    function abortable(init: RequestInit | undefined): Promise<never> {
      return new Promise((_resolve, reject) => {
        init?.signal?.addEventListener('abort', () => reject(new DOMException('This operation was aborted', 'AbortError')));
      });
    }

    it('gives up on a server that never answers', async () => {
      const { fetch } = fakeFetch(abortable);
      const answer = queryRange(query, options(fetch));
      await jest.advanceTimersByTimeAsync(9_999);
      let settled = false;
      void answer.then(() => (settled = true));
      await Promise.resolve();
      expect(settled).toBe(false);
      await jest.advanceTimersByTimeAsync(1);
      expect(await answer).toEqual({ ok: false, error: 'no complete answer within timeout_seconds (10 s)' });
    });

    it('gives up on a body that never ends', async () => {
      const { fetch } = fakeFetch((init) => {
        const body = new ReadableStream({
          start(controller) {
            controller.enqueue(new TextEncoder().encode('{"status":"succ'));
            init?.signal?.addEventListener('abort', () => controller.error(new DOMException('aborted', 'AbortError')));
          },
        });
        return new Response(body);
      });
      const answer = queryRange(query, options(fetch, { timeoutMs: 2_500 }));
      await jest.advanceTimersByTimeAsync(2_500);
      expect(await answer).toEqual({ ok: false, error: 'no complete answer within timeout_seconds (2.5 s)' });
    });
  });
});
