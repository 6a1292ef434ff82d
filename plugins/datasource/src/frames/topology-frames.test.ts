import { FieldType } from '@grafana/data';
import { topology } from '../test-support/fixtures';
import { edgeThickness, healthArcs, topologyEdgesFrame, topologyFrames, topologyNodesFrame } from './topology-frames';

const byName = (frame: ReturnType<typeof topologyNodesFrame>) =>
  Object.fromEntries(frame.fields.map((f) => [f.name, f]));

describe('healthArcs', () => {
  it.each([
    [
      { status: 'ok' as const, score: 1 },
      { ok: 1, degraded: 0, failing: 0, unknown: 0 },
    ],
    [
      { status: 'ok' as const, score: 0.9 },
      { ok: 0.9, degraded: 1 - 0.9, failing: 0, unknown: 0 },
    ],
    [
      { status: 'degraded' as const, score: 0.6 },
      { ok: 0.6, degraded: 1 - 0.6, failing: 0, unknown: 0 },
    ],
    [
      { status: 'failing' as const, score: 0.25 },
      { ok: 0.25, degraded: 0, failing: 0.75, unknown: 0 },
    ],
    [{ status: 'unknown' as const }, { ok: 0, degraded: 0, failing: 0, unknown: 1 }],
    [
      { status: 'ok' as const, score: null },
      { ok: 0, degraded: 0, failing: 0, unknown: 1 },
    ],
  ])('%j → %j (sums to 1)', (health, arcs) => {
    const got = healthArcs(health);
    expect(got).toEqual(arcs);
    expect(got.ok + got.degraded + got.failing + got.unknown).toBeCloseTo(1, 12);
  });
});

describe('topologyNodesFrame', () => {
  const frame = topologyNodesFrame(topology.nodes, 'A');
  const f = byName(frame);

  it('is the Node Graph nodes frame', () => {
    expect([frame.name, frame.refId, frame.meta, frame.length]).toEqual([
      'nodes',
      'A',
      { preferredVisualisationType: 'nodeGraph' },
      4,
    ]);
    expect(frame.fields.map((x) => x.name)).toEqual([
      'id',
      'title',
      'subtitle',
      'mainstat',
      'secondarystat',
      'arc__ok',
      'arc__degraded',
      'arc__failing',
      'arc__unknown',
      'color',
      'detail__type',
      'detail__level',
      'detail__health',
      'detail__health_score',
      'detail__error_ratio',
      'detail__parent',
      'detail__virtual',
    ]);
  });

  it('carries ids, titles, subtitles as strings', () => {
    expect([f.id.type, f.id.values]).toEqual([
      FieldType.string,
      ['service:shop/frontend', 'service:shop/checkout', 'user', 'host:r01-s1'],
    ]);
    expect(f.title.values).toEqual(['frontend', 'checkout', 'user', 'r01-s1']);
    expect(f.subtitle.values).toEqual(['shop', 'shop', 'virtual user', 'storage-2u']);
  });

  it('shows requests and p95 latency as stats with units and names', () => {
    expect([f.mainstat.type, f.mainstat.values, f.mainstat.config]).toEqual([
      FieldType.number,
      [11736.28, 175.2, null, null],
      { unit: 'reqps', displayName: 'Requests' },
    ]);
    expect([f.secondarystat.values, f.secondarystat.config]).toEqual([
      [0.0687, 0.9, null, null],
      { unit: 's', displayName: 'p95 latency' },
    ]);
  });

  it('draws health as arcs with a fixed colour each, summing to 1 per node', () => {
    expect(f.arc__ok.values).toEqual([1, 0.25, 0, 0.6]);
    expect(f.arc__failing.values).toEqual([0, 0.75, 0, 0]);
    expect(f.arc__unknown.values).toEqual([0, 0, 1, 0]);
    expect(f.arc__degraded.values[3]).toBeCloseTo(0.4, 12);
    expect(f.arc__ok.config).toEqual({ color: { mode: 'fixed', fixedColor: '#73BF69' }, displayName: 'Health: ok' });
    expect(f.arc__degraded.config.color).toEqual({ mode: 'fixed', fixedColor: '#FF9830' });
    expect(f.arc__failing.config.color).toEqual({ mode: 'fixed', fixedColor: '#F2495C' });
    expect(f.arc__unknown.config.color).toEqual({ mode: 'fixed', fixedColor: '#8E8E8E' });
    for (let i = 0; i < frame.length; i++) {
      const sum = ['arc__ok', 'arc__degraded', 'arc__failing', 'arc__unknown'].reduce((s, n) => s + f[n].values[i], 0);
      expect(sum).toBeCloseTo(1, 12);
    }
  });

  it('gives the status colour and the details for the context menu', () => {
    expect(f.color.values).toEqual(['#73BF69', '#F2495C', '#8E8E8E', '#FF9830']);
    expect([f.detail__type.values, f.detail__type.config]).toEqual([
      ['service', 'service', 'user', 'host'],
      { displayName: 'Type' },
    ]);
    expect(f.detail__level.values).toEqual(['system', 'system', 'system', 'asset']);
    expect(f.detail__health.values).toEqual(['ok', 'failing', 'unknown', 'degraded']);
    expect([f.detail__health_score.values, f.detail__health_score.config]).toEqual([
      [1, 0.25, null, 0.6],
      { displayName: 'Health score', unit: 'percentunit' },
    ]);
    expect([f.detail__error_ratio.values, f.detail__error_ratio.config]).toEqual([
      [0, 0.08, null, null],
      { displayName: 'Error ratio', unit: 'percentunit' },
    ]);
    expect(f.detail__parent.values).toEqual(['', 'system:shop', '', '']);
    expect(f.detail__virtual.values).toEqual(['no', 'no', 'yes', 'no']);
  });
});

describe('topologyEdgesFrame', () => {
  const frame = topologyEdgesFrame(topology.edges, 'A');
  const f = byName(frame);

  it('is the Node Graph edges frame', () => {
    expect([frame.name, frame.refId, frame.meta, frame.length]).toEqual([
      'edges',
      'A',
      { preferredVisualisationType: 'nodeGraph' },
      2,
    ]);
    expect(frame.fields.map((x) => x.name)).toEqual([
      'id',
      'source',
      'target',
      'mainstat',
      'secondarystat',
      'thickness',
      'strokeDasharray',
      'detail__type',
      'detail__latency_p95',
    ]);
  });

  it('links source to target with stats, thickness and dashes for structure', () => {
    expect(f.id.values).toEqual(['calls:user->service:shop/frontend', 'runs_on:service:shop/checkout->host:r01-s1']);
    expect(f.source.values).toEqual(['user', 'service:shop/checkout']);
    expect(f.target.values).toEqual(['service:shop/frontend', 'host:r01-s1']);
    expect([f.mainstat.values, f.mainstat.config]).toEqual([
      [11736.28, null],
      { unit: 'reqps', displayName: 'Requests' },
    ]);
    expect([f.secondarystat.values, f.secondarystat.config]).toEqual([
      [0, null],
      { unit: 'percentunit', displayName: 'Error ratio' },
    ]);
    expect([f.thickness.type, f.thickness.values]).toEqual([FieldType.number, [5.07, 1]]);
    expect(f.strokeDasharray.values).toEqual(['', '4 2']);
    expect(f.detail__type.values).toEqual(['calls', 'runs_on']);
    expect([f.detail__latency_p95.values, f.detail__latency_p95.config]).toEqual([
      [0.0687, null],
      { displayName: 'p95 latency', unit: 's' },
    ]);
  });
});

describe('edgeThickness', () => {
  it.each([
    [undefined, 1],
    [null, 1],
    [0, 1],
    [9, 2],
    [99, 3],
    [1e12, 8],
  ])('%p requests/s → %p', (rps, thickness) => {
    expect(edgeThickness(rps)).toBe(thickness);
  });
});

it('topologyFrames returns nodes then edges', () => {
  expect(topologyFrames(topology, 'B').map((fr) => [fr.name, fr.refId])).toEqual([
    ['nodes', 'B'],
    ['edges', 'B'],
  ]);
});
