/** A directed dependency graph (edge from → to: `from` depends on `to`) with the walks the ranking needs. */
import type { DependencyEdge } from './types';

export interface DependencyGraph {
  /** Every node named by an edge, in first-seen order. */
  readonly nodes: readonly string[];
  /** What `node` depends on (its callees, its host). */
  dependencies(node: string): readonly string[];
  /** What depends on `node` (its callers, the services on a host). */
  dependents(node: string): readonly string[];
  /**
   * Cheapest dependency path from `start` to every node reachable from it, `start` first; a
   * path costs the sum of `cost(node)` over the nodes it enters. Ties go to the path found first
   * in edge order, so results are deterministic.
   */
  pathsFrom(start: string, cost: (node: string) => number): Map<string, string[]>;
}

export function createDependencyGraph(edges: readonly DependencyEdge[]): DependencyGraph {
  const down = new Map<string, string[]>();
  const up = new Map<string, string[]>();
  const nodes: string[] = [];
  const touch = (n: string) => {
    if (down.has(n)) return;
    down.set(n, []);
    up.set(n, []);
    nodes.push(n);
  };
  for (const { from, to } of edges) {
    touch(from);
    touch(to);
    if (from === to || down.get(from)!.includes(to)) continue;
    down.get(from)!.push(to);
    up.get(to)!.push(from);
  }
  return {
    nodes,
    dependencies: (n) => down.get(n) ?? [],
    dependents: (n) => up.get(n) ?? [],
    pathsFrom(start, cost) {
      const best = new Map<string, { cost: number; path: string[] }>([[start, { cost: 0, path: [start] }]]);
      const done = new Set<string>();
      // Dijkstra over a small graph: a linear scan for the next node is enough.
      for (;;) {
        let next: string | undefined;
        for (const [n, b] of best) if (!done.has(n) && (next === undefined || b.cost < best.get(next)!.cost)) next = n;
        if (next === undefined) break;
        done.add(next);
        const here = best.get(next)!;
        for (const d of down.get(next) ?? []) {
          const c = here.cost + cost(d);
          const known = best.get(d);
          if (!done.has(d) && (known === undefined || c < known.cost)) best.set(d, { cost: c, path: [...here.path, d] });
        }
      }
      return new Map([...best].map(([n, b]) => [n, b.path]));
    },
  };
}
