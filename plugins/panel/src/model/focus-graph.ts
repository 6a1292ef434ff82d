import type { TopologyGraph } from './graph-types';

/**
 * The part of the graph within `depth` hops of `focus`, following edges either way (callers and
 * callees, containers and contents), with the edges between the nodes kept. Nodes and edges keep
 * their order. An unknown focus gives an empty graph; depth 0 gives the focus alone.
 */
export function focusGraph(graph: TopologyGraph, focus: string, depth: number): TopologyGraph {
  if (!graph.nodes.some((n) => n.id === focus)) {
    return { nodes: [], edges: [] };
  }
  const neighbours = new Map<string, string[]>();
  const link = (a: string, b: string) => {
    const list = neighbours.get(a);
    if (list) {
      list.push(b);
    } else {
      neighbours.set(a, [b]);
    }
  };
  for (const e of graph.edges) {
    link(e.source, e.target);
    link(e.target, e.source);
  }
  const reached = new Set([focus]);
  let frontier = [focus];
  for (let hop = 0; hop < depth && frontier.length > 0; hop++) {
    const next: string[] = [];
    for (const id of frontier) {
      for (const n of neighbours.get(id) ?? []) {
        if (!reached.has(n)) {
          reached.add(n);
          next.push(n);
        }
      }
    }
    frontier = next;
  }
  return {
    nodes: graph.nodes.filter((n) => reached.has(n.id)),
    edges: graph.edges.filter((e) => reached.has(e.source) && reached.has(e.target)),
  };
}
