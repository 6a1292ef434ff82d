import type { EventSummary } from '../model';

/** One collector's share of something several collectors observe. */
export interface StatsContribution {
  collectorId: string;
  stats: Record<string, number>;
  /** When that collector last wrote it, milliseconds since the epoch (its clock). */
  updatedMs: number;
}

/** How many of the latest WARN-or-worse events a merged summary keeps. */
export const MAX_MERGED_EVENTS = 20;

const RATE_SUFFIX = '_per_second';
const TOTAL_SUFFIX = '_total';

/**
 * The stats of one relation seen by several collectors, each seeing part of the traffic (spans
 * are routed by trace id). Rates add up, but only from collectors heard from within
 * `staleAfterMs`: a dead collector's last rates would otherwise stay on the edge forever.
 * Totals add up from all (they counted what they saw). `error_ratio` is recomputed from the
 * merged rates. Anything else (latency percentiles) is the mean weighted by each collector's
 * fresh request rate, a plain mean when no collector has traffic.
 */
export function mergeRelationStats(contributions: StatsContribution[], nowMs: number, staleAfterMs: number): Record<string, number> {
  const merged: Record<string, number> = {};
  const fresh = contributions.map((c) => nowMs - c.updatedMs < staleAfterMs);
  const weights = contributions.map((c, i) => (fresh[i] ? (c.stats.requests_per_second ?? 0) : 0));
  const averaged = new Map<string, { weighted: number; weight: number; plain: number; count: number }>();
  let hasErrors = false;
  contributions.forEach((c, i) => {
    for (const [key, value] of Object.entries(c.stats)) {
      if (key === 'error_ratio') {
        hasErrors = true;
      } else if (key.endsWith(RATE_SUFFIX)) {
        merged[key] = (merged[key] ?? 0) + (fresh[i] ? value : 0);
        if (key === 'failed_per_second') hasErrors = true;
      } else if (key.endsWith(TOTAL_SUFFIX)) {
        merged[key] = (merged[key] ?? 0) + value;
      } else {
        const acc = averaged.get(key) ?? { weighted: 0, weight: 0, plain: 0, count: 0 };
        acc.weighted += value * weights[i];
        acc.weight += weights[i];
        acc.plain += value;
        acc.count += 1;
        averaged.set(key, acc);
      }
    }
  });
  for (const [key, acc] of averaged) merged[key] = acc.weight > 0 ? acc.weighted / acc.weight : acc.plain / acc.count;
  const requests = merged.requests_per_second ?? 0;
  if (hasErrors && requests > 0) merged.error_ratio = (merged.failed_per_second ?? 0) / requests;
  return merged;
}

/** Partial rates and counts of the same thing add up across collectors; levels (gauges) do not. */
export function isSummedSignal(unit: string, kind: string): boolean {
  return unit.endsWith('/s') || kind === 'count';
}

/** The value of one bucket from each collector's value: the sum or the mean (see isSummedSignal). */
export function mergePointValues(values: number[], summed: boolean): number {
  if (values.length === 0) return 0;
  const sum = values.reduce((a, b) => a + b, 0);
  return summed ? sum : sum / values.length;
}

/** Each collector counted the log records it received: counts add up, latest errors interleave. */
export function mergeEventSummaries(summaries: EventSummary[]): EventSummary {
  const countsBySeverity: Record<string, number> = {};
  for (const summary of summaries) {
    for (const [severity, count] of Object.entries(summary.countsBySeverity)) {
      countsBySeverity[severity] = (countsBySeverity[severity] ?? 0) + count;
    }
  }
  // A stable sort keeps each collector's own order among events of the same millisecond.
  const latestErrors = summaries
    .flatMap((s) => s.latestErrors)
    .sort((a, b) => b.t - a.t)
    .slice(0, MAX_MERGED_EVENTS);
  return { countsBySeverity, latestErrors };
}
