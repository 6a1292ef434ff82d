/**
 * Ranks the likely root causes of a symptom over a dependency graph.
 *
 * Scoring rule (fixed settings, see `defaultRcaOptions`):
 * 1. Candidates are the symptom's node and every node it depends on, directly or not (callees,
 *    their callees, hosts, racks, cooling and power beneath them). Nothing else can cause it.
 * 2. Every signal gets a robust z per sample against the normal reference (median, MAD), with an
 *    offset already present before the symptom time removed. Without a reference, the samples
 *    before the symptom's onset are the reference: the symptom time may be long after the
 *    symptom began (an alert that fired now), and the onset is found at the symptom signal's
 *    largest change of level. The analysed sample is the first at or after the symptom time (or
 *    onset) where the symptom itself is anomalous. A signal's strength is the |z| it holds there
 *    and at its next sample (a spike is no cause); a node's strength is its strongest signal's;
 *    it is anomalous at `threshold` or more, and its onset is where the earliest of its
 *    anomalous runs began.
 * 3. A dependency may have caused a dependent when its change may have come first: the change of
 *    a signal lies between its last calm sample and its onset, so a dependency whose last calm
 *    sample precedes the dependent's onset qualifies (signals sampled at different rates stay
 *    comparable; on a shared grid this is "onset no later"). Nodes that did not move (a rack that
 *    reports nothing, a service whose other replicas took over a crashed one's calls) are looked
 *    through: their dependencies count as direct ones.
 *    Tier: 2 for an anomalous node no anomalous direct dependency of which may have come first
 *    (nothing beneath explains it: a root), 1 for an anomalous node that such a dependency
 *    explains (an effect; always below the dependency, whose tier and coverage are at least its
 *    own), 0 for a node that did not move.
 * 4. Within a tier, in [0, 1): coverage is the share of the graph's anomalous nodes that depend
 *    on the candidate through anomalous nodes whose anomaly began no earlier (what it accounts
 *    for); correlation is the best |r| of its differenced signals leading the symptom's by
 *    0..maxLagSamples samples (how well it explains the symptom's shape); s is its strength.
 *    Tiers 2 and 0 use 0.5·coverage + 0.3·correlation + 0.2·s/(s + threshold). Tier 1 uses
 *    coverage alone: an explaining dependency covers everything its dependent covers plus
 *    itself, so a caller never outranks the callee that explains it.
 * Score = tier + 0.999·within; ties go to the nearer candidate, then the name.
 */
import { analysisIndex, heldStrength, indexAtTime, onsetOf, scoreSeries, symptomOnset } from './anomaly-evidence';
import { correlatedSignals } from './correlated-signals';
import { createDependencyGraph } from './dependency-graph';
import { median } from './robust-stats';
import type { MovedSignal, RankedCause, RcaInput, RcaOptions } from './types';

export function defaultRcaOptions(): RcaOptions {
  return {
    // 5 robust standard deviations: rare under normal operation even across dozens of signals.
    threshold: 5,
    // One sample of lead: on minute-scale samples a cause and its effect land in the same or the next sample.
    maxLagSamples: 1,
    // Fewer samples than this cannot give a meaningful MAD; the pre-symptom samples are used instead.
    minReferenceSamples: 10,
  };
}

interface NodeEvidence {
  signals: MovedSignal[];
  strength: number;
  onset: number;
  /** The last calm sample before the earliest onset: the change came after it. */
  calmUntil: number;
  anomalous: boolean;
  correlation: number;
}

export function rankRootCauses(input: RcaInput): RankedCause[] {
  const o: RcaOptions = { ...defaultRcaOptions(), ...input.options };
  const { symptom } = input;
  const symptomSeries = input.signals.get(symptom.node)?.get(symptom.metric);
  if (symptomSeries === undefined) throw new Error(`rca: symptom signal "${symptom.metric}" of "${symptom.node}" not found`);
  const graph = createDependencyGraph(input.edges);
  const began = input.reference === undefined ? symptomOnset(symptomSeries, symptom.at, o.minReferenceSamples, o.threshold) : symptom.at;
  const symptomScores = scoreSeries(symptomSeries, input.reference?.get(symptom.node)?.get(symptom.metric), began, o.minReferenceSamples);
  const at = symptomSeries.timestamps[analysisIndex(symptomSeries.timestamps, symptomScores, began, o.threshold)];
  const ts = symptomSeries.timestamps;
  const step = ts.length > 1 ? median(ts.slice(1).map((t, i) => t - ts[i])) : 0;
  const window = { from: ts[0], to: ts[ts.length - 1] };

  const evidence = new Map<string, NodeEvidence>();
  for (const node of new Set([...graph.nodes, symptom.node])) {
    const signals: MovedSignal[] = [];
    const calmUntil = new Map<string, number>();
    for (const [metric, series] of input.signals.get(node) ?? []) {
      const scores = scoreSeries(series, input.reference?.get(node)?.get(metric), began, o.minReferenceSamples);
      const j = indexAtTime(series.timestamps, at);
      const strength = heldStrength(scores, j);
      const { onset, after } = j < 0 ? { onset: NaN, after: NaN } : onsetOf(series.timestamps, scores, j, o.threshold);
      calmUntil.set(metric, after);
      const c = correlatedSignals(symptomSeries, [{ id: metric, series }], window, o.maxLagSamples * step, { leadsOnly: true })[0];
      signals.push({ metric, strength, onset, correlation: c === undefined ? 0 : Math.abs(c.correlation), lag: c === undefined ? 0 : c.lag });
    }
    signals.sort((a, b) => b.strength - a.strength || (a.metric < b.metric ? -1 : 1));
    const moved = signals.filter((s) => s.strength >= o.threshold);
    evidence.set(node, {
      signals: moved.length > 0 ? moved : signals,
      strength: signals.length > 0 ? signals[0].strength : 0,
      onset: moved.length > 0 ? Math.min(...moved.map((s) => s.onset)) : NaN,
      calmUntil: moved.length > 0 ? Math.min(...moved.map((s) => calmUntil.get(s.metric) as number)) : NaN,
      anomalous: moved.length > 0,
      correlation: Math.max(0, ...(moved.length > 0 ? moved : signals).map((s) => s.correlation)),
    });
  }
  const ev = (n: string) => evidence.get(n)!;
  // A node with no signals, or whose signals stayed calm, passes a change on without showing it
  // (a rack that reports nothing; a service whose other replicas took the calls of a crashed one).
  const passesThrough = (n: string) => !ev(n).anomalous;
  const dependencies = (n: string) => lookThrough(n, graph.dependencies, passesThrough);
  const dependents = (n: string) => lookThrough(n, graph.dependents, passesThrough);
  /** `cause` is anomalous and its change may have come no later than the anomalous `effect`'s. */
  const mayPrecede = (cause: string, effect: string) => ev(cause).anomalous && ev(cause).calmUntil < ev(effect).onset;
  const anomalousCount = [...evidence.values()].filter((e) => e.anomalous).length;

  const paths = graph.nodes.includes(symptom.node) ? graph.pathsFrom(symptom.node, (n) => (ev(n).anomalous ? 1e-3 : 1)) : new Map([[symptom.node, [symptom.node]]]);
  const ranked: (RankedCause & { distance: number })[] = [];
  for (const [node, downPath] of paths) {
    const e = ev(node);
    const explainedBy = e.anomalous ? strongest(dependencies(node).filter((d) => mayPrecede(d, node)), ev) : undefined;
    const explains = e.anomalous ? cone(node, dependents, mayPrecede) : [];
    const tier = !e.anomalous ? 0 : explainedBy !== undefined ? 1 : 2;
    const coverage = explains.length / Math.max(1, anomalousCount);
    const within = tier === 1 ? coverage : 0.5 * coverage + 0.3 * e.correlation + (0.2 * e.strength) / (e.strength + o.threshold);
    ranked.push({
      node,
      score: tier + 0.999 * within,
      path: [...downPath].reverse(),
      signals: e.signals,
      anomalous: e.anomalous,
      onset: e.onset,
      ...(explainedBy === undefined ? {} : { explainedBy }),
      explains,
      distance: downPath.length,
    });
  }
  ranked.sort((a, b) => b.score - a.score || a.distance - b.distance || (a.node < b.node ? -1 : 1));
  return ranked.map(({ distance: _distance, ...cause }) => cause);
}

function strongest(nodes: string[], ev: (n: string) => NodeEvidence): string | undefined {
  let best: string | undefined;
  for (const n of nodes) if (best === undefined || ev(n).strength > ev(best).strength) best = n;
  return best;
}

/** The anomalous nodes reachable from `node` against dependency direction through anomalous nodes it may have preceded. */
function cone(node: string, dependents: (n: string) => readonly string[], mayPrecede: (cause: string, effect: string) => boolean): string[] {
  const seen = [node];
  for (let i = 0; i < seen.length; i++) {
    for (const up of dependents(seen[i])) {
      if (!seen.includes(up) && mayPrecede(node, up)) seen.push(up);
    }
  }
  return seen;
}

/** The neighbours of `node` along `next`, looking through the nodes that `passes` to the first ones beyond. */
function lookThrough(node: string, next: (n: string) => readonly string[], passes: (n: string) => boolean): string[] {
  const found: string[] = [];
  const seen = new Set([node]);
  const queue = [...next(node)];
  while (queue.length > 0) {
    const n = queue.shift() as string;
    if (seen.has(n)) continue;
    seen.add(n);
    if (passes(n)) queue.push(...next(n));
    else found.push(n);
  }
  return found;
}
