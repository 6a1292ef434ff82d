import type { DataFrame, Field } from '@grafana/data';
import { formatStat } from './format-stat';
import {
  HEALTH_STATES,
  isHealth,
  wholeFractions,
  type GraphEdge,
  type GraphNode,
  type Health,
  type TopologyGraph,
} from './graph-types';

// What the TwinOps datasource puts in mainstat and secondarystat (topology-frames.ts): kept under
// their stat names too, so views read one `stats` record whichever way the graph arrived.
const NODE_STAT_NAMES: Record<string, string> = {
  mainstat: 'requests_per_second',
  secondarystat: 'latency_p95_seconds',
};
const DETAIL = 'detail__';

const fieldOf = (frame: DataFrame, name: string): Field | undefined => frame.fields.find((f) => f.name === name);
const has = (frame: DataFrame, name: string) => fieldOf(frame, name) !== undefined;
const isEdges = (frame: DataFrame) => has(frame, 'source') && has(frame, 'target');
const isNodes = (frame: DataFrame) => has(frame, 'id') && !isEdges(frame);

/**
 * The graph in a Topology query's frames: the nodes frame (by name, else the first frame with an
 * `id` and no `source`) and the edges frame (by name, else the first with `source` and `target`).
 * Undefined when there is no nodes frame; no edges frame means no edges.
 */
export function graphFromFrames(frames: DataFrame[]): TopologyGraph | undefined {
  const nodesFrame = frames.find((f) => f.name === 'nodes' && isNodes(f)) ?? frames.find(isNodes);
  if (!nodesFrame) {
    return undefined;
  }
  const edgesFrame = frames.find((f) => f.name === 'edges' && isEdges(f)) ?? frames.find(isEdges);
  return { nodes: readNodes(nodesFrame), edges: edgesFrame ? readEdges(edgesFrame) : [] };
}

function text(field: Field | undefined, row: number): string {
  const v = field?.values[row];
  return v === null || v === undefined ? '' : String(v);
}

function num(field: Field | undefined, row: number): number | undefined {
  const v = field?.values[row];
  return typeof v === 'number' && Number.isFinite(v) ? v : undefined;
}

function readNodes(frame: DataFrame): GraphNode[] {
  const f = (name: string) => fieldOf(frame, name);
  const arcs = HEALTH_STATES.map((h) => [h, f(`arc__${h}`)] as const);
  const numericDetails = frame.fields.filter((x) => x.name.startsWith(DETAIL) && x.type === 'number');
  const nodes: GraphNode[] = [];
  for (let row = 0; row < frame.length; row++) {
    const stats: Record<string, number> = {};
    for (const [name, stat] of Object.entries(NODE_STAT_NAMES)) {
      const v = num(f(name), row);
      if (v !== undefined) {
        stats[stat] = v;
      }
    }
    for (const detail of numericDetails) {
      const v = num(detail, row);
      if (v !== undefined) {
        stats[detail.name.slice(DETAIL.length)] = v;
      }
    }
    const fractions = readFractions(arcs, row);
    const status = text(f('detail__health'), row);
    const health = isHealth(status) ? status : dominant(fractions);
    const node: GraphNode = {
      id: text(f('id'), row),
      title: text(f('title'), row) || text(f('id'), row),
      subtitle: text(f('subtitle'), row),
      type: text(f('detail__type'), row),
      level: text(f('detail__level'), row),
      health,
      healthFractions: fractions ?? wholeFractions(health),
      stats,
    };
    setStat(node, 'mainstat', f('mainstat'), row);
    setStat(node, 'secondarystat', f('secondarystat'), row);
    nodes.push(node);
  }
  return nodes;
}

/** The arcs normalised to sum to 1, or undefined when the frame has none (or all are zero). */
function readFractions(
  arcs: ReadonlyArray<readonly [Health, Field | undefined]>,
  row: number
): Record<Health, number> | undefined {
  const fractions: Record<Health, number> = { ok: 0, degraded: 0, failing: 0, unknown: 0 };
  let sum = 0;
  for (const [health, field] of arcs) {
    const v = Math.max(0, num(field, row) ?? 0);
    fractions[health] = v;
    sum += v;
  }
  if (sum <= 0) {
    return undefined;
  }
  for (const health of HEALTH_STATES) {
    fractions[health] /= sum;
  }
  return fractions;
}

/** Without a detail__health field the largest arc decides (the worse state on a tie). */
function dominant(fractions: Record<Health, number> | undefined): Health {
  if (!fractions) {
    return 'unknown';
  }
  let best: Health = 'unknown';
  for (const health of ['ok', 'degraded', 'failing'] as const) {
    if (fractions[health] > 0 && fractions[health] >= fractions[best]) {
      best = health;
    }
  }
  return best;
}

function setStat(
  target: { mainstat?: string; secondarystat?: string },
  key: 'mainstat' | 'secondarystat',
  field: Field | undefined,
  row: number
) {
  const v = field?.values[row];
  const shown = typeof v === 'string' ? v || undefined : formatStat(num(field, row), field?.config.unit);
  if (shown !== undefined) {
    target[key] = shown;
  }
}

function readEdges(frame: DataFrame): GraphEdge[] {
  const f = (name: string) => fieldOf(frame, name);
  const edges: GraphEdge[] = [];
  for (let row = 0; row < frame.length; row++) {
    const source = text(f('source'), row);
    const target = text(f('target'), row);
    const edge: GraphEdge = {
      id: text(f('id'), row) || `${source}->${target}`,
      source,
      target,
      type: text(f('detail__type'), row),
    };
    // The datasource's edge mainstat is requests/s and its secondarystat the error ratio.
    const rps = num(f('mainstat'), row);
    const errors = num(f('secondarystat'), row);
    if (rps !== undefined) {
      edge.requestsPerSecond = rps;
    }
    if (errors !== undefined) {
      edge.errorRatio = errors;
    }
    setStat(edge, 'mainstat', f('mainstat'), row);
    edges.push(edge);
  }
  return edges;
}
