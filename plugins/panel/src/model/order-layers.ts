import type { Layering } from './assign-layers';

/** Down, up, down, up, down: a few barycenter sweeps untangle most crossings; more rarely pay. */
const SWEEPS = 5;

/**
 * Each layer's nodes left to right. Starts in id order, then sweeps the barycenter heuristic: a
 * node moves to the mean relative position of its neighbours in the direction of the sweep
 * (predecessors going down, successors going up), whatever layer they are in, since long edges
 * get no dummy nodes. Nodes without such neighbours, and ties, keep their current order.
 */
export function orderLayers(layering: Layering): number[][] {
  const { layerOf, layerCount, up, down } = layering;
  const layers: number[][] = Array.from({ length: layerCount }, () => []);
  layerOf.forEach((layer, v) => layers[layer].push(v));
  // Relative position in (0, 1): comparable across layers of different widths.
  const pos = new Float64Array(layerOf.length);
  const place = (layer: number[]) => layer.forEach((v, i) => (pos[v] = (i + 0.5) / layer.length));
  layers.forEach(place);

  const bary = new Float64Array(layerOf.length);
  const sortLayer = (layer: number[], neighbours: number[][]) => {
    for (const v of layer) {
      const list = neighbours[v];
      let sum = 0;
      for (const u of list) {
        sum += pos[u];
      }
      bary[v] = list.length > 0 ? sum / list.length : pos[v];
    }
    layer.sort((a, b) => bary[a] - bary[b] || pos[a] - pos[b]);
    place(layer);
  };
  for (let sweep = 0; sweep < SWEEPS; sweep++) {
    if (sweep % 2 === 0) {
      for (let l = 1; l < layerCount; l++) {
        sortLayer(layers[l], up);
      }
    } else {
      for (let l = layerCount - 2; l >= 0; l--) {
        sortLayer(layers[l], down);
      }
    }
  }
  return layers;
}
