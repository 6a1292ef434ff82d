import { createShopTwin, LEGACY_AT, RECENT, T0 } from '../test-support/shop-twin';
import { NOW } from '../test-support/test-app';
import { buildView } from './build-view';
import { edgeSignalName, edgeStats, nodeStats } from './signal-values';

const FRONTEND = 'service:shop/frontend';

function setup() {
  const shop = createShopTwin();
  const { twin } = shop;
  const record = (entity: string, name: string, t: number, v: number) => twin.recordSignal(entity, name, '1', 'gauge', t, v);
  record(FRONTEND, 'service.requests_per_second', T0 + 60_000, 12);
  record(FRONTEND, 'service.error_ratio', T0 + 60_000, 0.02);
  record(FRONTEND, 'service.requests_per_second', RECENT, 20);
  record(FRONTEND, 'service.error_ratio', RECENT, 0.001);
  record(FRONTEND, 'service.latency_p95_seconds', RECENT, 0.25);
  record('flow:shop/frontend/POST /checkout', 'flow.requests_per_second', RECENT, 4);
  const legacy = { to: 'service:legacy', type: 'calls' as const };
  record(FRONTEND, edgeSignalName('requests_per_second', legacy), LEGACY_AT, 3);
  record(FRONTEND, edgeSignalName('client_latency_p95_seconds', legacy), LEGACY_AT, 0.5);
  const graph = buildView(twin.topology(), 'services', { atMs: NOW, idleMs: NOW - T0 });
  const node = (id: string) => graph.nodes.find((n) => n.id === id)!;
  const edge = (id: string) => graph.edges.find((e) => e.id === id)!;
  return { twin, node, edge };
}

describe('edgeSignalName', () => {
  it('labels the callee and the edge type, escaped as Prometheus labels', () => {
    expect(edgeSignalName('error_ratio', { to: 'service:shop/checkout', type: 'calls' })).toBe(
      'edge.error_ratio{to="service:shop/checkout",type="calls"}',
    );
    expect(edgeSignalName('requests_per_second', { to: 'external:a"b\\c', type: 'database' })).toBe(
      'edge.requests_per_second{to="external:a\\"b\\\\c",type="database"}',
    );
  });
});

describe('nodeStats', () => {
  it('reads the latest points now, when recent enough', () => {
    const { twin, node } = setup();
    const now = { atMs: NOW, maxAgeMs: 120_000, present: true };
    expect(nodeStats(twin, node(FRONTEND), now)).toEqual({ requests_per_second: 20, error_ratio: 0.001, latency_p95_seconds: 0.25 });
    expect(nodeStats(twin, node('flow:shop/frontend/POST /checkout'), now)).toEqual({ requests_per_second: 4 });
    expect(nodeStats(twin, node(FRONTEND), { ...now, maxAgeMs: 9_999 })).toEqual({});
  });

  it('reads the history at a past moment: the latest point at or before it, within the maximum age', () => {
    const { twin, node } = setup();
    const past = (atMs: number) => nodeStats(twin, node(FRONTEND), { atMs, maxAgeMs: 120_000, present: false });
    expect(past(T0 + 60_000)).toEqual({ requests_per_second: 12, error_ratio: 0.02 });
    expect(past(T0 + 180_000)).toEqual({ requests_per_second: 12, error_ratio: 0.02 });
    expect(past(T0 + 180_001)).toEqual({});
    expect(past(T0 + 59_999)).toEqual({});
  });
});

describe('edgeStats', () => {
  it('gives the relation stats now and the caller history in the past', () => {
    const { twin, edge } = setup();
    const legacy = edge('calls:service:shop/frontend->service:legacy');
    expect(edgeStats(twin, legacy, { atMs: NOW, maxAgeMs: 120_000, present: true })).toEqual({ requests_per_second: 3, error_ratio: 0 });
    expect(edgeStats(twin, legacy, { atMs: LEGACY_AT + 30_000, maxAgeMs: 120_000, present: false })).toEqual({
      requests_per_second: 3,
      client_latency_p95_seconds: 0.5,
    });
    expect(edgeStats(twin, legacy, { atMs: LEGACY_AT + 120_001, maxAgeMs: 120_000, present: false })).toEqual({});
  });

  it('counts instances on collapsed edges, now and then', () => {
    const { twin } = createShopTwin();
    const runsOn = buildView(twin.topology(), 'all', { atMs: NOW, idleMs: 1 }).edges.find((e) => e.type === 'runs_on')!;
    expect(edgeStats(twin, runsOn, { atMs: T0, maxAgeMs: 1, present: false })).toEqual({ instances: 1 });
  });
});
