import { CPU_SERIES, FakeTwin, HOST } from './test-support/fake-twin';
import { NOW, createTestApp } from './test-support/test-app';

const BASE = '/api/v1/signals?entity=host%3Aweb-3&name=cpu.utilization';

describe('GET /api/v1/signals', () => {
  it('answers the part of the range before memory from the archive, and memory for what it holds', async () => {
    const archived: unknown[] = [];
    const { app } = createTestApp({
      signalArchive: {
        memoryMs: 3_600_000,
        query: async (query) => {
          archived.push(query);
          return [{ t: NOW - 7_200_000, v: 0.1 }];
        },
      },
    });
    // The fake twin holds two points from NOW on: memory answers from there, the archive before.
    const res = await app.inject(`${BASE}&from=now-3h`);
    expect(res.json()).toEqual({ ...CPU_SERIES, points: [{ t: NOW - 7_200_000, v: 0.1 }, ...CPU_SERIES.points] });
    expect(archived).toEqual([{ entity: 'host:web-3', name: 'cpu.utilization', from: NOW - 10_800_000, to: NOW - 1 }]);
    // Within memory, the archive is not asked; with a step, the cut falls on a step boundary.
    archived.length = 0;
    expect((await app.inject(`${BASE}&from=now-30m`)).statusCode).toBe(200);
    await app.inject(`${BASE}&from=now-3h&step=7m`);
    expect(archived).toEqual([{ entity: 'host:web-3', name: 'cpu.utilization', from: NOW - 10_800_000, to: Math.floor(NOW / 420_000) * 420_000 - 1, stepMs: 420_000 }]);
  });

  it('returns the series over the last hour by default', async () => {
    const { app, twin } = createTestApp();
    const res = await app.inject(BASE);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual(CPU_SERIES);
    expect(twin.signalQueries).toEqual([{ entity: 'host:web-3', name: 'cpu.utilization', from: NOW - 3_600_000, to: NOW }]);
  });

  it.each([
    ['&from=now-30m&to=now', { from: NOW - 1_800_000, to: NOW }],
    ['&from=1699990000000&to=1699999000000', { from: 1_699_990_000_000, to: 1_699_999_000_000 }],
    ['&from=2023-11-14T21:13:20Z&to=2023-11-14T22:13:20%2B00:00', { from: NOW - 3_600_000, to: NOW }],
    ['&to=now-1h', { from: NOW - 7_200_000, to: NOW - 3_600_000 }],
    ['&step=30s', { from: NOW - 3_600_000, to: NOW, stepMs: 30_000 }],
    ['&step=5m', { from: NOW - 3_600_000, to: NOW, stepMs: 300_000 }],
    ['&step=1h', { from: NOW - 3_600_000, to: NOW, stepMs: 3_600_000 }],
    ['&step=60000', { from: NOW - 3_600_000, to: NOW, stepMs: 60_000 }],
  ])('reads %s', async (params, range) => {
    const { app, twin } = createTestApp();
    const res = await app.inject(BASE + params);
    expect(res.statusCode).toBe(200);
    expect(twin.signalQueries).toEqual([{ entity: 'host:web-3', name: 'cpu.utilization', ...range }]);
  });

  it.each([
    ['&from=yesterday', 'from: expected RFC 3339, epoch milliseconds or now-<duration>, got "yesterday"'],
    ['&to=2023-11-14', 'to: expected RFC 3339, epoch milliseconds or now-<duration>, got "2023-11-14"'],
    ['&step=fast', 'step: expected a positive duration such as 30s, 5m, 1h or milliseconds, got "fast"'],
    ['&step=0', 'step: expected a positive duration such as 30s, 5m, 1h or milliseconds, got "0"'],
    ['&from=now&to=now-1h', 'from: must not be after to (1699996400000), got 1700000000000'],
    ['&from=now-2d&step=1s', 'step: too small for the range, at most 11000 points per series, got 1s over 172800000 ms'],
    ['&limit=3', 'limit: unknown query parameter'],
  ])('answers 400 for %s', async (params, message) => {
    const { app, twin } = createTestApp();
    const res = await app.inject(BASE + params);
    expect(res.statusCode).toBe(400);
    expect(res.json()).toEqual({ error: { code: 'bad_request', message } });
    expect(twin.signalQueries).toEqual([]);
  });

  it.each([
    ['/api/v1/signals?name=cpu.utilization', 'entity: is required'],
    ['/api/v1/signals?entity=host:web-3', 'name: is required'],
    ['/api/v1/signals?entity=&name=x', 'entity: must NOT have fewer than 1 characters, got ""'],
  ])('answers 400 for a missing parameter at %s', async (url, message) => {
    const { app } = createTestApp();
    const res = await app.inject(url);
    expect(res.statusCode).toBe(400);
    expect(res.json()).toEqual({ error: { code: 'bad_request', message } });
  });

  it.each([
    ['/api/v1/signals?entity=host:x&name=cpu.utilization', 'entity "host:x" not found'],
    ['/api/v1/signals?entity=host:web-3&name=disk.io', 'signal "disk.io" not found on entity "host:web-3"'],
  ])('answers 404 for %s', async (url, message) => {
    const { app } = createTestApp();
    const res = await app.inject(url);
    expect(res.statusCode).toBe(404);
    expect(res.json()).toEqual({ error: { code: 'not_found', message } });
  });

  it('sends NaN and infinite values as null instead of failing', async () => {
    const twin = new FakeTwin(undefined, undefined, [
      { ...CPU_SERIES, points: [{ t: 1, v: Number.NaN }, { t: 2, v: Number.POSITIVE_INFINITY }, { t: 3, v: 0.5 }] },
    ]);
    const { app } = createTestApp({ twin });
    const res = await app.inject(BASE);
    expect(res.statusCode).toBe(200);
    expect(res.json().points).toEqual([
      { t: 1, v: null },
      { t: 2, v: null },
      { t: 3, v: 0.5 },
    ]);
    expect(HOST.signals[0].latest).toEqual({ t: 1_700_000_060_000, v: 0.42 });
  });
});
