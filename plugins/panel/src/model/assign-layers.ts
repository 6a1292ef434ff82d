import type { TopologyGraph } from './graph-types';

/** The graph as index arrays with each node's layer: what ordering and placing work on. */
export interface Layering {
  /** Node ids sorted, so the result does not depend on the order the graph arrived in. */
  ids: string[];
  indexOf: Map<string, number>;
  layerOf: Int32Array;
  layerCount: number;
  /** Acyclic successor and predecessor lists (cycle-breaking edges turned round, duplicates and self-loops dropped). */
  down: number[][];
  up: number[][];
  /** Ids of the edges turned round to break cycles: they are the ones drawn pointing up. */
  reversed: Set<string>;
}

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Layers by longest path from the sources: a node sits one layer below its lowest predecessor,
 * so every edge points down. Cycles are broken first by a depth-first search over ids in sorted
 * order (targets in sorted order too): each edge back to a node still on the search's path is
 * turned round. Edges with an unknown end are ignored.
 */
export function assignLayers(graph: TopologyGraph): Layering {
  const ids = [...new Set(graph.nodes.map((n) => n.id))].sort(byText);
  const indexOf = new Map(ids.map((id, i) => [id, i]));
  const n = ids.length;
  const out: Array<Array<{ to: number; id: string }>> = ids.map(() => []);
  for (const e of graph.edges) {
    const s = indexOf.get(e.source);
    const t = indexOf.get(e.target);
    if (s !== undefined && t !== undefined && s !== t) {
      out[s].push({ to: t, id: e.id });
    }
  }
  for (const list of out) {
    list.sort((a, b) => a.to - b.to || byText(a.id, b.id));
  }
  const reversed = findBackEdges(out);

  const downSets: Array<Set<number>> = ids.map(() => new Set());
  out.forEach((list, s) => {
    for (const { to, id } of list) {
      if (reversed.has(id)) {
        downSets[to].add(s);
      } else {
        downSets[s].add(to);
      }
    }
  });
  const down = downSets.map((set) => [...set].sort((a, b) => a - b));
  const up: number[][] = ids.map(() => []);
  down.forEach((targets, s) => targets.forEach((t) => up[t].push(s)));

  // Kahn's order: a node's layer is final once all its predecessors have theirs.
  const layerOf = new Int32Array(n);
  const waiting = Int32Array.from(up, (preds) => preds.length);
  const queue: number[] = [];
  for (let v = 0; v < n; v++) {
    if (waiting[v] === 0) {
      queue.push(v);
    }
  }
  let layerCount = n > 0 ? 1 : 0;
  for (let head = 0; head < queue.length; head++) {
    const v = queue[head];
    for (const t of down[v]) {
      layerOf[t] = Math.max(layerOf[t], layerOf[v] + 1);
      layerCount = Math.max(layerCount, layerOf[t] + 1);
      if (--waiting[t] === 0) {
        queue.push(t);
      }
    }
  }
  return { ids, indexOf, layerOf, layerCount, down, up, reversed };
}

/** Iterative depth-first search (no recursion limit at 2,000 nodes deep) collecting back edges. */
function findBackEdges(out: Array<Array<{ to: number; id: string }>>): Set<string> {
  const state = new Uint8Array(out.length); // 0 unseen, 1 on the path, 2 done
  const reversed = new Set<string>();
  const stack: Array<{ v: number; next: number }> = [];
  for (let root = 0; root < out.length; root++) {
    if (state[root] !== 0) {
      continue;
    }
    state[root] = 1;
    stack.push({ v: root, next: 0 });
    while (stack.length > 0) {
      const top = stack[stack.length - 1];
      if (top.next === out[top.v].length) {
        state[top.v] = 2;
        stack.pop();
        continue;
      }
      const { to, id } = out[top.v][top.next++];
      if (state[to] === 1) {
        reversed.add(id);
      } else if (state[to] === 0) {
        state[to] = 1;
        stack.push({ v: to, next: 0 });
      }
    }
  }
  return reversed;
}
