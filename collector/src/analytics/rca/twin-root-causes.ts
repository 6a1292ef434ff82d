import { correlatedSignals } from './correlated-signals';
import { rankRootCauses } from './rank-root-causes';
import type { TwinReader, Relation } from '../../model';
import type { CorrelatedSignal } from './correlated-signals';
import type { DependencyEdge, MetricSeries, RankedCause } from './types';

/** Types whose `contains` means "is made of" (the parent depends on its parts), not "houses". */
const MADE_OF = new Set(['service']);

/**
 * Dependencies from the twin's relations, `from` needing `to`: callers need callees; an instance
 * its host; a service its instances; a host its hardware components; a housed entity its rack,
 * row, room (whose air and power it shares); a rack its CRACs and PDUs; a flow its services.
 */
export function twinDependencies(twin: TwinReader, relations: readonly Relation[]): DependencyEdge[] {
  const typeOf = (id: string) => twin.getEntity(id)?.type;
  const levelOf = (id: string) => twin.getEntity(id)?.level;
  const edges: DependencyEdge[] = [];
  for (const r of relations) {
    switch (r.type) {
      case 'calls':
      case 'database':
      case 'messaging':
      case 'runs_on':
      case 'depends_on':
      case 'routes_via':
        edges.push({ from: r.from, to: r.to });
        break;
      case 'contains':
        if (MADE_OF.has(typeOf(r.from) ?? '') || levelOf(r.to) === 'component') edges.push({ from: r.from, to: r.to });
        else edges.push({ from: r.to, to: r.from });
        break;
      case 'cools':
      case 'powers':
      case 'part_of':
        edges.push({ from: r.to, to: r.from });
        break;
    }
  }
  return edges;
}

export interface TwinRcaQuery {
  entity: string;
  signal: string;
  /** Milliseconds since the epoch. */
  at: number;
  /** How far back the evidence reaches, ms: the part before the anomalies is the reference. */
  windowMs: number;
}

/**
 * Ranks the root causes of a symptom on the live twin: every entity the symptom depends on
 * (through calls, hosts, racks, CRACs and PDUs) is a candidate, judged on all its signals over
 * the window before `at`.
 */
export function rankTwinRootCauses(twin: TwinReader, query: TwinRcaQuery): RankedCause[] {
  const edges = twinDependencies(twin, twin.topology().edges);
  const reachable = dependenciesOf(query.entity, edges);
  const signals = new Map<string, Map<string, MetricSeries>>();
  for (const id of reachable) {
    const series = new Map<string, MetricSeries>();
    for (const summary of twin.getEntity(id)?.signals ?? []) {
      const history = twin.signalHistory({ entity: id, name: summary.name, from: query.at - query.windowMs, to: query.at });
      if (history && history.points.length > 0) series.set(summary.name, toSeries(history.points));
    }
    signals.set(id, series);
  }
  return rankRootCauses({ edges, signals, symptom: { node: query.entity, metric: query.signal, at: query.at } });
}

export interface TwinCorrelationQuery {
  entity: string;
  signal: string;
  from: number;
  to: number;
  /** Largest lag tried, ms. */
  maxLagMs: number;
  limit: number;
}

/** The twin's other signals that moved with one signal over a window, strongest first; ids are `<entity>|<signal>`. */
export function twinCorrelations(twin: TwinReader, query: TwinCorrelationQuery): CorrelatedSignal[] | undefined {
  const target = twin.signalHistory({ entity: query.entity, name: query.signal, from: query.from, to: query.to });
  if (!target) return undefined;
  const candidates = [];
  for (const entity of twin.listEntities({}).items) {
    for (const summary of twin.getEntity(entity.id)?.signals ?? []) {
      if (entity.id === query.entity && summary.name === query.signal) continue;
      const history = twin.signalHistory({ entity: entity.id, name: summary.name, from: query.from - query.maxLagMs, to: query.to });
      if (history && history.points.length >= 3) candidates.push({ id: `${entity.id}|${summary.name}`, series: toSeries(history.points) });
    }
  }
  return correlatedSignals(toSeries(target.points), candidates, { from: query.from, to: query.to }, query.maxLagMs).slice(0, query.limit);
}

function toSeries(points: readonly { t: number; v: number }[]): MetricSeries {
  return { timestamps: points.map((p) => p.t), values: points.map((p) => p.v) };
}

/** The entity and everything it depends on, directly or not. */
function dependenciesOf(start: string, edges: readonly DependencyEdge[]): Set<string> {
  const next = new Map<string, string[]>();
  for (const e of edges) next.set(e.from, [...(next.get(e.from) ?? []), e.to]);
  const seen = new Set([start]);
  const queue = [start];
  while (queue.length > 0) {
    for (const to of next.get(queue.pop() as string) ?? []) {
      if (!seen.has(to)) {
        seen.add(to);
        queue.push(to);
      }
    }
  }
  return seen;
}
