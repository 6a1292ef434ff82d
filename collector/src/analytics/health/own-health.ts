import type { SignalSummary } from '../../model';
import type { HealthReason, HealthStatus, SignalAnalysis } from '../live';
import { ERROR_RATIO_DEGRADED, ERROR_RATIO_FAILING, HW_STATE_STATUSES, STATUS_SCORES, hwStateOf } from './health-rules';
import type { HealthOptions } from './health-rules';

/** A reason with the weight it carries: its status and its score (1 well, 0 worst). */
export interface GradedReason {
  reason: HealthReason;
  status: HealthStatus;
  score: number;
}

/** What an entity tells about itself: its reasons, and whether anything told at all. */
export interface OwnHealth {
  reasons: GradedReason[];
  /** False when nothing was read: no analysed signal, no recent traffic, no recent hw.status. */
  evidence: boolean;
}

interface EntityView {
  type: string;
  level: string;
  signals: SignalSummary[];
}

/** The entity's own reasons: recent anomalies, forecast threshold crossings, error ratio, hw.status. */
export function ownHealth(entity: EntityView, analyses: SignalAnalysis[], nowMs: number, options: HealthOptions): OwnHealth {
  const reasons: GradedReason[] = [];
  const recent = (t: number) => t >= nowMs - options.statsMaxAgeMs;
  const latest = new Map<string, SignalSummary>();
  for (const signal of entity.signals) latest.set(signal.name, signal);

  for (const analysis of analyses) {
    const anomaly = analysis.anomaly;
    if (anomaly?.flag && anomaly.t >= nowMs - options.recentAnomalyMs) {
      const reason = { kind: 'anomaly' as const, message: `${analysis.signal} anomalous (score ${anomaly.score.toFixed(2)})`, signal: analysis.signal };
      reasons.push({ reason, status: 'degraded', score: 1 - 0.5 * anomaly.score });
    }
    const at = analysis.threshold?.at;
    if (analysis.threshold && at !== undefined) {
      const ahead = at - nowMs;
      const status: HealthStatus = ahead <= options.thresholdFailingMs ? 'failing' : 'degraded';
      const { direction, limit } = analysis.threshold;
      const verb = direction === 'above' ? 'rise above' : 'fall below';
      const unit = unitSuffix(latest.get(analysis.signal)?.unit ?? '');
      const minutes = Math.max(0, Math.round(ahead / 60_000));
      const message = `${analysis.signal} forecast to ${verb} ${limit}${unit} in ${minutes} min`;
      reasons.push({ reason: { kind: 'threshold', message, signal: analysis.signal }, status, score: STATUS_SCORES[status] });
    }
  }

  const traffic = errorRatio(entity, latest, recent);
  if (traffic !== undefined && traffic.ratio >= ERROR_RATIO_DEGRADED) {
    const status: HealthStatus = traffic.ratio >= ERROR_RATIO_FAILING ? 'failing' : 'degraded';
    const bound = status === 'failing' ? `failing from ${percent(ERROR_RATIO_FAILING)}` : `degraded from ${percent(ERROR_RATIO_DEGRADED)}`;
    const message = `error ratio ${percent(traffic.ratio)} (${bound})`;
    reasons.push({ reason: { kind: 'error_ratio', message, signal: traffic.signal }, status, score: STATUS_SCORES[status] });
  }

  let hwSeen = false;
  for (const signal of entity.signals) {
    const state = hwStateOf(signal.name);
    if (state === undefined || !signal.latest || !recent(signal.latest.t)) continue;
    hwSeen = true;
    const status = HW_STATE_STATUSES[state];
    if (status === undefined || status === 'ok' || !(signal.latest.v >= 0.5)) continue;
    reasons.push({ reason: { kind: 'hw_status', message: `hw.status ${state}`, signal: signal.name }, status, score: STATUS_SCORES[status] });
  }
  return { reasons, evidence: analyses.length > 0 || traffic !== undefined || hwSeen };
}

/** The recent error ratio of a service (service.*) or flow (flow.*) with traffic; undefined without. */
function errorRatio(entity: EntityView, latest: Map<string, SignalSummary>, recent: (t: number) => boolean) {
  const prefix = entity.type === 'flow' || entity.level === 'process' ? 'flow' : 'service';
  const rate = latest.get(`${prefix}.requests_per_second`)?.latest;
  const signal = `${prefix}.error_ratio`;
  const ratio = latest.get(signal)?.latest;
  if (!rate || !ratio || !recent(rate.t) || !recent(ratio.t) || !(rate.v > 0) || !Number.isFinite(ratio.v)) return undefined;
  return { ratio: ratio.v, signal };
}

function percent(ratio: number): string {
  return `${Number((ratio * 100).toFixed(1))} %`;
}

// UCUM units as the SDKs write them, shown as a person reads them.
function unitSuffix(unit: string): string {
  if (unit === '' || unit === '1') return '';
  if (unit === 'Cel') return ' °C';
  return ` ${unit}`;
}
