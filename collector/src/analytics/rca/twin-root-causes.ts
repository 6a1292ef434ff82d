import { correlatedSignals } from './correlated-signals';
import { rankRootCauses } from './rank-root-causes';
import { median } from './robust-stats';
import type { TwinReader, Relation } from '../../model';
import type { CorrelatedSignal } from './correlated-signals';
import type { DependencyEdge, MetricSeries, MovedSignal, RankedCause } from './types';

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

/** A signal of the twin that moved, with the entity that carries it (a member of the candidate, or the candidate itself). */
export interface TwinMovedSignal extends MovedSignal {
  entity: string;
}

export interface TwinRankedCause extends Omit<RankedCause, 'signals'> {
  signals: TwinMovedSignal[];
}

/**
 * The collector's own counts of what arrived (spans received per service) describe the telemetry
 * pipeline and its export batches, not the entity: they are no evidence of a fault.
 */
const PIPELINE_SIGNALS = /^spans\.received/;

/** A utilization at or above this is saturation: the resource makes its work wait. */
export const SATURATION = 0.8;

/**
 * Ranks the root causes of a symptom on the live twin: every entity the symptom depends on
 * (through calls, hosts, racks, CRACs and PDUs) is a candidate, judged on all its signals over
 * the window before `at`. Hardware components are judged with the asset they are part of (a
 * stopped fan is its server's fault) and instances with their service (what hits every replica
 * is the service's release, what hits one shows in that replica's signals and its host's).
 */
export function rankTwinRootCauses(twin: TwinReader, query: TwinRcaQuery): TwinRankedCause[] {
  const relations = twin.topology().edges;
  const unitOf = candidateUnits(twin, relations);
  const edges = twinDependencies(twin, relations)
    .map((e) => ({ from: unitOf(e.from), to: unitOf(e.to) }))
    .filter((e) => e.from !== e.to);
  const symptomUnit = unitOf(query.entity);
  const reachable = dependenciesOf(symptomUnit, edges);
  const signals = new Map<string, Map<string, MetricSeries>>([...reachable].map((u) => [u, new Map()]));
  const named = new Map<string, { entity: string; metric: string }>();
  const symptomKey = `${query.entity}|${query.signal}`;
  for (const entity of twin.listEntities({}).items) {
    const series = signals.get(unitOf(entity.id));
    if (series === undefined) continue;
    for (const summary of twin.getEntity(entity.id)?.signals ?? []) {
      const key = `${entity.id}|${summary.name}`;
      const history = twin.signalHistory({ entity: entity.id, name: summary.name, from: query.at - query.windowMs, to: query.at });
      if (!history || history.points.length === 0) continue;
      if (key !== symptomKey && (PIPELINE_SIGNALS.test(summary.name) || followsDemand(entity.type, summary.name, history.points))) continue;
      series.set(key, toSeries(history.points));
      named.set(key, { entity: entity.id, metric: summary.name });
    }
  }
  return rankRootCauses({ edges, signals, symptom: { node: symptomUnit, metric: symptomKey, at: query.at } }).map((cause) => ({
    ...cause,
    signals: cause.signals.map((s) => ({ ...s, ...(named.get(s.metric) as { entity: string; metric: string }) })),
  }));
}

/** Maps an entity to the candidate it is judged with: a component to its asset, an instance to its service, anything else to itself. */
function candidateUnits(twin: TwinReader, relations: readonly Relation[]): (id: string) => string {
  const container = new Map<string, string>();
  for (const r of relations) {
    if (r.type !== 'contains') continue;
    const child = twin.getEntity(r.to);
    if (child?.level === 'component' || (child?.type === 'instance' && twin.getEntity(r.from)?.type === 'service')) container.set(r.to, r.from);
  }
  const unitOf = (id: string): string => {
    const parent = container.get(id);
    return parent === undefined ? id : unitOf(parent);
  };
  return unitOf;
}

/**
 * Signals that show the demand on a resource rather than its health (the USE method): a
 * utilization with headroom, a power draw that rose, or anything a PDU draws (its load is what it
 * feeds) is the work on the resource showing and cannot be what troubled that work; the resource
 * is judged on its other signals. A saturated utilization, or a device's own power draw that fell
 * (a crash, a compressor trip), stays evidence.
 */
function followsDemand(entityType: string, name: string, points: readonly { v: number }[]): boolean {
  const latest = points[points.length - 1].v;
  if (name.endsWith('.utilization')) return latest < SATURATION;
  if (name.endsWith('.power')) return entityType === 'pdu' || latest >= median(points.map((p) => p.v));
  return false;
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
