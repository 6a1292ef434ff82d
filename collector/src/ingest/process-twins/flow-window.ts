import { explicitBuckets, quantile } from '../histogram-math';
import type { TraceAnalysis } from './critical-path';

/**
 * Upper bounds (seconds) of the flow latency histogram: the OpenTelemetry SDK's default bounds
 * from 5 ms to 10 s, plus 30 s and 60 s for slow business flows. Quantiles interpolate within a
 * bucket, narrowed by the window's min and max.
 */
export const LATENCY_BOUNDS_SECONDS: readonly number[] = [
  0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1, 2.5, 5, 7.5, 10, 30, 60,
];

/** One flow's traces within one window. */
export interface FlowWindow {
  requests: number;
  errors: number;
  /** Histogram counts over LATENCY_BOUNDS_SECONDS (one more for the overflow bucket). */
  counts: number[];
  minSeconds: number;
  maxSeconds: number;
  /** Sums over the window's traces, by service id: critical path seconds and share of the duration. */
  services: Map<string, { seconds: number; share: number }>;
}

export interface ServiceShare {
  serviceId: string;
  /** Average over the window's traces of the flow (0 for a trace the service is not on the path of). */
  criticalPathShare: number;
  criticalPathSeconds: number;
}

export interface FlowSummary {
  requests: number;
  requestsPerSecond: number;
  errorRatio: number;
  latencyP50Seconds: number | undefined;
  latencyP95Seconds: number | undefined;
  latencyP99Seconds: number | undefined;
  services: ServiceShare[];
}

export function newFlowWindow(): FlowWindow {
  return {
    requests: 0,
    errors: 0,
    counts: new Array<number>(LATENCY_BOUNDS_SECONDS.length + 1).fill(0),
    minSeconds: Infinity,
    maxSeconds: -Infinity,
    services: new Map(),
  };
}

/** Bucket i holds (bounds[i-1], bounds[i]]; the last one everything above the last bound. */
function bucketOf(seconds: number): number {
  let i = 0;
  while (i < LATENCY_BOUNDS_SECONDS.length && seconds > LATENCY_BOUNDS_SECONDS[i]) i++;
  return i;
}

export function addTrace(window: FlowWindow, trace: TraceAnalysis): void {
  const duration = trace.durationSeconds;
  window.requests++;
  if (trace.error) window.errors++;
  window.counts[bucketOf(duration)]++;
  window.minSeconds = Math.min(window.minSeconds, duration);
  window.maxSeconds = Math.max(window.maxSeconds, duration);
  for (const serviceId of trace.services) {
    const seconds = trace.criticalPathSeconds.get(serviceId) ?? 0;
    const sums = window.services.get(serviceId) ?? { seconds: 0, share: 0 };
    sums.seconds += seconds;
    sums.share += duration > 0 ? seconds / duration : 0;
    window.services.set(serviceId, sums);
  }
}

/** Rates over `elapsedSeconds`, the error ratio, p50/p95/p99 and the average critical path per service. */
export function summariseFlow(window: FlowWindow, elapsedSeconds: number): FlowSummary {
  const { requests } = window;
  const buckets = explicitBuckets(LATENCY_BOUNDS_SECONDS, window.counts, window.minSeconds, window.maxSeconds);
  const q = (p: number) => quantile(buckets, p, window.minSeconds, window.maxSeconds);
  const services: ServiceShare[] = [];
  for (const [serviceId, sums] of window.services) {
    services.push({
      serviceId,
      criticalPathShare: requests > 0 ? sums.share / requests : 0,
      criticalPathSeconds: requests > 0 ? sums.seconds / requests : 0,
    });
  }
  return {
    requests,
    requestsPerSecond: elapsedSeconds > 0 ? requests / elapsedSeconds : 0,
    errorRatio: requests > 0 ? window.errors / requests : 0,
    latencyP50Seconds: q(0.5),
    latencyP95Seconds: q(0.95),
    latencyP99Seconds: q(0.99),
    services,
  };
}
