/**
 * Callers-first order of a call graph (Kahn's algorithm). Nodes on a cycle cannot all come after
 * their callers: whatever is left once no node is free is appended in the given order, so the
 * solver treats the edges that point back as carrying the flow of the previous pass (none).
 */
export function callersFirst(ids: readonly string[], edges: readonly { from: string; to: string }[]): string[] {
  const known = new Set(ids);
  const indegree = new Map<string, number>(ids.map((id) => [id, 0]));
  const out = new Map<string, string[]>(ids.map((id) => [id, []]));
  for (const e of edges) {
    if (!known.has(e.from) || !known.has(e.to) || e.from === e.to) continue;
    out.get(e.from)?.push(e.to);
    indegree.set(e.to, (indegree.get(e.to) ?? 0) + 1);
  }
  const order: string[] = [];
  const placed = new Set<string>();
  const free = ids.filter((id) => indegree.get(id) === 0);
  while (free.length > 0) {
    const id = free.shift() as string;
    order.push(id);
    placed.add(id);
    for (const to of out.get(id) ?? []) {
      const left = (indegree.get(to) ?? 0) - 1;
      indegree.set(to, left);
      if (left === 0) free.push(to);
    }
  }
  for (const id of ids) if (!placed.has(id)) order.push(id);
  return order;
}
