import { FakeAnalytics, HOST_HEALTH } from './test-support/fake-analytics';
import { HOST, RACK, RUNS_ON, SERVICE } from './test-support/fake-twin';
import { createShopTwin, LEGACY_AT, T0 } from './test-support/shop-twin';
import { createTestApp, NOW } from './test-support/test-app';
import type { EntityDetail } from '../model';

// The fake twin's entities as topology nodes.
const node = (detail: EntityDetail, subtitle: string) => ({
  id: detail.id,
  type: detail.type,
  level: detail.level,
  title: detail.name,
  subtitle,
  virtual: false,
  ...(detail.parent ? { parent: detail.parent } : {}),
  health: { status: 'unknown' },
  stats: {},
  firstSeen: detail.firstSeen,
  lastSeen: detail.lastSeen,
});
const HOST_NODE = node(HOST, 'host');
const RACK_NODE = node(RACK, 'rack');
const SERVICE_NODE = node(SERVICE, 'shop');

const CONTAINS_EDGE = {
  id: 'contains:rack:ams1/r12->host:web-3',
  source: 'rack:ams1/r12',
  target: 'host:web-3',
  type: 'contains',
  stats: {},
  firstSeen: 1_700_000_000_000,
  lastSeen: 1_700_000_060_000,
};
const RUNS_ON_EDGE = {
  id: RUNS_ON.id,
  source: 'service:checkout',
  target: 'host:web-3',
  type: 'runs_on',
  stats: {},
  firstSeen: 1_700_000_000_000,
  lastSeen: 1_700_000_030_000,
};

function shopApp(settings: Parameters<typeof createTestApp>[0] = {}, config: Parameters<typeof createTestApp>[1] = {}) {
  const shop = createShopTwin();
  return { ...createTestApp({ twin: shop.twin, ...settings }, config), shop };
}

async function get(app: ReturnType<typeof createTestApp>['app'], query: string) {
  const res = await app.inject(`/api/v1/topology${query}`);
  return { status: res.statusCode, body: res.json() };
}

const ids = (body: { nodes: { id: string }[]; edges: { id: string }[] }) => ({
  nodes: body.nodes.map((n) => n.id),
  edges: body.edges.map((e) => e.id),
});

describe('GET /api/v1/topology over the fake twin (type and level as before)', () => {
  it('returns every node and edge in the all view by default, from/to as source/target', async () => {
    const { app } = createTestApp();
    expect(await get(app, '')).toEqual({ status: 200, body: { nodes: [HOST_NODE, RACK_NODE, SERVICE_NODE], edges: [CONTAINS_EDGE, RUNS_ON_EDGE] } });
  });

  it.each([
    ['type=host', [HOST_NODE], []],
    ['level=asset', [HOST_NODE, RACK_NODE], [CONTAINS_EDGE]],
    ['type=service&level=system', [SERVICE_NODE], []],
    ['level=enterprise', [], []],
  ])('keeps the nodes matching %s and the edges between them', async (query, nodes, edges) => {
    const { app } = createTestApp();
    expect(await get(app, `?${query}`)).toEqual({ status: 200, body: { nodes, edges } });
  });

  it('keeps relation stats, sending NaN as null', async () => {
    const { app, twin } = createTestApp();
    twin.relations.push({ ...RUNS_ON, id: 'calls:a->b', type: 'calls', stats: { rate: 2.5, error_rate: Number.NaN } });
    expect((await get(app, '')).body.edges[2].stats).toEqual({ rate: 2.5, error_rate: null });
  });
});

describe('GET /api/v1/topology with live analytics', () => {
  it('shows the analytics health now, and the traffic or hardware reading where it knows nothing or for a past moment', async () => {
    const unknown = { score: 1, status: 'unknown' as const, reasons: [] };
    const { app } = createTestApp({ analytics: new FakeAnalytics(undefined, { 'host:web-3': HOST_HEALTH, 'service:checkout': unknown }) });
    expect((await get(app, '')).body.nodes).toEqual([{ ...HOST_NODE, health: { status: 'degraded', score: 0.5 } }, RACK_NODE, SERVICE_NODE]);
    expect((await get(app, '?at=now')).body.nodes).toEqual([HOST_NODE, RACK_NODE, SERVICE_NODE]);
  });
});

describe('GET /api/v1/topology over a real twin', () => {
  it.each([
    ['services', 5, 5],
    ['infra', 10, 11],
    ['all', 15, 19],
  ])('answers view=%s with %i nodes and %i edges', async (view, nodes, edges) => {
    const { app } = shopApp();
    const { status, body } = await get(app, `?view=${view}`);
    expect(status).toBe(200);
    expect([body.nodes.length, body.edges.length]).toEqual([nodes, edges]);
  });

  it('keeps what lies within depth hops of the focus', async () => {
    const { app } = shopApp();
    expect(ids((await get(app, '?view=all&focus=host:web-4&depth=1')).body)).toEqual({
      nodes: ['rack:ams1/r12', 'host:web-4', 'service:shop/checkout'],
      edges: ['contains:rack:ams1/r12->host:web-4', 'runs_on:service:shop/checkout->host:web-4'],
    });
    // depth defaults to 2
    expect(ids((await get(app, '?view=services&focus=user')).body).nodes).toEqual(['service:shop/frontend', 'service:shop/checkout', 'user', 'flow:shop/frontend/POST /checkout']);
  });

  it('drops edges idle longer than api.topology_edge_idle_seconds', async () => {
    const legacy = 'calls:service:shop/frontend->service:legacy';
    expect(ids((await get(shopApp().app, '?view=services')).body).edges).not.toContain(legacy);
    const { app } = shopApp({}, { topologyEdgeIdleSeconds: 600 });
    expect(ids((await get(app, '?view=services')).body).edges).toContain(legacy);
  });

  it('answers for a past moment given as now-<duration>, RFC 3339 or epoch milliseconds', async () => {
    const { app, shop } = shopApp();
    shop.twin.recordSignal('service:shop/frontend', 'edge.requests_per_second{to="service:legacy",type="calls"}', '1/s', 'gauge', LEGACY_AT, 3);
    const at = LEGACY_AT + 30_000;
    for (const text of [`now-${(NOW - at) / 1000}s`, new Date(at).toISOString(), String(at)]) {
      const { status, body } = await get(app, `?view=services&focus=service:legacy&depth=1&at=${encodeURIComponent(text)}`);
      expect(status).toBe(200);
      expect(body.edges).toEqual([
        {
          id: 'calls:service:shop/frontend->service:legacy',
          source: 'service:shop/frontend',
          target: 'service:legacy',
          type: 'calls',
          stats: { requests_per_second: 3 },
          firstSeen: LEGACY_AT,
          lastSeen: LEGACY_AT,
        },
      ]);
    }
    expect(ids((await get(app, `?at=${T0 - 1}`)).body)).toEqual({ nodes: [], edges: [] });
  });

  it.each([
    ['view=graph', 'view: must be one of services, infra, all, got "graph"'],
    ['depth=11&focus=user', 'depth: must be <= 10, got 11'],
    ['depth=-1&focus=user', 'depth: must be >= 0, got -1'],
    ['depth=two&focus=user', 'depth: must be integer, got "two"'],
    ['focus=', 'focus: must NOT have fewer than 1 characters, got ""'],
    ['at=yesterday', 'at: expected RFC 3339, epoch milliseconds or now-<duration>, got "yesterday"'],
    [`at=${NOW + 1}`, 'at: must not be after now (2023-11-14T22:13:20.000Z), got 2023-11-14T22:13:20.001Z'],
    ['at=now-61m', 'at: must be within the history retention of 3600 s (not before 2023-11-14T21:13:20.000Z), got 2023-11-14T21:12:20.000Z'],
    ['at=now-999999999w', 'at: must be within the history retention of 3600 s (not before 2023-11-14T21:13:20.000Z), got -604798299395200000 ms'],
    ['view=infra&focus=user', 'focus: entity "user" is not in the infra view'],
    [`view=services&focus=service:legacy&at=${T0 + 30_000}`, 'focus: entity "service:legacy" is not in the services view at 2023-11-14T22:03:50.000Z'],
    ['zoom=2', 'zoom: unknown query parameter'],
  ])('answers 400 for %s', async (query, message) => {
    const { app } = shopApp();
    expect(await get(app, `?${query}`)).toEqual({ status: 400, body: { error: { code: 'bad_request', message } } });
  });

  it('takes the retention from the settings', async () => {
    const { app } = shopApp({ historyRetentionSeconds: 7200 });
    expect((await get(app, '?at=now-61m')).status).toBe(200);
  });

  it('answers 404 naming an unknown focus entity', async () => {
    const { app } = shopApp();
    expect(await get(app, '?focus=service:nope')).toEqual({ status: 404, body: { error: { code: 'not_found', message: 'focus: entity "service:nope" not found' } } });
  });
});
