import type { ShopCatalog, ServiceName } from './catalog';

/** A host the shop can place instances on. */
export interface ShopHost {
  name: string;
  rack: string;
  cores: number;
  memoryBytes: number;
}

export interface Placement {
  /** Instance id, `<service>-<n>` (n from 1). */
  id: string;
  service: ServiceName;
  host: string;
}

const GIB = 1024 * 1024 * 1024;

/** The 84 hosts of DEMO.md: racks r01..r12, servers s1..s7, 32 cores and 128 GiB each. */
export function defaultShopHosts(): ShopHost[] {
  const hosts: ShopHost[] = [];
  for (let r = 1; r <= 12; r++) {
    const rack = `r${String(r).padStart(2, '0')}`;
    for (let s = 1; s <= 7; s++) hosts.push({ name: `${rack}-s${s}`, rack, cores: 32, memoryBytes: 128 * GIB });
  }
  return hosts;
}

/**
 * Spreads instances over racks: the k-th instance (catalog order) goes to rack k mod R, server
 * slot ⌊k / R⌋ mod S, so the instances of one service land on different racks and a rack failure
 * takes down at most one instance of each service while instances ≤ racks.
 */
export function placeInstances(catalog: ShopCatalog, hosts: readonly ShopHost[]): Placement[] {
  const racks = [...new Set(hosts.map((h) => h.rack))];
  const byRack = racks.map((rack) => hosts.filter((h) => h.rack === rack));
  const placements: Placement[] = [];
  let k = 0;
  for (const service of catalog.services) {
    for (let n = 1; n <= service.instances; n++, k++) {
      const rackHosts = byRack[k % racks.length];
      const host = rackHosts[Math.floor(k / racks.length) % rackHosts.length];
      placements.push({ id: `${service.name}-${n}`, service: service.name, host: host.name });
    }
  }
  return placements;
}

/**
 * Host for one more instance of a service (scale-out): the host with the fewest shop cores in
 * use, preferring racks that do not yet run the service; ties go to the first host in order.
 */
export function chooseHost(
  hosts: readonly ShopHost[],
  placements: readonly Placement[],
  service: ServiceName,
  coresOf: (service: ServiceName) => number,
): string {
  const used = new Map<string, number>();
  for (const p of placements) used.set(p.host, (used.get(p.host) ?? 0) + coresOf(p.service));
  const racksWithService = new Set(
    placements.filter((p) => p.service === service).map((p) => hosts.find((h) => h.name === p.host)?.rack),
  );
  let best: ShopHost | undefined;
  let bestScore = Infinity;
  for (const h of hosts) {
    const score = (racksWithService.has(h.rack) ? 1e6 : 0) + (used.get(h.name) ?? 0) / h.cores;
    if (score < bestScore) {
      best = h;
      bestScore = score;
    }
  }
  if (!best) throw new Error('shop placement: no hosts');
  return best.name;
}

/**
 * Moves for `fraction` of the instances on one rack's hosts (round(fraction · n), in instance
 * order) to another rack: each goes to the target host with the least shop cores in use per core
 * (counting the moves already planned), ties to the first host in order.
 */
export function planMove(
  hosts: readonly ShopHost[],
  placements: readonly Placement[],
  move: { fromRack: string; toRack: string; fraction: number },
  coresOf: (service: ServiceName) => number,
): Array<{ instance: string; toHost: string }> {
  const rackOf = new Map(hosts.map((h) => [h.name, h.rack]));
  const targets = hosts.filter((h) => h.rack === move.toRack);
  const used = new Map<string, number>();
  for (const p of placements) used.set(p.host, (used.get(p.host) ?? 0) + coresOf(p.service));
  const moving = placements.filter((p) => rackOf.get(p.host) === move.fromRack);
  const count = Math.round(move.fraction * moving.length);
  if (count > 0 && targets.length === 0) throw new Error(`shop placement: no hosts in rack '${move.toRack}'`);
  return moving.slice(0, count).map((p) => {
    const load = (h: ShopHost) => (used.get(h.name) ?? 0) / h.cores;
    const best = targets.reduce((a, b) => (load(b) < load(a) ? b : a));
    used.set(best.name, (used.get(best.name) ?? 0) + coresOf(p.service));
    return { instance: p.id, toHost: best.name };
  });
}
