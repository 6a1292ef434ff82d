import type { TwinReader } from '../../model';
import type { ViewEdge, ViewNode } from './build-view';

/**
 * The moment statistics are read for. A statistic's value then is its latest point at or before
 * `atMs` and no older than `maxAgeMs`: an older point means the traffic stopped, not that it
 * still runs at the old rate. For the present (`present`), the latest point each signal keeps is
 * read; for a past moment, the history.
 */
export interface StatsMoment {
  atMs: number;
  maxAgeMs: number;
  present: boolean;
}

/** Per-window edge statistics the service graph records on the caller (ISSUE3.md), SI units. */
export const EDGE_STATS = [
  'requests_per_second',
  'failed_per_second',
  'error_ratio',
  'client_latency_p50_seconds',
  'client_latency_p95_seconds',
  'client_latency_p99_seconds',
  'server_latency_p50_seconds',
  'server_latency_p95_seconds',
  'server_latency_p99_seconds',
  'messaging_delay_p50_seconds',
  'messaging_delay_p95_seconds',
  'messaging_delay_p99_seconds',
] as const;

/** The main statistics of a service-graph node, from `service.<stat>` or (flows) `flow.<stat>`. */
export const NODE_STATS = ['requests_per_second', 'error_ratio', 'latency_p95_seconds'] as const;

/** The value of one signal of a node at the moment, or undefined when it has none that recent. */
export function nodeSignalAt(twin: TwinReader, node: ViewNode, name: string, moment: StatsMoment): number | undefined {
  if (moment.present) {
    const latest = node.signals.find((s) => s.name === name)?.latest;
    return latest !== undefined && latest.t >= moment.atMs - moment.maxAgeMs ? latest.v : undefined;
  }
  return historyAt(twin, node.id, name, moment);
}

function historyAt(twin: TwinReader, entity: string, name: string, moment: StatsMoment): number | undefined {
  const series = twin.signalHistory({ entity, name, from: moment.atMs - moment.maxAgeMs, to: moment.atMs });
  return series?.points.at(-1)?.v;
}

/** The node's main statistics at the moment: those of a service-graph node; none for others. */
export function nodeStats(twin: TwinReader, node: ViewNode, moment: StatsMoment): Record<string, number> {
  const prefix = node.type === 'flow' || node.level === 'process' ? 'flow' : 'service';
  const stats: Record<string, number> = {};
  for (const stat of NODE_STATS) {
    const value = nodeSignalAt(twin, node, `${prefix}.${stat}`, moment);
    if (value !== undefined) stats[stat] = value;
  }
  return stats;
}

// The edge types whose statistics the service graph records as signals on the caller.
const HISTORY_EDGE_TYPES: ReadonlySet<string> = new Set(['calls', 'database', 'messaging']);

// Signal names carry labels Prometheus-style (see ingest's labelSuffix), escaped the same way.
const escapeLabel = (text: string) => text.replace(/[\\"\n]/g, (c) => (c === '\n' ? '\\n' : `\\${c}`));

/** The name of an edge statistic's signal on the caller: `edge.<stat>{to="<callee>",type="<type>"}`. */
export function edgeSignalName(stat: string, edge: Pick<ViewEdge, 'to' | 'type'>): string {
  return `edge.${stat}{to="${escapeLabel(edge.to)}",type="${edge.type}"}`;
}

/**
 * An edge's statistics at the moment. Now: the relation's own (the latest window's values and the
 * running totals its writer keeps). In the past: the per-window statistics from the caller's
 * history (running totals, part_of and structural edges have none). Collapsed edges count instances.
 */
export function edgeStats(twin: TwinReader, edge: ViewEdge, moment: StatsMoment): Record<string, number> {
  if (moment.present || edge.instances !== undefined) return edge.stats;
  const stats: Record<string, number> = {};
  if (!HISTORY_EDGE_TYPES.has(edge.type)) return stats;
  for (const stat of EDGE_STATS) {
    const value = historyAt(twin, edge.from, edgeSignalName(stat, edge), moment);
    if (value !== undefined) stats[stat] = value;
  }
  return stats;
}
