import type { Topology, TopologyEdge, TopologyNode } from '@twinops/datasource/src/api';
import { formatStat } from './format-stat';
import type { GraphEdge, GraphNode, Health, TopologyGraph } from './graph-types';

/** The graph of a Topology answer of the client (client.topology({ view })). */
export function graphFromTopology(topology: Topology): TopologyGraph {
  return { nodes: topology.nodes.map(toNode), edges: topology.edges.map(toEdge) };
}

/** Finite numbers only: the collector sends null for what it cannot represent. */
function finiteStats(stats: Record<string, number | null>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [name, v] of Object.entries(stats)) {
    if (typeof v === 'number' && Number.isFinite(v)) {
      out[name] = v;
    }
  }
  return out;
}

/**
 * The ring as the datasource draws it: the score is the healthy share, the rest goes to the
 * status (degraded when the status is ok but the score below 1); no score means all unknown.
 */
export function healthFractions(health: TopologyNode['health']): Record<Health, number> {
  const fractions: Record<Health, number> = { ok: 0, degraded: 0, failing: 0, unknown: 0 };
  const score = health.score;
  if (health.status === 'unknown' || score === undefined || score === null || !Number.isFinite(score)) {
    fractions.unknown = 1;
    return fractions;
  }
  const healthy = Math.min(1, Math.max(0, score));
  fractions.ok = healthy;
  fractions[health.status === 'failing' ? 'failing' : 'degraded'] = 1 - healthy;
  return fractions;
}

function toNode(n: TopologyNode): GraphNode {
  const node: GraphNode = {
    id: n.id,
    title: n.title || n.id,
    subtitle: n.subtitle,
    type: n.type,
    level: n.level,
    health: n.health.status,
    healthFractions: healthFractions(n.health),
    stats: finiteStats(n.stats),
  };
  const main = formatStat(n.stats.requests_per_second, 'reqps');
  const secondary = formatStat(n.stats.latency_p95_seconds, 's');
  if (main !== undefined) {
    node.mainstat = main;
  }
  if (secondary !== undefined) {
    node.secondarystat = secondary;
  }
  return node;
}

function toEdge(e: TopologyEdge): GraphEdge {
  const edge: GraphEdge = { id: e.id, source: e.source, target: e.target, type: e.type };
  const stats = finiteStats(e.stats);
  if (stats.requests_per_second !== undefined) {
    edge.requestsPerSecond = stats.requests_per_second;
    edge.mainstat = formatStat(stats.requests_per_second, 'reqps');
  }
  if (stats.error_ratio !== undefined) {
    edge.errorRatio = stats.error_ratio;
  }
  return edge;
}
