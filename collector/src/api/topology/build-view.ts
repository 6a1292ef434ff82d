import type { Relation, Topology } from '../../model';
import { IDLE_EDGE_TYPES, kindOf, viewKeepsEdge, viewKeepsNode } from './entity-kinds';
import type { TopologyView } from './entity-kinds';

export type ViewNode = Topology['nodes'][number];

/** A relation as a view shows it; `instances` is set on edges that stand for service instances. */
export interface ViewEdge extends Relation {
  instances?: number;
}

export interface ViewGraph {
  nodes: ViewNode[];
  edges: ViewEdge[];
}

/** The moment a view shows and how long a traffic edge may stay silent before it disappears. */
export interface ViewWindow {
  atMs: number;
  idleMs: number;
}

/**
 * One view of the twin at one moment.
 *
 * - Entities exist from their firstSeen on; relations too, and traffic edges (calls, database,
 *   messaging, part_of) only while lastSeen >= at - idle. Structural edges never go idle, because
 *   an inventory writes them once.
 * - Service instances are collapsed: `service -contains-> instance -runs_on-> host` becomes
 *   `service -runs_on-> host` with `instances` counting the instances behind it, and any other
 *   edge of an instance moves to its service. A graph of services on hosts stays readable this
 *   way however many replicas run; the instances remain under /api/v1/entities.
 * - An edge is kept when the view shows its type and both its ends; a virtual node (attribute
 *   virtual=true) only while one of its edges is shown.
 */
export function buildView(topology: Topology, view: TopologyView, window: ViewWindow): ViewGraph {
  const { atMs, idleMs } = window;
  const alive = new Map<string, ViewNode>();
  for (const node of topology.nodes) if (node.firstSeen <= atMs) alive.set(node.id, node);
  const relations = topology.edges.filter(
    (r) => r.firstSeen <= atMs && (!IDLE_EDGE_TYPES.has(r.type) || r.lastSeen >= atMs - idleMs) && alive.has(r.from) && alive.has(r.to),
  );
  const serviceOf = instanceServices(alive, relations);
  const kept = new Map<string, ViewNode>();
  for (const node of alive.values()) if (viewKeepsNode(view, kindOf(node))) kept.set(node.id, node);

  const edges = new Map<string, ViewEdge>();
  for (const relation of relations) {
    const from = serviceOf.get(relation.from) ?? relation.from;
    const to = serviceOf.get(relation.to) ?? relation.to;
    if (from === to || !kept.has(from) || !kept.has(to) || !viewKeepsEdge(view, relation.type)) continue;
    const collapsed = from !== relation.from || to !== relation.to;
    addEdge(edges, relation, from, to, collapsed);
  }
  // A virtual node exists only through its edges: once they have all gone idle, it goes too.
  const linked = new Set<string>();
  for (const edge of edges.values()) linked.add(edge.from).add(edge.to);
  const nodes = [...kept.values()].filter((n) => n.attributes.virtual !== true || linked.has(n.id));
  return { nodes, edges: [...edges.values()] };
}

/** Each instance's service: from `service -contains-> instance`, else its parent. */
function instanceServices(alive: Map<string, ViewNode>, relations: Relation[]): Map<string, string> {
  const serviceOf = new Map<string, string>();
  for (const r of relations) {
    if (r.type === 'contains' && alive.get(r.to)?.type === 'instance' && alive.get(r.from)?.type === 'service') serviceOf.set(r.to, r.from);
  }
  for (const node of alive.values()) {
    if (node.type === 'instance' && !serviceOf.has(node.id) && node.parent !== undefined && alive.has(node.parent)) {
      serviceOf.set(node.id, node.parent);
    }
  }
  return serviceOf;
}

function addEdge(edges: Map<string, ViewEdge>, relation: Relation, from: string, to: string, collapsed: boolean): void {
  const id = `${relation.type}:${from}->${to}`;
  let edge = edges.get(id);
  if (!edge) {
    // Kept as handed in (the twin's answers are detached copies); changed only through copies below.
    edge = collapsed ? { ...relation, id, from, to, stats: {} } : relation;
    edges.set(id, edge);
  } else {
    // Several instances behind one edge: it exists since the first of them, and lives while any does.
    // Merging is rare; a copy keeps the reader's objects untouched.
    edge = { ...edge, stats: { ...edge.stats } };
    edges.set(id, edge);
    edge.firstSeen = Math.min(edge.firstSeen, relation.firstSeen);
    edge.lastSeen = Math.max(edge.lastSeen, relation.lastSeen);
    if (!collapsed) edge.stats = { ...edge.stats, ...relation.stats };
  }
  if (collapsed) {
    edge.instances = (edge.instances ?? 0) + 1;
    edge.stats.instances = edge.instances;
  }
}
