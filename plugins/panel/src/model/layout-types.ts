/** Positions of the layout: what the views draw and hand back on the next refresh. */

export interface Point {
  x: number;
  y: number;
}

export interface LayoutOptions {
  /** Positions of the last layout: known nodes keep them, so a refresh does not reshuffle the view. */
  previous?: ReadonlyMap<string, Point>;
  /** Positions the user dragged nodes to: always kept. */
  pinned?: ReadonlyMap<string, Point>;
  /** Horizontal distance between neighbours in a layer (default 160). */
  nodeGap?: number;
  /** Vertical distance between layers (default 120). */
  layerGap?: number;
  /** Most nodes side by side; a wider layer wraps onto several rows (default 60). */
  maxPerRow?: number;
}

export interface Layout {
  positions: Map<string, Point>;
  /** Extent of the positions: from `left` to `left + width`, `top` to `top + height`. */
  width: number;
  height: number;
  left: number;
  top: number;
  /** Ids of edges turned round to break cycles (drawn pointing up). */
  reversed: Set<string>;
}
