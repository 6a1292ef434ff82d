import { HOST, RACK, RUNS_ON, SERVICE, summary } from './test-support/fake-twin';
import { createTestApp } from './test-support/test-app';

const node = (detail: typeof HOST) => JSON.parse(JSON.stringify({ ...summary(detail), signals: detail.signals }));

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

describe('GET /api/v1/topology', () => {
  it('returns nodes and edges with from/to as source/target', async () => {
    const { app } = createTestApp();
    const res = await app.inject('/api/v1/topology');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ nodes: [node(HOST), node(RACK), node(SERVICE)], edges: [CONTAINS_EDGE, RUNS_ON_EDGE] });
  });

  it.each([
    ['type=host', [HOST], []],
    ['level=asset', [HOST, RACK], [CONTAINS_EDGE]],
    ['type=service&level=system', [SERVICE], []],
    ['level=enterprise', [], []],
  ])('keeps the nodes matching %s and the edges between them', async (query, nodes, edges) => {
    const { app } = createTestApp();
    const res = await app.inject(`/api/v1/topology?${query}`);
    expect(res.json()).toEqual({ nodes: nodes.map(node), edges });
  });

  it('keeps relation stats, sending NaN as null', async () => {
    const { app, twin } = createTestApp();
    twin.relations.push({ ...RUNS_ON, id: 'calls:a->b', type: 'calls', stats: { rate: 2.5, error_rate: Number.NaN } });
    const res = await app.inject('/api/v1/topology');
    expect(res.json().edges[2].stats).toEqual({ rate: 2.5, error_rate: null });
  });

  it('answers 400 for an unknown level', async () => {
    const { app } = createTestApp();
    const res = await app.inject('/api/v1/topology?level=rack');
    expect(res.statusCode).toBe(400);
    expect(res.json()).toEqual({
      error: { code: 'bad_request', message: 'level: must be one of component, asset, system, process, enterprise, got "rack"' },
    });
  });
});
