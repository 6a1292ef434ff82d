import type { ViewGraph } from './build-view';

/**
 * The part of a view within `depth` hops of `focus`, edges walked in both directions (a caller
 * and a callee are both one hop away), with the edges among the nodes kept. Undefined when the
 * view does not show the focus entity.
 */
export function keepAround(graph: ViewGraph, focus: string, depth: number): ViewGraph | undefined {
  if (!graph.nodes.some((n) => n.id === focus)) return undefined;
  const neighbours = new Map<string, string[]>();
  const link = (a: string, b: string) => {
    const list = neighbours.get(a);
    if (list) list.push(b);
    else neighbours.set(a, [b]);
  };
  for (const edge of graph.edges) {
    link(edge.from, edge.to);
    link(edge.to, edge.from);
  }
  const reached = new Set([focus]);
  let frontier = [focus];
  for (let hop = 0; hop < depth && frontier.length > 0; hop++) {
    const next: string[] = [];
    for (const id of frontier) {
      for (const other of neighbours.get(id) ?? []) {
        if (reached.has(other)) continue;
        reached.add(other);
        next.push(other);
      }
    }
    frontier = next;
  }
  return {
    nodes: graph.nodes.filter((n) => reached.has(n.id)),
    edges: graph.edges.filter((e) => reached.has(e.from) && reached.has(e.to)),
  };
}
