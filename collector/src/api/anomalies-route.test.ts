import { CPU_ANOMALY, FakeAnalytics } from './test-support/fake-analytics';
import { NOW, createTestApp } from './test-support/test-app';

async function get(query: string, analytics: FakeAnalytics | null = new FakeAnalytics()) {
  const { app } = createTestApp(analytics ? { analytics } : {});
  const res = await app.inject(`/api/v1/anomalies${query}`);
  return { status: res.statusCode, body: res.json() };
}

describe('GET /api/v1/anomalies', () => {
  it('returns the flagged points of the last hour by default, at most 100', async () => {
    const analytics = new FakeAnalytics();
    expect(await get('', analytics)).toEqual({ status: 200, body: { items: [CPU_ANOMALY] } });
    expect(analytics.queries).toEqual([{ from: NOW - 3_600_000, to: NOW, limit: 100 }]);
  });

  it.each([
    ['?from=now-6h&to=now-1h', { from: NOW - 21_600_000, to: NOW - 3_600_000, limit: 100 }],
    ['?from=2023-11-14T21:13:20Z', { from: NOW - 3_600_000, to: NOW, limit: 100 }],
    ['?to=1699990000000', { from: 1_699_986_400_000, to: 1_699_990_000_000, limit: 100 }],
    ['?entity=host%3Aweb-3&minScore=0.9&limit=5', { from: NOW - 3_600_000, to: NOW, limit: 5, entity: 'host:web-3', minScore: 0.9 }],
    ['?minScore=0', { from: NOW - 3_600_000, to: NOW, limit: 100, minScore: 0 }],
  ])('passes %s on', async (query, expected) => {
    const analytics = new FakeAnalytics();
    expect((await get(query, analytics)).status).toBe(200);
    expect(analytics.queries).toEqual([expected]);
  });

  it.each([
    ['?from=yesterday', 'from: expected RFC 3339, epoch milliseconds or now-<duration>, got "yesterday"'],
    ['?to=soon', 'to: expected RFC 3339, epoch milliseconds or now-<duration>, got "soon"'],
    ['?from=now&to=now-1h', 'from: must not be after to (1699996400000), got 1700000000000'],
    ['?minScore=1.5', 'minScore: must be <= 1, got 1.5'],
    ['?minScore=high', 'minScore: must be number, got "high"'],
    ['?limit=0', 'limit: must be >= 1, got 0'],
    ['?limit=1001', 'limit: must be <= 1000, got 1001'],
    ['?entity=', 'entity: must NOT have fewer than 1 characters, got ""'],
    ['?signal=cpu', 'signal: unknown query parameter'],
  ])('answers 400 naming the parameter for %s', async (query, message) => {
    const analytics = new FakeAnalytics();
    expect(await get(query, analytics)).toEqual({ status: 400, body: { error: { code: 'bad_request', message } } });
    expect(analytics.queries).toEqual([]);
  });

  it('answers 503 without live analytics', async () => {
    expect(await get('', null)).toEqual({
      status: 503,
      body: { error: { code: 'analytics_disabled', message: 'live analytics is off (analytics.live.enabled is false)' } },
    });
  });
});
