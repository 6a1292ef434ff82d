import { LatencyWindow, PERCENTILE_BOUNDS } from './latency-window';
import type { Twin } from '../../model';
import type { Edge, EdgeTable, Endpoint } from './edge-table';
import type { GrafanaSeries } from './grafana-series';
import type { Percentiles } from './latency-window';

const KIND = 'service_graph';
const RATE = '{request}/s';

interface CalleeWindow {
  requests: number;
  failed: number;
  latency: LatencyWindow;
}

/**
 * Writes one window into the twin: virtual nodes, each active edge's relation with its stats,
 * the edge signals on the caller, the service signals on each callee (all incoming edges
 * together), then resets the window. An edge idle for a whole window reports zero rates once
 * and then stays quiet; its relation is not touched, so its lastSeen tells when it was last used.
 */
export function flushWindow(
  twin: Twin,
  table: EdgeTable,
  grafana: GrafanaSeries,
  window: { seconds: number; stampMs: number },
  nodes: { ensure(endpoint: Endpoint): boolean },
): void {
  const callees = new Map<string, CalleeWindow>();
  for (const edge of table.edges()) {
    const active = edge.requests > 0;
    if (!active && edge.idleReported) continue;
    edge.idleReported = !active;
    nodes.ensure(edge.from);
    nodes.ensure(edge.to);
    grafana.flush(edge);
    writeEdge(twin, edge, window.seconds, window.stampMs, active);
    let callee = callees.get(edge.to.id);
    if (!callee) callees.set(edge.to.id, (callee = { requests: 0, failed: 0, latency: new LatencyWindow(PERCENTILE_BOUNDS) }));
    callee.requests += edge.requests;
    callee.failed += edge.failed;
    callee.latency.add(edge.server);
    resetWindow(edge);
  }
  for (const [id, callee] of callees) writeCallee(twin, id, callee, window.seconds, window.stampMs);
}

function writeEdge(twin: Twin, edge: Edge, seconds: number, t: number, active: boolean): void {
  edge.requestsTotal += edge.requests;
  edge.failedTotal += edge.failed;
  const stats: Record<string, number> = {
    requests_per_second: edge.requests / seconds,
    failed_per_second: edge.failed / seconds,
  };
  if (active) stats.error_ratio = edge.failed / edge.requests;
  addPercentiles(stats, 'client_latency', edge.client.percentiles());
  addPercentiles(stats, 'server_latency', edge.server.percentiles());
  if (edge.delay) addPercentiles(stats, 'messaging_delay', edge.delay.percentiles());
  const suffix = `{to="${edge.to.id}",type="${edge.type}"}`;
  for (const [name, value] of Object.entries(stats)) {
    twin.recordSignal(edge.from.id, `edge.${name}${suffix}`, unitOf(name), KIND, t, value);
  }
  if (!active) return;
  stats.requests_total = edge.requestsTotal;
  stats.failed_total = edge.failedTotal;
  twin.upsertRelation(edge.from.id, edge.to.id, edge.type, stats);
}

function writeCallee(twin: Twin, id: string, callee: CalleeWindow, seconds: number, t: number): void {
  twin.recordSignal(id, 'service.requests_per_second', RATE, KIND, t, callee.requests / seconds);
  twin.recordSignal(id, 'service.failed_per_second', RATE, KIND, t, callee.failed / seconds);
  if (callee.requests > 0) twin.recordSignal(id, 'service.error_ratio', '1', KIND, t, callee.failed / callee.requests);
  const p = callee.latency.percentiles();
  if (!p) return;
  twin.recordSignal(id, 'service.latency_p50_seconds', 's', KIND, t, p.p50);
  twin.recordSignal(id, 'service.latency_p95_seconds', 's', KIND, t, p.p95);
  twin.recordSignal(id, 'service.latency_p99_seconds', 's', KIND, t, p.p99);
}

function addPercentiles(stats: Record<string, number>, prefix: string, p: Percentiles | undefined): void {
  if (!p) return;
  stats[`${prefix}_p50_seconds`] = p.p50;
  stats[`${prefix}_p95_seconds`] = p.p95;
  stats[`${prefix}_p99_seconds`] = p.p99;
}

function unitOf(stat: string): string {
  if (stat.endsWith('_seconds')) return 's';
  return stat === 'error_ratio' ? '1' : RATE;
}

function resetWindow(edge: Edge): void {
  edge.requests = 0;
  edge.failed = 0;
  edge.client.reset();
  edge.server.reset();
  edge.delay?.reset();
}
