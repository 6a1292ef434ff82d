import type { GraphEdge, GraphNode, TopologyGraph } from './graph-types';

/** A node with only what a test cares about. */
export function node(id: string, extra: Partial<GraphNode> = {}): GraphNode {
  return {
    id,
    title: id,
    subtitle: '',
    type: '',
    level: '',
    health: 'ok',
    healthFractions: { ok: 1, degraded: 0, failing: 0, unknown: 0 },
    stats: {},
    ...extra,
  };
}

/** An edge `source->target` (its id) of a type, `calls` unless said. */
export function edge(source: string, target: string, type = 'calls'): GraphEdge {
  return { id: `${source}->${target}`, source, target, type };
}

/** A graph from node ids and `a->b` edge strings. */
export function graphOf(ids: string[], edges: string[]): TopologyGraph {
  return {
    nodes: ids.map((id) => node(id)),
    edges: edges.map((e) => {
      const [source, target] = e.split('->');
      return edge(source, target);
    }),
  };
}

/** A seeded pseudo-random graph (mulberry32): the same seed gives the same graph. */
export function randomGraph(nodes: number, edges: number, seed: number): TopologyGraph {
  let state = seed >>> 0;
  const random = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const ids = Array.from({ length: nodes }, (_, i) => `n${i}`);
  const list: string[] = [];
  for (let i = 0; i < edges; i++) {
    // Mostly from lower to higher numbers (a flow), some the other way (cycles to break).
    const a = Math.floor(random() * nodes);
    const b = Math.floor(random() * nodes);
    list.push(random() < 0.9 ? `n${Math.min(a, b)}->n${Math.max(a, b)}` : `n${Math.max(a, b)}->n${Math.min(a, b)}`);
  }
  const graph = graphOf(ids, list);
  graph.edges = graph.edges.map((e, i) => ({ ...e, id: `e${i}` }));
  return graph;
}
