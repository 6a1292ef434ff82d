import { PRIOR_RECIRCULATION_SELF_KELVIN_PER_WATT } from './priors';

/**
 * The prior of the heat-distribution matrix: hot exhaust reaches a server's inlet mostly from its
 * own rack, less from its row neighbours and least from the facing row. The prior is
 * D0 · 2^(−distance) with D0 = 0.6 K/kW and distance 0 for the own rack, |Δposition| within the
 * row, 2 + |Δposition| across rows of the same room; racks of other rooms are not in the row.
 */

export interface RackPlace {
  id: string;
  roomId: string;
  /** The row's id, when the inventory nests racks in rows. */
  rowId: string | undefined;
  /** Position along the row (from the rack's `position` attribute, else its order in the row). */
  index: number;
}

export function rackDistance(a: RackPlace, b: RackPlace): number {
  if (a.id === b.id) return 0;
  if (a.roomId !== b.roomId) return Infinity;
  const along = Math.abs(a.index - b.index);
  if (a.rowId !== undefined && a.rowId === b.rowId) return Math.max(1, along);
  return 2 + along;
}

/** The prior row of a server in rack `own` over the racks of its room (K per W). */
export function priorRecirculation(own: RackPlace, racks: readonly RackPlace[]): Record<string, number> {
  const row: Record<string, number> = {};
  for (const rack of racks) {
    const d = rackDistance(own, rack);
    if (Number.isFinite(d)) row[rack.id] = PRIOR_RECIRCULATION_SELF_KELVIN_PER_WATT * 2 ** -d;
  }
  return row;
}

/** Places racks: the trailing number of `position` (`A1-3` → 3) or, without one, the order within the row. */
export function placeRacks(racks: readonly { id: string; roomId: string; rowId: string | undefined; position: string | undefined }[]): RackPlace[] {
  const seenInRow = new Map<string, number>();
  return racks.map((r) => {
    const key = `${r.roomId}|${r.rowId ?? ''}`;
    const order = seenInRow.get(key) ?? 0;
    seenInRow.set(key, order + 1);
    const match = r.position === undefined ? null : /(\d+)\s*$/.exec(r.position);
    return { id: r.id, roomId: r.roomId, rowId: r.rowId, index: match ? Number(match[1]) : order };
  });
}
