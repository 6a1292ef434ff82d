import { rankRootCauses } from './rank-root-causes';
import type { DependencyEdge, MetricSeries, NodeSignals } from './types';

const TS = Array.from({ length: 10 }, (_, i) => i * 60);
// Normal operation: level 100, MAD 1 (scale 1.4826).
const NORMAL: MetricSeries = { timestamps: TS.map((t) => t - 10_000), values: [99, 100, 101, 100, 99, 101, 100, 102, 98, 100] };

/** A latency at 100 that steps up by `rise` from `from` (seconds) on. */
const stepAt = (from: number, rise: number): MetricSeries => ({ timestamps: TS, values: TS.map((t) => (t >= from ? 100 + rise : 100)) });
const signals = (byNode: Record<string, MetricSeries>): NodeSignals => new Map(Object.entries(byNode).map(([n, s]) => [n, new Map([['latency', s]])]));

const EDGES: DependencyEdge[] = [
  { from: 'web', to: 'api' },
  { from: 'web', to: 'cache' },
  { from: 'api', to: 'db' },
  { from: 'batch', to: 'db' }, // batch depends on db but web does not reach batch
  { from: 'cron', to: 'queue' }, // an island
];
const reference = signals(Object.fromEntries(['web', 'api', 'cache', 'db', 'batch', 'cron', 'queue'].map((n) => [n, NORMAL])));
const symptom = { node: 'web', metric: 'latency', at: 300 };

describe('rankRootCauses', () => {
  it('ranks a callee whose anomaly starts first above the callers it explains', () => {
    const ranked = rankRootCauses({
      edges: EDGES,
      signals: signals({ web: stepAt(300, 30), api: stepAt(300, 25), db: stepAt(240, 20), cache: stepAt(0, 0), batch: stepAt(300, 20), cron: stepAt(0, 0), queue: stepAt(120, 500) }),
      reference,
      symptom,
    });
    expect(ranked.map((c) => [c.node, c.anomalous, c.explainedBy ?? null, c.onset, c.path, c.explains])).toEqual([
      ['db', true, null, 240, ['db', 'api', 'web'], ['db', 'api', 'batch', 'web']],
      ['api', true, 'db', 300, ['api', 'web'], ['api', 'web']],
      ['web', true, 'api', 300, ['web'], ['web']],
      ['cache', false, null, NaN, ['cache', 'web'], []],
    ]);
    // db: tier 2 + 0.999·(0.5·4/5 anomalous covered + 0.3·|r| 1 + 0.2·s/(s+5)), s = 20/1.4826
    const s = 20 / 1.4826;
    expect(ranked[0].score).toBeCloseTo(2 + 0.999 * (0.4 + 0.3 + (0.2 * s) / (s + 5)), 10);
    expect(ranked[1].score).toBeCloseTo(1 + 0.999 * (2 / 5), 10);
    expect(ranked[0].signals).toEqual([{ metric: 'latency', strength: s, onset: 240, correlation: 1, lag: 60 }]);
  });

  it('ranks the caller first when it moved before its callee', () => {
    const ranked = rankRootCauses({
      edges: EDGES,
      signals: signals({ web: stepAt(300, 30), api: stepAt(240, 25), db: stepAt(300, 20), cache: stepAt(0, 0) }),
      reference,
      symptom,
    });
    expect(ranked.map((c) => [c.node, c.explainedBy ?? null, c.explains])).toEqual([
      ['api', null, ['api', 'web']],
      ['db', null, ['db']],
      ['web', 'api', ['web']],
      ['cache', null, []],
    ]);
  });

  it('looks through a dependency that stayed calm to the one beneath it', () => {
    // api's other replicas took the calls: api is calm, yet web's trouble comes from db beneath it.
    const ranked = rankRootCauses({ edges: EDGES, signals: signals({ web: stepAt(300, 30), api: stepAt(0, 0), db: stepAt(240, 20), cache: stepAt(0, 0) }), reference, symptom });
    expect(ranked.map((c) => [c.node, c.anomalous, c.explainedBy ?? null, c.explains])).toEqual([
      ['db', true, null, ['db', 'web']],
      ['web', true, 'db', ['web']],
      ['api', false, null, []],
      ['cache', false, null, []],
    ]);
  });

  it('never offers a node the symptom does not depend on', () => {
    const ranked = rankRootCauses({ edges: EDGES, signals: signals({ web: stepAt(300, 30), queue: stepAt(0, 900), batch: stepAt(0, 900) }), reference, symptom });
    expect(ranked.map((c) => c.node)).toEqual(['web', 'api', 'cache', 'db']);
    expect(ranked.map((c) => c.anomalous)).toEqual([true, false, false, false]);
  });

  it('uses the samples before the symptom when there is no reference', () => {
    const ts = Array.from({ length: 20 }, (_, i) => i * 60);
    const noisy = (rise: number, from: number): MetricSeries => ({ timestamps: ts, values: ts.map((t, i) => 100 + (i % 3) - 1 + (t >= from ? rise : 0)) });
    const ranked = rankRootCauses({
      edges: [{ from: 'web', to: 'db' }, { from: 'web', to: 'cache' }],
      signals: signals({ web: noisy(40, 720), db: noisy(30, 720), cache: noisy(0, 0) }),
      symptom: { node: 'web', metric: 'latency', at: 720 },
    });
    expect(ranked.map((c) => [c.node, c.explainedBy ?? null])).toEqual([
      ['db', null],
      ['web', 'db'],
      ['cache', null],
    ]);
  });

  it('without a reference, dates a symptom seen long after it began from its change, and takes no spike for a cause', () => {
    // 12 calm samples, then 20 incident ones: asked at the end, most of the window is the incident.
    const ts = Array.from({ length: 32 }, (_, i) => i * 60);
    const series = (from: number, rise: number, spikeAt = -1): MetricSeries => ({
      timestamps: ts,
      values: ts.map((t, i) => 100 + (i % 3) - 1 + (t >= from ? rise : 0) + (i === spikeAt ? 500 : 0)),
    });
    const ranked = rankRootCauses({
      edges: [{ from: 'web', to: 'db' }, { from: 'web', to: 'cache' }],
      // cache spikes once, at the symptom's first anomalous sample.
      signals: signals({ web: series(720, 40), db: series(720, 30), cache: series(0, 0, 12) }),
      symptom: { node: 'web', metric: 'latency', at: 31 * 60 },
    });
    expect(ranked.map((c) => [c.node, c.anomalous, c.onset, c.explainedBy ?? null])).toEqual([
      ['db', true, 720, null],
      ['web', true, 720, 'db'],
      ['cache', false, NaN, null],
    ]);
  });

  it('ranks the symptom alone when it is not in the graph', () => {
    const ranked = rankRootCauses({ edges: [], signals: signals({ lone: stepAt(300, 30) }), reference: signals({ lone: NORMAL }), symptom: { node: 'lone', metric: 'latency', at: 300 } });
    expect(ranked.map((c) => [c.node, c.path, c.anomalous])).toEqual([['lone', ['lone'], true]]);
  });

  it('names a missing symptom signal', () => {
    expect(() => rankRootCauses({ edges: EDGES, signals: signals({}), symptom })).toThrow('rca: symptom signal "latency" of "web" not found');
  });
});
