import type { TwinReader } from '../../model';
import { signalsNamed, windowMean, windowPoints } from './signal-window';
import type { Window } from './signal-window';
import type { SignalPoint } from '../../model';

/**
 * What the instances' HTTP server histograms say over the window: request rate (all routes and
 * status codes), rate-weighted mean and p95 latency, error share (status ≥ 500) and the rate
 * per history bucket (for the CPU fit). These are complete counts, unlike the span-derived
 * service signals, which only see the traces that were sampled.
 */
export interface InstanceObservation {
  requestsPerSecond: number;
  /** Rate in the last tenth of the window: 0 for an instance that stopped serving. */
  recentRequestsPerSecond: number;
  latencyMeanSeconds: number | undefined;
  latencyP95Seconds: number | undefined;
  errorRatio: number | undefined;
  rateSeries: SignalPoint[];
}

const SERVER = 'http.server.request.duration';

export function observeInstance(twin: TwinReader, id: string, window: Window): InstanceObservation {
  const recent = { from: window.to - (window.to - window.from) / 10, to: window.to };
  let rate = 0;
  let recentRate = 0;
  let latencyWeighted = 0;
  let p95Weighted = 0;
  let weight = 0;
  let failed = 0;
  const byTime = new Map<number, number>();
  for (const { name, labels } of signalsNamed(twin, id, `${SERVER}.count.rate`)) {
    const points = windowPoints(twin, id, name, window);
    if (points.length === 0) continue;
    const r = points.reduce((s, p) => s + p.v, 0) / points.length;
    for (const p of points) byTime.set(p.t, (byTime.get(p.t) ?? 0) + p.v);
    rate += r;
    recentRate += windowMean(twin, id, name, recent) ?? 0;
    if (Number(labels['http.response.status_code']) >= 500) failed += r;
    const suffix = name.slice(`${SERVER}.count.rate`.length);
    const mean = windowMean(twin, id, `${SERVER}.mean${suffix}`, window);
    const p95 = windowMean(twin, id, `${SERVER}.p95${suffix}`, window);
    if (mean !== undefined && r > 0) {
      latencyWeighted += r * mean;
      p95Weighted += r * (p95 ?? mean);
      weight += r;
    }
  }
  return {
    requestsPerSecond: rate,
    recentRequestsPerSecond: recentRate,
    latencyMeanSeconds: weight > 0 ? latencyWeighted / weight : undefined,
    latencyP95Seconds: weight > 0 ? p95Weighted / weight : undefined,
    errorRatio: rate > 0 ? failed / rate : undefined,
    rateSeries: [...byTime].sort((a, b) => a[0] - b[0]).map(([t, v]) => ({ t, v })),
  };
}

/** The span-derived signals of a service (or virtual node) over the window. */
export interface SpanObservation {
  requestsPerSecond: number | undefined;
  latencyP50Seconds: number | undefined;
  latencyP95Seconds: number | undefined;
  errorRatio: number | undefined;
}

export function observeSpans(twin: TwinReader, id: string, window: Window): SpanObservation {
  return {
    requestsPerSecond: windowMean(twin, id, 'service.requests_per_second', window),
    latencyP50Seconds: windowMean(twin, id, 'service.latency_p50_seconds', window),
    latencyP95Seconds: windowMean(twin, id, 'service.latency_p95_seconds', window),
    errorRatio: windowMean(twin, id, 'service.error_ratio', window),
  };
}
