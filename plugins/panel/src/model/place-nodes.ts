import type { Point } from './layout-types';

export interface Placement {
  /** Positions the layered layout computed, in placement order (layer by layer, left to right). */
  computed: Map<string, Point>;
  /** Each node's neighbours in either direction. */
  neighbours: (id: string) => readonly string[];
  previous: ReadonlyMap<string, Point>;
  pinned: ReadonlyMap<string, Point>;
  nodeGap: number;
  layerGap: number;
}

/**
 * Final positions. Pinned nodes take their pin; nodes with a previous position keep it unless it
 * collides with one already placed; every other node goes to the computed row, at the mean x of
 * its neighbours that kept or pinned a position (else its computed x), slid sideways along the
 * row to the nearest free spot. Two points collide when closer than half a gap on both axes.
 */
export function placeNodes(p: Placement): Map<string, Point> {
  const grid = new SpatialGrid(p.nodeGap, p.layerGap);
  const final = new Map<string, Point>();
  const anchored = new Set<string>();
  const set = (id: string, point: Point) => {
    final.set(id, point);
    grid.add(point);
  };
  const ids = [...p.computed.keys()];
  const sorted = [...ids].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  for (const id of sorted) {
    const pin = p.pinned.get(id);
    if (pin) {
      set(id, { x: pin.x, y: pin.y });
      anchored.add(id);
    }
  }
  for (const id of sorted) {
    const prev = p.previous.get(id);
    if (!final.has(id) && prev && !grid.collides(prev)) {
      set(id, { x: prev.x, y: prev.y });
      anchored.add(id);
    }
  }
  for (const id of ids) {
    if (final.has(id)) {
      continue;
    }
    const at = p.computed.get(id) as Point;
    const xs = p.neighbours(id).flatMap((n) => (anchored.has(n) ? [(final.get(n) as Point).x] : []));
    const x = xs.length > 0 ? xs.reduce((a, b) => a + b, 0) / xs.length : at.x;
    set(id, grid.nearestFree({ x, y: at.y }));
  }
  return final;
}

/** Points bucketed by cells of one gap each way: a collision can only be in the 3 × 3 cells around. */
class SpatialGrid {
  private readonly cells = new Map<number, Point[]>();

  constructor(
    private readonly dx: number,
    private readonly dy: number
  ) {}

  add(point: Point): void {
    const key = this.key(Math.floor(point.x / this.dx), Math.floor(point.y / this.dy));
    const cell = this.cells.get(key);
    if (cell) {
      cell.push(point);
    } else {
      this.cells.set(key, [point]);
    }
  }

  collides(point: Point): boolean {
    const cx = Math.floor(point.x / this.dx);
    const cy = Math.floor(point.y / this.dy);
    for (let i = cx - 1; i <= cx + 1; i++) {
      for (let j = cy - 1; j <= cy + 1; j++) {
        for (const q of this.cells.get(this.key(i, j)) ?? []) {
          if (Math.abs(q.x - point.x) < this.dx / 2 && Math.abs(q.y - point.y) < this.dy / 2) {
            return true;
          }
        }
      }
    }
    return false;
  }

  /** The point itself when free, else the closest free one along its row: one gap right, left, two right… */
  nearestFree(point: Point): Point {
    for (let k = 1; this.collides(point); k++) {
      const step = Math.ceil(k / 2) * (k % 2 === 1 ? 1 : -1);
      const candidate = { x: point.x + step * this.dx, y: point.y };
      if (!this.collides(candidate)) {
        return candidate;
      }
    }
    return point;
  }

  // A number, not a string, keeps the lookups cheap; rows never number anywhere near 2^21.
  private key(i: number, j: number): number {
    return i * 2_097_152 + j;
  }
}
