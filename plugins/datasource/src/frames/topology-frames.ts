import { createDataFrame, type DataFrame, type FieldConfig } from '@grafana/data';
import type { HealthStatus, Topology, TopologyEdge, TopologyNode } from '../api';
import { numberField, stringField } from './frame-fields';

/** Health colours: one per ring section and the node's fallback colour. */
export const HEALTH_COLORS: Record<HealthStatus, string> = {
  ok: '#73BF69',
  degraded: '#FF9830',
  failing: '#F2495C',
  unknown: '#8E8E8E',
};

const HEALTH_ORDER: HealthStatus[] = ['ok', 'degraded', 'failing', 'unknown'];

// Edges that describe structure rather than traffic: drawn dashed so flows stand out.
const STRUCTURAL = new Set(['contains', 'runs_on', 'cools', 'powers', 'part_of']);

const fixed = (color: string, displayName: string): FieldConfig => ({
  color: { mode: 'fixed', fixedColor: color },
  displayName,
});

/**
 * The ring of a node as fractions summing to 1: the health score is the healthy share; the rest
 * goes to the status's own colour (degraded when the status is ok but the score is below 1).
 * Without a score the node is all unknown.
 */
export function healthArcs(health: TopologyNode['health']): Record<HealthStatus, number> {
  const arcs: Record<HealthStatus, number> = { ok: 0, degraded: 0, failing: 0, unknown: 0 };
  const score = health.score;
  if (health.status === 'unknown' || score === undefined || score === null) {
    arcs.unknown = 1;
    return arcs;
  }
  const healthy = Math.min(1, Math.max(0, score));
  arcs.ok = healthy;
  arcs[health.status === 'failing' ? 'failing' : 'degraded'] = 1 - healthy;
  return arcs;
}

/** The Node Graph's nodes frame: id, title, subtitle, stats, health arcs, colour and details. */
export function topologyNodesFrame(nodes: TopologyNode[], refId?: string): DataFrame {
  const arcs = nodes.map((n) => healthArcs(n.health));
  return createDataFrame({
    name: 'nodes',
    refId,
    meta: { preferredVisualisationType: 'nodeGraph' },
    fields: [
      stringField(
        'id',
        nodes.map((n) => n.id)
      ),
      stringField(
        'title',
        nodes.map((n) => n.title)
      ),
      stringField(
        'subtitle',
        nodes.map((n) => n.subtitle)
      ),
      numberField(
        'mainstat',
        nodes.map((n) => n.stats.requests_per_second),
        { unit: 'reqps', displayName: 'Requests' }
      ),
      numberField(
        'secondarystat',
        nodes.map((n) => n.stats.latency_p95_seconds),
        { unit: 's', displayName: 'p95 latency' }
      ),
      ...HEALTH_ORDER.map((status) =>
        numberField(
          `arc__${status}`,
          arcs.map((a) => a[status]),
          fixed(HEALTH_COLORS[status], `Health: ${status}`)
        )
      ),
      // The ring's arcs take precedence in the Node Graph; color is the status for the grid view and other panels.
      stringField(
        'color',
        nodes.map((n) => HEALTH_COLORS[n.health.status])
      ),
      stringField(
        'detail__type',
        nodes.map((n) => n.type),
        { displayName: 'Type' }
      ),
      stringField(
        'detail__level',
        nodes.map((n) => n.level),
        { displayName: 'Level' }
      ),
      stringField(
        'detail__health',
        nodes.map((n) => n.health.status),
        { displayName: 'Health' }
      ),
      numberField(
        'detail__health_score',
        nodes.map((n) => n.health.score),
        { displayName: 'Health score', unit: 'percentunit' }
      ),
      numberField(
        'detail__error_ratio',
        nodes.map((n) => n.stats.error_ratio),
        { displayName: 'Error ratio', unit: 'percentunit' }
      ),
      stringField(
        'detail__parent',
        nodes.map((n) => n.parent ?? ''),
        { displayName: 'Parent' }
      ),
      stringField(
        'detail__virtual',
        nodes.map((n) => (n.virtual ? 'yes' : 'no')),
        { displayName: 'Virtual (inferred)' }
      ),
    ],
  });
}

/** Edge width from traffic: 1 without traffic, growing with the order of magnitude of requests/s, at most 8. */
export function edgeThickness(requestsPerSecond: number | null | undefined): number {
  if (requestsPerSecond === undefined || requestsPerSecond === null || !(requestsPerSecond > 0)) {
    return 1;
  }
  return Math.min(8, Math.round((1 + Math.log10(1 + requestsPerSecond)) * 100) / 100);
}

/** The Node Graph's edges frame: id, source, target, stats, thickness and details. */
export function topologyEdgesFrame(edges: TopologyEdge[], refId?: string): DataFrame {
  const latency = (e: TopologyEdge) => e.stats.client_latency_p95_seconds ?? e.stats.server_latency_p95_seconds;
  return createDataFrame({
    name: 'edges',
    refId,
    meta: { preferredVisualisationType: 'nodeGraph' },
    fields: [
      stringField(
        'id',
        edges.map((e) => e.id)
      ),
      stringField(
        'source',
        edges.map((e) => e.source)
      ),
      stringField(
        'target',
        edges.map((e) => e.target)
      ),
      numberField(
        'mainstat',
        edges.map((e) => e.stats.requests_per_second),
        { unit: 'reqps', displayName: 'Requests' }
      ),
      numberField(
        'secondarystat',
        edges.map((e) => e.stats.error_ratio),
        { unit: 'percentunit', displayName: 'Error ratio' }
      ),
      numberField(
        'thickness',
        edges.map((e) => edgeThickness(e.stats.requests_per_second))
      ),
      stringField(
        'strokeDasharray',
        edges.map((e) => (STRUCTURAL.has(e.type) ? '4 2' : ''))
      ),
      stringField(
        'detail__type',
        edges.map((e) => e.type),
        { displayName: 'Relation' }
      ),
      numberField('detail__latency_p95', edges.map(latency), { displayName: 'p95 latency', unit: 's' }),
    ],
  });
}

/** Both frames of a topology answer. */
export function topologyFrames(topology: Topology, refId?: string): DataFrame[] {
  return [topologyNodesFrame(topology.nodes, refId), topologyEdgesFrame(topology.edges, refId)];
}
