import type { HealthStatus } from '../live';

/**
 * Error-ratio thresholds: below 1 % of requests failing is ok, below 5 % degraded, failing from
 * 5 % on. They follow common availability objectives (99 % is a typical floor for a service; a
 * twentieth of requests failing is an outage for its users). The API's topology health uses them too.
 */
export const ERROR_RATIO_DEGRADED = 0.01;
export const ERROR_RATIO_FAILING = 0.05;

/** The hw.state values of the OpenTelemetry hardware conventions, mapped to our statuses. */
export const HW_STATE_STATUSES: Readonly<Record<string, HealthStatus>> = {
  ok: 'ok',
  degraded: 'degraded',
  predicted_failure: 'degraded',
  needs_cleaning: 'degraded',
  failed: 'failing',
};

/** The state a `hw.status{hw.state="<state>"}` signal name stands for; undefined for other signals. */
export function hwStateOf(signalName: string): string | undefined {
  return HW_STATUS_SIGNAL.exec(signalName)?.[1];
}

const HW_STATUS_SIGNAL = /^hw\.status\{(?:.*,)?hw\.state="([^"\\]*)"/;

/** The score a reason of each status stands for: 1 is well, 0 is worst. */
export const STATUS_SCORES: Readonly<Record<HealthStatus, number>> = { ok: 1, degraded: 0.5, failing: 0, unknown: 1 };

/** How health weighs what it reads; every field has a default (defaultHealthOptions). */
export interface HealthOptions {
  /** A flagged anomaly counts while its bucket is at most this old. */
  recentAnomalyMs: number;
  /** Traffic statistics and hw.status points older than this say nothing any more. */
  statsMaxAgeMs: number;
  /** A threshold crossing forecast at most this far ahead makes the entity failing, not degraded. */
  thresholdFailingMs: number;
  /** How much of a child's shortfall (1 - score) its parent takes on. */
  childDamping: number;
  /** How much of a callee's shortfall its caller takes on. */
  dependencyDamping: number;
  /** Reasons kept per entity, worst first. */
  maxReasons: number;
}

export function defaultHealthOptions(): HealthOptions {
  return {
    // A few minutes: long enough to be seen on a dashboard refresh, short enough that an
    // incident that has passed stops colouring the graph.
    recentAnomalyMs: 5 * 60_000,
    // Two metric export intervals at the SDKs' default of 60 s, as api.topology_stats_max_age_seconds.
    statsMaxAgeMs: 120_000,
    // A quarter of an hour is about what an operator needs to act on a cooling or capacity problem.
    thresholdFailingMs: 15 * 60_000,
    // Halving per level: a failed part shows at every level above it, ever fainter, so one
    // server cannot paint a site red while its status still says "something below is wrong".
    childDamping: 0.5,
    dependencyDamping: 0.5,
    maxReasons: 10,
  };
}
