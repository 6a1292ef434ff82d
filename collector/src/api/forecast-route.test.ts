import { CPU_FORECAST, FakeAnalytics } from './test-support/fake-analytics';
import { createTestApp } from './test-support/test-app';

const BASE = '/api/v1/forecast?entity=host%3Aweb-3&signal=cpu.utilization';

async function get(url: string, analytics: FakeAnalytics | null = new FakeAnalytics()) {
  const { app } = createTestApp(analytics ? { analytics } : {});
  const res = await app.inject(url);
  return { status: res.statusCode, body: res.json() };
}

describe('GET /api/v1/forecast', () => {
  it('returns the signal forecast over the default horizon of an hour', async () => {
    const analytics = new FakeAnalytics();
    expect(await get(BASE, analytics)).toEqual({ status: 200, body: CPU_FORECAST });
    expect(analytics.forecasts).toEqual([['host:web-3', 'cpu.utilization', 3_600_000]]);
  });

  it.each([
    ['30m', 1_800_000],
    ['2h', 7_200_000],
    ['90000', 90_000],
    ['24h', 86_400_000],
  ])('reads horizon=%s as %d ms', async (horizon, ms) => {
    const analytics = new FakeAnalytics();
    expect((await get(`${BASE}&horizon=${horizon}`, analytics)).status).toBe(200);
    expect(analytics.forecasts).toEqual([['host:web-3', 'cpu.utilization', ms]]);
  });

  it.each([
    ['&horizon=soon', 'horizon: expected a positive duration such as 30s, 5m, 1h or milliseconds, got "soon"'],
    ['&horizon=0', 'horizon: expected a positive duration such as 30s, 5m, 1h or milliseconds, got "0"'],
    ['&horizon=25h', 'horizon: must be at most 24h (86400000 ms), got "25h"'],
    ['&horizon=86400001', 'horizon: must be at most 24h (86400000 ms), got "86400001"'],
    ['&step=1m', 'step: unknown query parameter'],
  ])('answers 400 naming the parameter for %s', async (params, message) => {
    const analytics = new FakeAnalytics();
    expect(await get(BASE + params, analytics)).toEqual({ status: 400, body: { error: { code: 'bad_request', message } } });
    expect(analytics.forecasts).toEqual([]);
  });

  it.each([
    ['/api/v1/forecast?signal=cpu.utilization', 'entity: is required'],
    ['/api/v1/forecast?entity=host:web-3', 'signal: is required'],
    ['/api/v1/forecast?entity=host:web-3&signal=', 'signal: must NOT have fewer than 1 characters, got ""'],
  ])('answers 400 for a missing parameter at %s', async (url, message) => {
    expect(await get(url)).toEqual({ status: 400, body: { error: { code: 'bad_request', message } } });
  });

  it.each([
    ['?entity=host:nope&signal=cpu.utilization', 'not_found', 'entity: "host:nope" not found'],
    ['?entity=host:web-3&signal=mem', 'not_found', 'signal: "mem" not found on entity "host:web-3"'],
  ])('answers 404 naming what is unknown for %s', async (query, code, message) => {
    expect(await get(`/api/v1/forecast${query}`)).toEqual({ status: 404, body: { error: { code, message } } });
  });

  it('answers 404 for a signal live analytics does not analyse', async () => {
    const analytics = new FakeAnalytics({}, {}, () => undefined);
    expect(await get(BASE, analytics)).toEqual({
      status: 404,
      body: {
        error: {
          code: 'not_analysed',
          message: 'signal: "cpu.utilization" of entity "host:web-3" is not analysed (analytics.live.signals selects the signals)',
        },
      },
    });
  });

  it('answers 409 while an analysed signal has too little history', async () => {
    const analytics = new FakeAnalytics({ 'host:web-3': [{ signal: 'cpu.utilization' }] }, {}, () => undefined);
    expect(await get(BASE, analytics)).toEqual({
      status: 409,
      body: {
        error: {
          code: 'insufficient_history',
          message:
            'signal: "cpu.utilization" of entity "host:web-3" has too little history for a forecast yet (see analytics.live.forecast.min_history_points)',
        },
      },
    });
  });

  it('answers 503 without live analytics', async () => {
    expect(await get(BASE, null)).toEqual({
      status: 503,
      body: { error: { code: 'analytics_disabled', message: 'live analytics is off (analytics.live.enabled is false)' } },
    });
  });

  it('writes non-finite forecast values as null', async () => {
    const forecast = { ...CPU_FORECAST, points: [{ t: 1, v: Number.NaN, lower: Number.NEGATIVE_INFINITY, upper: 2 }] };
    const analytics = new FakeAnalytics(undefined, undefined, () => forecast);
    expect((await get(BASE, analytics)).body.points).toEqual([{ t: 1, v: null, lower: null, upper: 2 }]);
  });
});
