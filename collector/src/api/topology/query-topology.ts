import type { EntityHealth } from '../../analytics';
import type { Level, RelationType, TwinReader } from '../../model';
import { buildView } from './build-view';
import type { ViewEdge, ViewNode } from './build-view';
import { kindOf } from './entity-kinds';
import type { TopologyView } from './entity-kinds';
import { keepAround } from './focus';
import { indexInfra } from './infra-index';
import type { InfraIndex } from './infra-index';
import { infraStats } from './infra-stats';
import { analyticsHealth, hardwareHealth, trafficHealth } from './node-health';
import type { NodeHealth } from './node-health';
import { edgeStats, nodeStats } from './signal-values';

export interface TopologyQuery {
  view: TopologyView;
  /** Milliseconds since the epoch: the moment shown. */
  atMs: number;
  /** True when the caller asked for now (no `at`): the latest values are read, not the history. */
  present: boolean;
  focus?: { id: string; depth: number };
  /** Kept only nodes of this type and level, and the edges between them (applied last). */
  type?: string;
  level?: Level;
}

export interface TopologyOptions {
  /** Traffic edges silent longer than this disappear. */
  idleMs: number;
  /** Statistics older than this at the moment shown are no traffic. */
  statsMaxAgeMs: number;
  /** Live analytics' health of an entity now; when known (not unknown), it is the node's health for the present. */
  health?: (id: string) => EntityHealth | undefined;
}

export interface TopologyNode {
  id: string;
  type: string;
  level: Level;
  title: string;
  subtitle: string;
  virtual: boolean;
  parent?: string;
  health: NodeHealth;
  stats: Record<string, number>;
  firstSeen: number;
  lastSeen: number;
}

export interface TopologyEdge {
  id: string;
  source: string;
  target: string;
  type: RelationType;
  stats: Record<string, number>;
  firstSeen: number;
  lastSeen: number;
}

export interface TopologyGraph {
  nodes: TopologyNode[];
  edges: TopologyEdge[];
}

/** The topology a query asks for; undefined when the focus entity is not in the view at that moment. */
export function queryTopology(twin: TwinReader, query: TopologyQuery, options: TopologyOptions): TopologyGraph | undefined {
  const topology = twin.topology();
  let graph = buildView(topology, query.view, { atMs: query.atMs, idleMs: options.idleMs });
  if (query.focus) {
    const around = keepAround(graph, query.focus.id, query.focus.depth);
    if (!around) return undefined;
    graph = around;
  }
  const { type, level } = query;
  const nodes = graph.nodes.filter((n) => (type === undefined || n.type === type) && (level === undefined || n.level === level));
  const kept = new Set(nodes.map((n) => n.id));
  const edges = graph.edges.filter((e) => kept.has(e.from) && kept.has(e.to));
  const moment = { atMs: query.atMs, maxAgeMs: options.statsMaxAgeMs, present: query.present };
  // Components and rack hosts may lie outside the view (a focus, a type filter): indexed from the
  // whole twin, once, and only when an infrastructure node asks.
  let index: InfraIndex | undefined;
  return {
    nodes: nodes.map((node) => {
      const kind = kindOf(node);
      let stats: Record<string, number> = {};
      if (kind === 'service') stats = nodeStats(twin, node, moment);
      else if (kind === 'infra') stats = infraStats(twin, (index ??= indexInfra(topology, query.atMs)), node, moment);
      // Analytics health is about now; where it knows nothing, the traffic or hardware reading may.
      const current = query.present ? options.health?.(node.id) : undefined;
      let health: NodeHealth;
      if (current && current.status !== 'unknown') health = analyticsHealth(current);
      else health = kind === 'service' ? trafficHealth(stats) : hardwareHealth(twin, node, moment);
      return toNode(node, health, stats);
    }),
    edges: edges.map((edge) => toEdge(edge, edgeStats(twin, edge, moment))),
  };
}

function toNode(node: ViewNode, health: NodeHealth, stats: Record<string, number>): TopologyNode {
  const virtual = node.attributes.virtual === true;
  return {
    id: node.id,
    type: node.type,
    level: node.level,
    title: node.name,
    subtitle: subtitleOf(node, virtual),
    virtual,
    ...(node.parent !== undefined ? { parent: node.parent } : {}),
    health,
    stats,
    firstSeen: node.firstSeen,
    lastSeen: node.lastSeen,
  };
}

/** `virtual <type>` for what sends no telemetry; else the namespace or hardware type when known; else the type. */
function subtitleOf(node: ViewNode, virtual: boolean): string {
  if (virtual) return `virtual ${node.type}`;
  const detail = node.attributes['service.namespace'] ?? node.attributes['k8s.namespace.name'] ?? node.attributes['hw.type'];
  return detail === undefined || detail === '' ? node.type : String(detail);
}

/** Graph panels name an edge's ends source and target. */
function toEdge(edge: ViewEdge, stats: Record<string, number>): TopologyEdge {
  return { id: edge.id, source: edge.from, target: edge.to, type: edge.type, stats, firstSeen: edge.firstSeen, lastSeen: edge.lastSeen };
}
