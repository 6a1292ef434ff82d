import type { GraphEdge, Point } from '../model';
import { errorClass, type ErrorClass } from './palette';

/** All edges of one colour and width, drawn as one SVG path: thousands of edges cost a handful of DOM nodes. */
export interface EdgeGroup {
  key: string;
  errorClass: ErrorClass;
  width: number;
  d: string;
  ids: string[];
}

/** Stroke width by requests per second: one step per order of magnitude, so a busy edge stands out without hiding the rest. */
export function edgeWidth(requestsPerSecond: number | undefined): number {
  if (requestsPerSecond === undefined || !(requestsPerSecond > 0)) {
    return 1;
  }
  return requestsPerSecond < 10 ? 1.5 : requestsPerSecond < 100 ? 2.5 : requestsPerSecond < 1000 ? 3.5 : 5;
}

/** Groups the edges whose ends have positions into paths, one per (error class, width). */
export function edgeGroups(edges: readonly GraphEdge[], position: (id: string) => Point | undefined): EdgeGroup[] {
  const groups = new Map<string, { errorClass: ErrorClass; width: number; parts: string[]; ids: string[] }>();
  for (const edge of edges) {
    const from = position(edge.source);
    const to = position(edge.target);
    if (!from || !to) {
      continue;
    }
    const cls = errorClass(edge.errorRatio);
    const width = edgeWidth(edge.requestsPerSecond);
    const key = `${cls}-${width}`;
    let group = groups.get(key);
    if (!group) {
      group = { errorClass: cls, width, parts: [], ids: [] };
      groups.set(key, group);
    }
    group.parts.push(`M${round(from.x)} ${round(from.y)}L${round(to.x)} ${round(to.y)}`);
    group.ids.push(edge.id);
  }
  return [...groups.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([key, g]) => ({ key, errorClass: g.errorClass, width: g.width, d: g.parts.join(''), ids: g.ids }));
}

// One decimal keeps the path strings short at 2,000 nodes without visible steps.
function round(value: number): number {
  return Math.round(value * 10) / 10;
}
