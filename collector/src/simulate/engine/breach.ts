/**
 * The blast radius of an intrusion: from its origin it spreads along every relation of the twin
 * (callers and callees, instances and their hosts, racks and what they hold) with a probability
 * per hop, up to a number of hops. Many seeded draws estimate each entity's chance of being
 * reached; the result is deterministic for a seed.
 */
import type { SeededRandom } from './seeded-random';

export interface BreachSpread {
  origin: string;
  probability: number;
  maxHops: number;
  draws: number;
  /** Entities reached in at least one draw: the share of draws that reached them, and the fewest hops. */
  reached: { entity: string; probability: number; hops: number }[];
  /** Mean number of entities reached besides the origin. */
  expectedSize: number;
}

export function spreadBreach(
  origin: string,
  probability: number,
  maxHops: number,
  links: readonly { from: string; to: string }[],
  draws: number,
  random: SeededRandom,
): BreachSpread {
  const neighbours = new Map<string, string[]>();
  const link = (a: string, b: string) => neighbours.set(a, [...(neighbours.get(a) ?? []), b]);
  for (const { from, to } of links) {
    link(from, to);
    link(to, from);
  }
  const counts = new Map<string, number>();
  const fewestHops = new Map<string, number>();
  let total = 0;
  for (let d = 0; d < draws; d++) {
    const hopsOf = new Map([[origin, 0]]);
    let frontier = [origin];
    for (let hop = 1; hop <= maxHops && frontier.length > 0; hop++) {
      const next: string[] = [];
      for (const node of frontier) {
        for (const n of neighbours.get(node) ?? []) {
          if (hopsOf.has(n) || random.next() >= probability) continue;
          hopsOf.set(n, hop);
          next.push(n);
        }
      }
      frontier = next;
    }
    for (const [n, hops] of hopsOf) {
      if (n === origin) continue;
      counts.set(n, (counts.get(n) ?? 0) + 1);
      fewestHops.set(n, Math.min(hops, fewestHops.get(n) ?? Infinity));
      total++;
    }
  }
  const reached = [...counts]
    .map(([entity, n]) => ({ entity, probability: n / draws, hops: fewestHops.get(entity) as number }))
    .sort((a, b) => b.probability - a.probability || a.hops - b.hops || (a.entity < b.entity ? -1 : 1));
  return { origin, probability, maxHops, draws, reached, expectedSize: total / draws };
}
