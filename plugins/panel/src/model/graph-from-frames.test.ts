import { createDataFrame, FieldType, type DataFrame } from '@grafana/data';
import { graphFromFrames } from './graph-from-frames';

const str = (name: string, values: unknown[]) => ({ name, type: FieldType.string, values });
const num = (name: string, values: Array<number | null>, unit?: string) => ({
  name,
  type: FieldType.number,
  values,
  config: unit ? { unit } : {},
});

// The shape topology-frames.ts of the datasource produces.
const nodesFrame = (): DataFrame =>
  createDataFrame({
    name: 'nodes',
    fields: [
      str('id', ['svc:checkout', 'host:h1']),
      str('title', ['checkout', 'h1']),
      str('subtitle', ['service', 'host']),
      num('mainstat', [12.5, null], 'reqps'),
      num('secondarystat', [0.25, null], 's'),
      num('arc__ok', [0.75, 0]),
      num('arc__degraded', [0.25, 0]),
      num('arc__failing', [0, 0]),
      num('arc__unknown', [0, 1]),
      str('color', ['#73BF69', '#8E8E8E']),
      str('detail__type', ['service', 'host']),
      str('detail__level', ['system', 'asset']),
      str('detail__health', ['ok', 'unknown']),
      num('detail__health_score', [0.75, null]),
      num('detail__error_ratio', [0.02, null]),
      num('detail__inlet_celsius', [null, 24.5]),
      str('detail__parent', ['', 'rack:r1']),
    ],
  });

const edgesFrame = (): DataFrame =>
  createDataFrame({
    name: 'edges',
    fields: [
      str('id', ['calls:svc:web->svc:checkout', 'runs_on:svc:checkout->host:h1']),
      str('source', ['svc:web', 'svc:checkout']),
      str('target', ['svc:checkout', 'host:h1']),
      num('mainstat', [40, null], 'reqps'),
      num('secondarystat', [0.05, null], 'percentunit'),
      num('thickness', [2.62, 1]),
      str('detail__type', ['calls', 'runs_on']),
    ],
  });

describe('graphFromFrames', () => {
  it('reads nodes with stats, health and fractions', () => {
    const graph = graphFromFrames([nodesFrame(), edgesFrame()]);
    expect(graph?.nodes).toEqual([
      {
        id: 'svc:checkout',
        title: 'checkout',
        subtitle: 'service',
        type: 'service',
        level: 'system',
        health: 'ok',
        healthFractions: { ok: 0.75, degraded: 0.25, failing: 0, unknown: 0 },
        mainstat: '12.5 req/s',
        secondarystat: '250 ms',
        stats: { requests_per_second: 12.5, latency_p95_seconds: 0.25, health_score: 0.75, error_ratio: 0.02 },
      },
      {
        id: 'host:h1',
        title: 'h1',
        subtitle: 'host',
        type: 'host',
        level: 'asset',
        health: 'unknown',
        healthFractions: { ok: 0, degraded: 0, failing: 0, unknown: 1 },
        stats: { inlet_celsius: 24.5 },
      },
    ]);
  });

  it('reads edges with type, rate and error ratio', () => {
    expect(graphFromFrames([edgesFrame(), nodesFrame()])?.edges).toEqual([
      {
        id: 'calls:svc:web->svc:checkout',
        source: 'svc:web',
        target: 'svc:checkout',
        type: 'calls',
        requestsPerSecond: 40,
        errorRatio: 0.05,
        mainstat: '40 req/s',
      },
      { id: 'runs_on:svc:checkout->host:h1', source: 'svc:checkout', target: 'host:h1', type: 'runs_on' },
    ]);
  });

  it('is undefined without a nodes frame', () => {
    expect(graphFromFrames([])).toBeUndefined();
    expect(graphFromFrames([edgesFrame()])).toBeUndefined();
  });

  it('finds unnamed frames by their fields and has no edges without an edges frame', () => {
    const frame = createDataFrame({ fields: [str('id', ['a'])] });
    expect(graphFromFrames([frame])).toEqual({
      nodes: [
        {
          id: 'a',
          title: 'a',
          subtitle: '',
          type: '',
          level: '',
          health: 'unknown',
          healthFractions: { ok: 0, degraded: 0, failing: 0, unknown: 1 },
          stats: {},
        },
      ],
      edges: [],
    });
  });

  it.each([
    [[0.6, 0.4, 0, 0], 'ok', { ok: 0.6, degraded: 0.4, failing: 0, unknown: 0 }],
    [[0.5, 0, 0.5, 0], 'failing', { ok: 0.5, degraded: 0, failing: 0.5, unknown: 0 }],
    [[2, 2, 0, 0], 'degraded', { ok: 0.5, degraded: 0.5, failing: 0, unknown: 0 }],
    [[0, 0, 0, 0], 'unknown', { ok: 0, degraded: 0, failing: 0, unknown: 1 }],
  ])('without detail__health, arcs %p give %p and fractions %p', (arcs, health, fractions) => {
    const frame = createDataFrame({
      name: 'nodes',
      fields: [
        str('id', ['a']),
        num('arc__ok', [arcs[0]]),
        num('arc__degraded', [arcs[1]]),
        num('arc__failing', [arcs[2]]),
        num('arc__unknown', [arcs[3]]),
      ],
    });
    const node = graphFromFrames([frame])?.nodes[0];
    expect(node?.health).toBe(health);
    expect(node?.healthFractions).toEqual(fractions);
  });

  it('makes an edge id from its ends when the frame has none', () => {
    const edges = createDataFrame({ fields: [str('source', ['a']), str('target', ['b'])] });
    expect(graphFromFrames([createDataFrame({ fields: [str('id', ['a', 'b'])] }), edges])?.edges).toEqual([
      { id: 'a->b', source: 'a', target: 'b', type: '' },
    ]);
  });
});
