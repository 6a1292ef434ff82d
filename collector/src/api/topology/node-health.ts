// The thresholds are analytics' (health's error ratio and hw.state rules), so both healths agree.
import { ERROR_RATIO_DEGRADED, ERROR_RATIO_FAILING, HW_STATE_STATUSES, STATUS_SCORES, hwStateOf } from '../../analytics';
import type { EntityHealth, HealthStatus } from '../../analytics';
import type { TwinReader } from '../../model';
import type { ViewNode } from './build-view';
import { nodeSignalAt } from './signal-values';
import type { StatsMoment } from './signal-values';

/** `score` is 1 when all is well and 0 at worst; absent when nothing tells. */
export interface NodeHealth {
  status: HealthStatus;
  score?: number;
}

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

/**
 * Health from hardware status: the `hw.status{hw.state="<state>"}` signals whose value is 1 at
 * the moment say which states the component is in; the worst wins. Unknown without any.
 */
export function hardwareHealth(twin: TwinReader, node: ViewNode, moment: StatsMoment): NodeHealth {
  let worst: NodeHealth = { status: 'unknown' };
  for (const signal of node.signals) {
    const state = hwStateOf(signal.name);
    const status = state === undefined ? undefined : HW_STATE_STATUSES[state];
    if (!status || !((nodeSignalAt(twin, node, signal.name, moment) ?? 0) >= 0.5)) continue;
    const score = STATUS_SCORES[status];
    if (worst.score === undefined || score < worst.score) worst = { status, score };
  }
  return worst;
}

/** A node's health from live analytics' entity health: its status and score (reasons stay with the entity). */
export function analyticsHealth(health: EntityHealth): NodeHealth {
  return { status: health.status, score: health.score };
}
