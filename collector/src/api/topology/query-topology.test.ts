import { createShopTwin, LEGACY_AT, RECENT, T0 } from '../test-support/shop-twin';
import { NOW } from '../test-support/test-app';
import { queryTopology } from './query-topology';
import type { TopologyQuery } from './query-topology';

const OPTIONS = { idleMs: 300_000, statsMaxAgeMs: 120_000 };

function setup() {
  const { twin } = createShopTwin();
  const record = (entity: string, name: string, t: number, v: number) => twin.recordSignal(entity, name, '1', 'gauge', t, v);
  record('service:shop/frontend', 'service.requests_per_second', LEGACY_AT, 12);
  record('service:shop/frontend', 'service.error_ratio', LEGACY_AT, 0.02);
  record('service:shop/frontend', 'service.requests_per_second', RECENT, 20);
  record('service:shop/frontend', 'service.error_ratio', RECENT, 0.001);
  record('service:shop/checkout', 'service.requests_per_second', RECENT, 5);
  record('service:shop/checkout', 'service.error_ratio', RECENT, 0.2);
  record('service:shop/frontend', 'edge.requests_per_second{to="service:legacy",type="calls"}', LEGACY_AT, 3);
  record('hw:web-3/psu0', 'hw.status{hw.state="degraded",hw.type="power_supply"}', RECENT, 1);
  const query = (q: Partial<TopologyQuery>) => queryTopology(twin, { view: 'all', atMs: NOW, present: true, ...q }, OPTIONS);
  return { query };
}

describe('queryTopology', () => {
  it('shapes nodes with title, subtitle, health and stats, and edges with source and target', () => {
    const { query } = setup();
    const graph = query({ view: 'services', focus: { id: 'service:shop/checkout', depth: 1 } });
    expect(graph).toEqual({
      nodes: [
        {
          id: 'service:shop/frontend',
          type: 'service',
          level: 'system',
          title: 'frontend',
          subtitle: 'shop',
          virtual: false,
          health: { status: 'ok', score: 0.999 },
          stats: { requests_per_second: 20, error_ratio: 0.001 },
          firstSeen: T0,
          lastSeen: T0,
        },
        {
          id: 'service:shop/checkout',
          type: 'service',
          level: 'system',
          title: 'checkout',
          subtitle: 'shop',
          virtual: false,
          health: { status: 'failing', score: 0.8 },
          stats: { requests_per_second: 5, error_ratio: 0.2 },
          firstSeen: T0,
          lastSeen: T0,
        },
        {
          id: 'database:postgresql/orders',
          type: 'database',
          level: 'system',
          title: 'postgresql orders',
          subtitle: 'virtual database',
          virtual: true,
          health: { status: 'unknown' },
          stats: {},
          firstSeen: T0,
          lastSeen: T0,
        },
        {
          id: 'flow:shop/frontend/POST /checkout',
          type: 'flow',
          level: 'process',
          title: 'frontend POST /checkout',
          subtitle: 'flow',
          virtual: false,
          health: { status: 'unknown' },
          stats: {},
          firstSeen: T0,
          lastSeen: T0,
        },
      ],
      edges: [
        {
          id: 'calls:service:shop/frontend->service:shop/checkout',
          source: 'service:shop/frontend',
          target: 'service:shop/checkout',
          type: 'calls',
          stats: { requests_per_second: 5, error_ratio: 0.2, requests_total: 3000 },
          firstSeen: T0,
          lastSeen: RECENT,
        },
        {
          id: 'database:service:shop/checkout->database:postgresql/orders',
          source: 'service:shop/checkout',
          target: 'database:postgresql/orders',
          type: 'database',
          stats: { requests_per_second: 10, error_ratio: 0 },
          firstSeen: T0,
          lastSeen: RECENT,
        },
        {
          id: 'part_of:service:shop/frontend->flow:shop/frontend/POST /checkout',
          source: 'service:shop/frontend',
          target: 'flow:shop/frontend/POST /checkout',
          type: 'part_of',
          stats: { critical_path_share: 0.25 },
          firstSeen: T0,
          lastSeen: RECENT,
        },
        {
          id: 'part_of:service:shop/checkout->flow:shop/frontend/POST /checkout',
          source: 'service:shop/checkout',
          target: 'flow:shop/frontend/POST /checkout',
          type: 'part_of',
          stats: { critical_path_share: 0.75 },
          firstSeen: T0,
          lastSeen: RECENT,
        },
      ],
    });
  });

  it('gives infrastructure nodes their parent and hardware health', () => {
    const { query } = setup();
    expect(query({ type: 'hw' })?.nodes).toEqual([
      {
        id: 'hw:web-3/psu0',
        type: 'hw',
        level: 'component',
        title: 'psu0',
        subtitle: 'power_supply',
        virtual: false,
        parent: 'host:web-3',
        health: { status: 'degraded', score: 0.5 },
        stats: {},
        firstSeen: T0,
        lastSeen: T0,
      },
    ]);
  });

  it('gives data-center nodes their statistics, reading hosts and sensors outside the view', () => {
    const { twin, setTime } = createShopTwin();
    setTime(T0);
    twin.upsertEntity({ id: 'hw:web-3/web-3-inlet', type: 'hw', level: 'component', name: 'web-3-inlet', attributes: {} });
    twin.upsertRelation('host:web-3', 'hw:web-3/web-3-inlet', 'contains');
    twin.upsertEntity({ id: 'hw:c2/c2-supply', type: 'hw', level: 'component', name: 'c2-supply', attributes: { 'hw.sensor_location': 'supply' } });
    twin.upsertRelation('crac:ams1/c2', 'hw:c2/c2-supply', 'contains');
    setTime(NOW);
    const record = (entity: string, name: string, v: number) => twin.recordSignal(entity, name, 'W', 'gauge', RECENT, v);
    record('host:web-3', 'hw.host.power', 250);
    record('host:web-4', 'hw.host.power', 230);
    record('hw:web-3/web-3-inlet', 'hw.temperature', 23.5);
    record('crac:ams1/c2', 'hw.host.power', 3500);
    record('hw:c2/c2-supply', 'hw.temperature', 18);
    record('pdu:ams1/p1', 'hw.host.power', 480);
    const stats = (q: Partial<TopologyQuery>) =>
      queryTopology(twin, { view: 'infra', atMs: NOW, present: true, ...q }, OPTIONS)?.nodes.map((n) => [n.id, n.stats]);
    expect(stats({ level: 'asset' })).toEqual([
      ['rack:ams1/r12', { power_watts: 480 }],
      ['crac:ams1/c2', { supply_celsius: 18, power_watts: 3500 }],
      ['pdu:ams1/p1', { power_watts: 480 }],
      ['host:web-3', { inlet_celsius: 23.5, power_watts: 250 }],
      ['host:web-4', { power_watts: 230 }],
    ]);
    expect(stats({ view: 'all', focus: { id: 'crac:ams1/c2', depth: 1 } })).toEqual([
      ['room:ams1/hall-a', {}],
      ['rack:ams1/r12', { power_watts: 480 }],
      ['crac:ams1/c2', { supply_celsius: 18, power_watts: 3500 }],
      ['hw:c2/c2-supply', {}],
    ]);
  });

  it('answers for a past moment: the idle edge as it was, statistics from the history', () => {
    const { query } = setup();
    const graph = query({ view: 'services', atMs: LEGACY_AT + 30_000, present: false, focus: { id: 'service:legacy', depth: 1 } });
    expect(graph?.nodes.map((n) => [n.id, n.health, n.stats])).toEqual([
      ['service:shop/frontend', { status: 'degraded', score: 0.98 }, { requests_per_second: 12, error_ratio: 0.02 }],
      ['service:legacy', { status: 'unknown' }, {}],
    ]);
    expect(graph?.edges.map((e) => [e.id, e.stats])).toEqual([['calls:service:shop/frontend->service:legacy', { requests_per_second: 3 }]]);
  });

  it('keeps only nodes of the type and level asked for, and the edges between them', () => {
    const { query } = setup();
    const graph = query({ level: 'asset' });
    expect(graph?.nodes.map((n) => n.id)).toEqual(['rack:ams1/r12', 'crac:ams1/c2', 'pdu:ams1/p1', 'host:web-3', 'host:web-4']);
    expect(graph?.edges.map((e) => e.id)).toEqual([
      'contains:rack:ams1/r12->host:web-3',
      'contains:rack:ams1/r12->host:web-4',
      'cools:crac:ams1/c2->rack:ams1/r12',
      'powers:pdu:ams1/p1->rack:ams1/r12',
    ]);
  });

  it('answers undefined when the focus is not in the view', () => {
    const { query } = setup();
    expect(query({ view: 'infra', focus: { id: 'service:shop/frontend', depth: 2 } })).toBeUndefined();
    expect(query({ view: 'services', focus: { id: 'service:legacy', depth: 2 } })).toBeUndefined();
  });
});
