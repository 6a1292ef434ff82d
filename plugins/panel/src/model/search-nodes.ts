import type { GraphNode, TopologyGraph } from './graph-types';

/**
 * Node ids whose id or title contains `text` (case-insensitive), best matches first: an exact id
 * or title, then a prefix of either, then any other match; ties by title (case-insensitive), then id. Blank text
 * matches nothing (a search box being cleared must not select the whole graph).
 */
export function searchNodes(graph: TopologyGraph, text: string): string[] {
  const wanted = text.trim().toLowerCase();
  if (wanted === '') {
    return [];
  }
  const hits: Array<{ node: GraphNode; rank: number }> = [];
  for (const node of graph.nodes) {
    const rank = rankOf(node, wanted);
    if (rank !== undefined) {
      hits.push({ node, rank });
    }
  }
  hits.sort(
    (a, b) =>
      a.rank - b.rank ||
      compare(a.node.title.toLowerCase(), b.node.title.toLowerCase()) ||
      compare(a.node.title, b.node.title) ||
      compare(a.node.id, b.node.id)
  );
  return hits.map((h) => h.node.id);
}

function rankOf(node: GraphNode, wanted: string): number | undefined {
  let best: number | undefined;
  for (const candidate of [node.id.toLowerCase(), node.title.toLowerCase()]) {
    const at = candidate.indexOf(wanted);
    if (at < 0) {
      continue;
    }
    const rank = candidate === wanted ? 0 : at === 0 ? 1 : 2;
    best = best === undefined ? rank : Math.min(best, rank);
  }
  return best;
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
