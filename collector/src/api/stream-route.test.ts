import { createApiServer } from './api-server';
import type { ApiServer } from './api-server';
import type { ApiServerSettings } from './build-app';
import { defaultApiConfig } from './config';
import type { ApiConfig } from './config';
import { FakeScrapeRegistry, FakeTwin, HOST, ManualTimers, RACK, RUNS_ON, summary } from './test-support/fake-twin';
import { openStream, until } from './test-support/sse-client';
import { createTestApp } from './test-support/test-app';
import type { EntityDetail, TwinChange } from '../model';

const ENTITY_ADDED: TwinChange = { kind: 'entity.added', entity: summary(HOST), at: 1 };
const RELATION_ADDED: TwinChange = { kind: 'relation.added', relation: RUNS_ON, at: 2 };
const SIGNAL_ADDED: TwinChange = { kind: 'signal.added', entity: 'host:web-3', signal: 'cpu.utilization', at: 3 };
const EVENT_ADDED: TwinChange = {
  kind: 'event.added',
  entity: 'host:web-3',
  event: { t: 4, severityNumber: 17, severityText: 'ERROR', message: 'disk full', attributes: {} },
  at: 4,
};
const frame = (change: TwinChange) => `event: ${change.kind}\ndata: ${JSON.stringify(change)}\n\n`;

describe('GET /api/v1/stream', () => {
  let server: ApiServer | undefined;
  let twin: FakeTwin;
  let timers: ManualTimers;
  let metrics: FakeScrapeRegistry;

  async function start(config: Partial<ApiConfig> = {}, settings: Partial<ApiServerSettings> = {}): Promise<string> {
    twin = new FakeTwin();
    timers = new ManualTimers();
    metrics = new FakeScrapeRegistry();
    server = createApiServer(
      { ...defaultApiConfig(), endpoint: '127.0.0.1:0', ...config },
      { twin, metrics, timers, authorize: () => 'ok', ready: () => ({ ready: true }), version: '1.2.3', ...settings },
    );
    await server.start();
    return server.address() as string;
  }

  afterEach(async () => {
    await server?.shutdown();
    server = undefined;
  });

  it('streams the twin changes in order as named events', async () => {
    const stream = await openStream(await start(), '/api/v1/stream');
    expect(stream.res.statusCode).toBe(200);
    expect(stream.res.headers['content-type']).toBe('text/event-stream; charset=utf-8');
    expect(stream.res.headers['cache-control']).toBe('no-cache');
    for (const change of [ENTITY_ADDED, RELATION_ADDED, SIGNAL_ADDED, EVENT_ADDED]) twin.publish(change);
    const expected = [ENTITY_ADDED, RELATION_ADDED, SIGNAL_ADDED, EVENT_ADDED].map(frame).join('');
    expect(await stream.waitFor((text) => text.length >= expected.length)).toBe(expected);
  });

  it('sends a keepalive comment on each timer tick, every keepalive_seconds', async () => {
    const stream = await openStream(await start({ keepaliveSeconds: 20 }), '/api/v1/stream');
    expect([...timers.active.values()].map((t) => t.ms)).toEqual([20_000]);
    timers.fire();
    twin.publish(SIGNAL_ADDED);
    timers.fire();
    const expected = `:keepalive\n\n${frame(SIGNAL_ADDED)}:keepalive\n\n`;
    expect(await stream.waitFor((text) => text.length >= expected.length)).toBe(expected);
  });

  it('sends only the kinds asked for', async () => {
    const stream = await openStream(await start(), '/api/v1/stream?kinds=relation.added,event.added');
    for (const change of [ENTITY_ADDED, RELATION_ADDED, SIGNAL_ADDED, EVENT_ADDED]) twin.publish(change);
    const expected = frame(RELATION_ADDED) + frame(EVENT_ADDED);
    expect(await stream.waitFor((text) => text.length >= expected.length)).toBe(expected);
  });

  it('unsubscribes from the twin and stops the timer when the last client leaves', async () => {
    const address = await start();
    const first = await openStream(address, '/api/v1/stream');
    const second = await openStream(address, '/api/v1/stream');
    expect(twin.listeners.size).toBe(1);
    expect(metrics.get('twinops_api_stream_clients')).toBe(2);
    first.res.destroy();
    await until(() => metrics.get('twinops_api_stream_clients') === 1);
    expect(twin.listeners.size).toBe(1);
    second.res.destroy();
    await until(() => twin.listeners.size === 0);
    expect(timers.active.size).toBe(0);
  });

  it('disconnects and counts a client that stops reading, without blocking the publisher', async () => {
    const address = await start({ sseMaxBufferedEvents: 2 });
    const stream = await openStream(address, '/api/v1/stream');
    stream.res.pause();
    const big: TwinChange = { ...ENTITY_ADDED, entity: { ...ENTITY_ADDED.entity, attributes: { blob: 'x'.repeat(256 * 1024) } } } as TwinChange;
    // Each publish returns at once; the socket buffers fill, the queue passes 2 and the client is cut.
    for (let i = 0; i < 400 && twin.listeners.size > 0; i++) {
      twin.publish(big);
      if (i % 20 === 19) await new Promise((resolve) => setImmediate(resolve));
    }
    expect(twin.listeners.size).toBe(0);
    expect(metrics.get('twinops_api_stream_clients_dropped_total')).toBe(1);
    expect(metrics.get('twinops_api_stream_clients')).toBe(0);
    stream.res.resume();
    await stream.ended;
  });

  it('refuses streams beyond sse_max_clients with 503', async () => {
    const address = await start({ sseMaxClients: 1 });
    await openStream(address, '/api/v1/stream');
    const refused = await openStream(address, '/api/v1/stream');
    await refused.ended;
    expect(refused.res.statusCode).toBe(503);
    expect(JSON.parse(refused.text())).toEqual({
      error: { code: 'unavailable', message: 'too many event streams open (api.sse_max_clients is 1)' },
    });
  });

  it('ends every stream on shutdown', async () => {
    const address = await start();
    const streams = [await openStream(address, '/api/v1/stream'), await openStream(address, '/api/v1/stream?kinds=entity.added')];
    twin.publish(ENTITY_ADDED);
    await Promise.all(streams.map((s) => s.waitFor((text) => text === frame(ENTITY_ADDED))));
    await server?.shutdown();
    await Promise.all(streams.map((s) => s.ended));
    expect(streams.map((s) => s.res.complete)).toEqual([true, true]);
    expect(twin.listeners.size).toBe(0);
    // A stream is counted once it ends.
    expect(metrics.get('twinops_api_requests_total', { route: '/api/v1/stream', status: '200' })).toBe(2);
  });

  it('answers 400 for an unknown kind', async () => {
    const { app } = createTestApp();
    const res = await app.inject('/api/v1/stream?kinds=entity.added,entity.deleted');
    expect(res.statusCode).toBe(400);
    expect(res.json()).toEqual({
      error: {
        code: 'bad_request',
        message:
          'kinds: must list kinds among entity.added, entity.updated, entity.removed, relation.added, relation.removed, signal.added, event.added, got "entity.deleted"',
      },
    });
  });

  it('streams the watched signals\' new latest points as signal.point events, beside the kinds asked for', async () => {
    const host: EntityDetail = { ...HOST, signals: [{ ...HOST.signals[0] }] };
    const ownTwin = new FakeTwin([host, RACK]);
    const address = await start({}, { twin: ownTwin });
    const watch = ['host:web-3|cpu.utilization', 'rack:ams1/r12|inlet.temperature', 'host:later|cpu.utilization'];
    const query = watch.map((w) => `watch=${encodeURIComponent(w)}`).join('&');
    const stream = await openStream(address, `/api/v1/stream?kinds=event.added&${query}`);
    expect([...timers.active.values()].map((t) => t.ms)).toEqual([15_000, 1000]);
    timers.fireEvery(1000);
    ownTwin.publish(SIGNAL_ADDED);
    ownTwin.publish(EVENT_ADDED);
    host.signals[0].latest = { t: 1_700_000_070_000, v: 0.5 };
    timers.fireEvery(1000);
    timers.fireEvery(1000);
    const expected =
      'event: signal.point\ndata: {"entity":"host:web-3","signal":"cpu.utilization","t":1700000060000,"v":0.42}\n\n' +
      frame(EVENT_ADDED) +
      'event: signal.point\ndata: {"entity":"host:web-3","signal":"cpu.utilization","t":1700000070000,"v":0.5}\n\n';
    expect(await stream.waitFor((text) => text.length >= expected.length)).toBe(expected);
  });

  it('takes a single watch parameter as a list of one', async () => {
    const stream = await openStream(await start(), `/api/v1/stream?watch=${encodeURIComponent('host:web-3|cpu.utilization')}`);
    timers.fireEvery(1000);
    const expected = 'event: signal.point\ndata: {"entity":"host:web-3","signal":"cpu.utilization","t":1700000060000,"v":0.42}\n\n';
    expect(await stream.waitFor((text) => text.length >= expected.length)).toBe(expected);
  });

  it.each([
    [['host:web-3'], 'watch: must be "<entity>|<signal>", got "host:web-3"'],
    [Array.from({ length: 101 }, (_, i) => `host:web-3|s${i}`), 'watch: at most 100 signals per stream, got 101'],
  ])('answers 400 for watch %#', async (values, message) => {
    const { app } = createTestApp();
    const res = await app.inject({ url: '/api/v1/stream', query: { watch: values } });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toEqual({ error: { code: 'bad_request', message } });
  });
});
