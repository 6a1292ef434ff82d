import { assignLayers } from './assign-layers';
import { orderLayers } from './order-layers';
import { placeNodes } from './place-nodes';
import type { TopologyGraph } from './graph-types';
import type { Layout, LayoutOptions, Point } from './layout-types';

const DEFAULTS = { nodeGap: 160, layerGap: 120, maxPerRow: 60 };
const NONE: ReadonlyMap<string, Point> = new Map();

/**
 * Layered layout: callers above callees, containers above contents (edges point down, except
 * those turned round to break cycles); layers ordered by barycenter sweeps and centred on the
 * widest row. Deterministic. Known nodes keep their previous positions and pinned nodes their
 * pins (see placeNodes). Linear in nodes and edges per sweep: 2,000 nodes take milliseconds.
 */
export function layeredLayout(graph: TopologyGraph, options: LayoutOptions = {}): Layout {
  const nodeGap = options.nodeGap ?? DEFAULTS.nodeGap;
  const layerGap = options.layerGap ?? DEFAULTS.layerGap;
  const maxPerRow = Math.max(1, Math.floor(options.maxPerRow ?? DEFAULTS.maxPerRow));
  const layering = assignLayers(graph);
  const { ids, up, down, indexOf } = layering;

  // Rows: each layer, wrapped when wider than maxPerRow; later layers move down accordingly.
  const rows: number[][] = [];
  for (const layer of orderLayers(layering)) {
    for (let i = 0; i < layer.length; i += maxPerRow) {
      rows.push(layer.slice(i, i + maxPerRow));
    }
  }
  const widest = rows.reduce((w, row) => Math.max(w, row.length), 0);
  const computed = new Map<string, Point>();
  rows.forEach((row, r) => {
    const offset = ((widest - row.length) * nodeGap) / 2;
    row.forEach((v, i) => computed.set(ids[v], { x: offset + i * nodeGap, y: r * layerGap }));
  });

  const neighbours = (id: string) => {
    const v = indexOf.get(id) as number;
    return [...up[v], ...down[v]].map((u) => ids[u]);
  };
  const positions = placeNodes({
    computed,
    neighbours,
    previous: options.previous ?? NONE,
    pinned: options.pinned ?? NONE,
    nodeGap,
    layerGap,
  });
  return { positions, ...extent(positions), reversed: layering.reversed };
}

function extent(positions: Map<string, Point>): { left: number; top: number; width: number; height: number } {
  if (positions.size === 0) {
    return { left: 0, top: 0, width: 0, height: 0 };
  }
  let [minX, minY, maxX, maxY] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const { x, y } of positions.values()) {
    minX = Math.min(minX, x);
    minY = Math.min(minY, y);
    maxX = Math.max(maxX, x);
    maxY = Math.max(maxY, y);
  }
  return { left: minX, top: minY, width: maxX - minX, height: maxY - minY };
}
