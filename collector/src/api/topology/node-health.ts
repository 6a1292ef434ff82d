import type { TwinReader } from '../../model';
import type { ViewNode } from './build-view';
import { nodeSignalAt } from './signal-values';
import type { StatsMoment } from './signal-values';

export const HEALTH_STATUSES = ['ok', 'degraded', 'failing', 'unknown'] as const;
export type HealthStatus = (typeof HEALTH_STATUSES)[number];

/** `score` is 1 when all is well and 0 at worst; absent when nothing tells. */
export interface NodeHealth {
  status: HealthStatus;
  score?: number;
}

/**
 * Error-ratio thresholds: below 1 % of requests failing is ok, below 5 % degraded, failing from
 * 5 % on. They follow common availability objectives (99 % is a typical floor for a service; a
 * twentieth of requests failing is an outage for its users).
 */
export const ERROR_RATIO_DEGRADED = 0.01;
export const ERROR_RATIO_FAILING = 0.05;

/** Health from traffic: the status by the thresholds, the score the share of requests that succeed. */
export function trafficHealth(stats: Record<string, number>): NodeHealth {
  const rate = stats.requests_per_second;
  const ratio = stats.error_ratio;
  if (!(rate > 0) || !Number.isFinite(ratio)) return { status: 'unknown' };
  const score = Math.min(1, Math.max(0, 1 - ratio));
  if (ratio < ERROR_RATIO_DEGRADED) return { status: 'ok', score };
  if (ratio < ERROR_RATIO_FAILING) return { status: 'degraded', score };
  return { status: 'failing', score };
}

// The hw.state values of the OpenTelemetry hardware conventions, mapped to our statuses.
const HW_STATES: Record<string, NodeHealth> = {
  ok: { status: 'ok', score: 1 },
  degraded: { status: 'degraded', score: 0.5 },
  predicted_failure: { status: 'degraded', score: 0.5 },
  needs_cleaning: { status: 'degraded', score: 0.5 },
  failed: { status: 'failing', score: 0 },
};

const HW_STATUS = /^hw\.status\{(?:.*,)?hw\.state="([^"\\]*)"/;

/**
 * Health from hardware status: the `hw.status{hw.state="<state>"}` signals whose value is 1 at
 * the moment say which states the component is in; the worst wins. Unknown without any.
 */
export function hardwareHealth(twin: TwinReader, node: ViewNode, moment: StatsMoment): NodeHealth {
  let worst: NodeHealth = { status: 'unknown' };
  for (const signal of node.signals) {
    const state = HW_STATUS.exec(signal.name)?.[1];
    const health = state === undefined ? undefined : HW_STATES[state];
    if (!health || !((nodeSignalAt(twin, node, signal.name, moment) ?? 0) >= 0.5)) continue;
    if (worst.score === undefined || (health.score as number) < worst.score) worst = health;
  }
  return { ...worst };
}
