/**
 * NAB's weighting of a detection by where it falls relative to an anomaly window: positions in
 * [-1, 0] lie inside the window (-1 its left edge, 0 its right edge), positive positions lie after
 * it, measured in window widths. Early detections earn almost full credit, late ones little, and
 * false positives cost more the further they are from the window they follow.
 */

/** 2·sigmoid(-5x) − 1, clamped to −1 from three window widths past the window on. */
export function scaledSigmoid(position: number): number {
  if (position >= 3) return -1;
  return 2 / (1 + Math.exp(5 * position)) - 1;
}

/** The value at a window's left edge: NAB divides true-positive weights by it, so the earliest detection counts exactly tpWeight. */
export const MAX_TP_WEIGHT = scaledSigmoid(-1);
