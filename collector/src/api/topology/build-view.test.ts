import { createShopTwin, LEGACY_AT, T0 } from '../test-support/shop-twin';
import { NOW } from '../test-support/test-app';
import { buildView } from './build-view';
import type { ViewGraph } from './build-view';
import type { TopologyView } from './entity-kinds';

const IDLE_MS = 300_000;

function view(name: TopologyView, atMs = NOW, idleMs = IDLE_MS) {
  const { twin } = createShopTwin();
  return buildView(twin.topology(), name, { atMs, idleMs });
}

const ids = (graph: ViewGraph) => ({ nodes: graph.nodes.map((n) => n.id), edges: graph.edges.map((e) => e.id) });

const SERVICE_NODES = [
  'service:shop/frontend',
  'service:shop/checkout',
  'user',
  'database:postgresql/orders',
  'flow:shop/frontend/POST /checkout',
];
const SERVICE_EDGES = [
  'calls:user->service:shop/frontend',
  'calls:service:shop/frontend->service:shop/checkout',
  'database:service:shop/checkout->database:postgresql/orders',
  'part_of:service:shop/frontend->flow:shop/frontend/POST /checkout',
  'part_of:service:shop/checkout->flow:shop/frontend/POST /checkout',
];
const INFRA_NODES = [
  'enterprise:acme',
  'site:ams1',
  'room:ams1/hall-a',
  'row:ams1/hall-a/r1',
  'rack:ams1/r12',
  'crac:ams1/c2',
  'pdu:ams1/p1',
  'host:web-3',
  'host:web-4',
  'hw:web-3/psu0',
];
const INFRA_EDGES = [
  'contains:enterprise:acme->site:ams1',
  'contains:site:ams1->room:ams1/hall-a',
  'contains:room:ams1/hall-a->row:ams1/hall-a/r1',
  'contains:row:ams1/hall-a/r1->rack:ams1/r12',
  'contains:room:ams1/hall-a->crac:ams1/c2',
  'contains:room:ams1/hall-a->pdu:ams1/p1',
  'contains:rack:ams1/r12->host:web-3',
  'contains:rack:ams1/r12->host:web-4',
  'cools:crac:ams1/c2->rack:ams1/r12',
  'powers:pdu:ams1/p1->rack:ams1/r12',
  'contains:host:web-3->hw:web-3/psu0',
];
const JOIN_EDGES = [
  'runs_on:service:shop/frontend->host:web-3',
  'runs_on:service:shop/checkout->host:web-3',
  'runs_on:service:shop/checkout->host:web-4',
];

describe('buildView', () => {
  it('shows services, virtual nodes and flows with their traffic edges in the services view', () => {
    expect(ids(view('services'))).toEqual({ nodes: SERVICE_NODES, edges: SERVICE_EDGES });
  });

  it('shows the infrastructure with its structural edges in the infra view', () => {
    expect(ids(view('infra'))).toEqual({ nodes: INFRA_NODES, edges: INFRA_EDGES });
  });

  it('joins both in the all view, instances collapsed into service runs_on edges, OS processes left out', () => {
    // Node order is the twin's (first seen); services come after the inventory there.
    const graph = view('all');
    expect(ids(graph)).toEqual({
      nodes: [...INFRA_NODES, ...SERVICE_NODES],
      edges: [...INFRA_EDGES, ...JOIN_EDGES, ...SERVICE_EDGES],
    });
    expect(graph.edges.filter((e) => e.type === 'runs_on')).toEqual([
      { id: JOIN_EDGES[0], from: 'service:shop/frontend', to: 'host:web-3', type: 'runs_on', stats: { instances: 1 }, instances: 1, firstSeen: T0, lastSeen: T0 },
      { id: JOIN_EDGES[1], from: 'service:shop/checkout', to: 'host:web-3', type: 'runs_on', stats: { instances: 1 }, instances: 1, firstSeen: T0, lastSeen: T0 },
      { id: JOIN_EDGES[2], from: 'service:shop/checkout', to: 'host:web-4', type: 'runs_on', stats: { instances: 1 }, instances: 1, firstSeen: T0, lastSeen: T0 },
    ]);
  });

  it('counts the instances of one service on one host', () => {
    const { twin } = createShopTwin();
    twin.upsertEntity({ id: 'instance:shop/checkout/c3', type: 'instance', level: 'asset' });
    twin.upsertRelation('service:shop/checkout', 'instance:shop/checkout/c3', 'contains');
    twin.upsertRelation('instance:shop/checkout/c3', 'host:web-4', 'runs_on');
    const edge = buildView(twin.topology(), 'all', { atMs: NOW, idleMs: IDLE_MS }).edges.find((e) => e.id === JOIN_EDGES[2]);
    expect(edge).toEqual({ ...edge, stats: { instances: 2 }, instances: 2, firstSeen: T0, lastSeen: NOW });
  });

  it('moves an instance without a contains relation to its parent service', () => {
    const { twin } = createShopTwin();
    twin.upsertEntity({ id: 'instance:shop/frontend/f2', type: 'instance', level: 'asset' });
    twin.upsertRelation('instance:shop/frontend/f2', 'host:web-4', 'runs_on');
    expect(ids(buildView(twin.topology(), 'all', { atMs: NOW, idleMs: IDLE_MS })).edges).not.toContain('runs_on:service:shop/frontend->host:web-4');
    twin.upsertRelation('service:shop/frontend', 'instance:shop/frontend/f2', 'contains');
    expect(ids(buildView(twin.topology(), 'all', { atMs: NOW, idleMs: IDLE_MS })).edges).toContain('runs_on:service:shop/frontend->host:web-4');
  });

  it('shows an edge and its virtual node while active, and drops both once idle', () => {
    const legacy = 'calls:service:shop/frontend->service:legacy';
    const then = ids(view('services', LEGACY_AT + 60_000));
    expect(then.nodes).toEqual([...SERVICE_NODES, 'service:legacy']);
    expect(then.edges).toEqual([...SERVICE_EDGES, legacy]);
    // Exactly idle long: still there; a millisecond later: gone.
    expect(ids(view('services', LEGACY_AT + IDLE_MS)).edges).toContain(legacy);
    expect(ids(view('services', LEGACY_AT + IDLE_MS + 1)).edges).not.toContain(legacy);
    expect(ids(view('services', NOW, NOW - LEGACY_AT)).edges).toContain(legacy);
  });

  it('leaves out entities and edges first seen after the moment', () => {
    expect(ids(view('services', T0 + 30_000))).toEqual({ nodes: SERVICE_NODES, edges: SERVICE_EDGES });
    expect(ids(view('all', T0 - 1))).toEqual({ nodes: [], edges: [] });
  });

  it('keeps structural edges however old', () => {
    expect(ids(view('infra', NOW, 1))).toEqual({ nodes: INFRA_NODES, edges: INFRA_EDGES });
  });
});
