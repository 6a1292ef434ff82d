import { bool, int, list, num, obj, oneOf, str } from '../../config';
import type { ValueOf } from '../../config';

const thresholdSchema = obj({
  signals: str('', 'glob on signal names (`*` any characters)'),
  entities: str('*', 'glob on entity ids, e.g. `hw:*-inlet` for inlet temperature sensors'),
  limit: num(0, 'the limit, in the signal’s unit', { min: -Number.MAX_VALUE }),
  direction: oneOf(['above', 'below'] as const, 'above', 'which side of the limit is trouble'),
});

/**
 * Signals analysed by default: what tells of trouble coming in infrastructure and services —
 * temperatures, power and cooling, CPU, memory and disk use, request rates, error ratios and
 * tail latency of services, flows and service-graph edges. Left out: totals and counts (their
 * rates are analysed), p50 and p99 (they move with p95), and everything else, to keep the cost
 * (a detector and a forecast per signal) on what alerts are written for.
 */
const DEFAULT_SIGNALS = [
  'hw.temperature*',
  'hw.host.power*',
  'hw.power*',
  'hw.fan.speed_ratio*',
  'system.cpu.utilization*',
  'system.memory.utilization*',
  'system.filesystem.utilization*',
  'service.requests_per_second*',
  'service.error_ratio*',
  'service.latency_p95_seconds*',
  'edge.requests_per_second*',
  'edge.error_ratio*',
  'flow.*',
];

/** The `analytics.live` section: anomaly detection and forecasts kept current for the twin's signals. */
export const liveAnalyticsConfigSchema = obj({
  enabled: bool(true, 'run anomaly detection, forecasts and health on the twin’s signals'),
  interval_seconds: int(10, 'how often new closed history buckets are fed to the detectors and forecasts', { min: 1 }),
  signals: list(str('', 'glob'), DEFAULT_SIGNALS, 'globs on signal names (`*` any characters): the signals analysed'),
  max_signals: int(20_000, 'signals analysed at most; new ones beyond this are skipped (twinops_live_signals_skipped_total)', {
    min: 1,
  }),
  max_anomaly_events: int(10_000, 'flagged points kept for GET /api/v1/anomalies; the oldest go first', { min: 1 }),
  max_exported_series: int(50_000, 'series of twinops_anomaly_score, _forecast_* and _entity_health at /metrics, at most', {
    min: 1,
  }),
  export_horizons_seconds: list(int(0, 'seconds', { min: 1 }), [900, 1800, 3600], 'horizons exported as twinops_forecast_value{horizon}'),
  anomaly: obj({
    warmup_points: int(400, 'points a detector only learns from (scores 0) before it judges: 400 buckets of 10 s is 67 min', {
      min: 0,
    }),
    flag_level: num(0.5, 'score at or above which a point is flagged and logged (0.5 is a tail probability of 1e-5)', {
      max: 1,
    }),
  }),
  forecast: obj({
    step_seconds: int(60, 'forecasts work on the mean of the history buckets in each step of this width', { min: 1 }),
    min_history_points: int(30, 'steps needed before the first forecast', { min: 2 }),
    max_history_points: int(
      1440,
      'steps kept per signal (a day of 1-minute steps: hourly cycles are learned; a daily cycle needs two\ndays, 2880, at about 16 bytes per step and signal)',
      { min: 2 },
    ),
    refit_every_steps: int(60, 'models are refitted after this many new steps (updated in O(1) per step between refits)', {
      min: 1,
    }),
    max_refits_per_tick: int(20, 'refits done per tick at most (30 to 90 ms each); the rest wait their turn, oldest first', {
      min: 1,
    }),
    threshold_horizon_seconds: int(3600, 'how far ahead threshold crossings are looked for', { min: 1 }),
    level: num(0.9, 'coverage of the prediction interval', { min: 0.5, max: 0.99 }),
  }),
  thresholds: list(
    thresholdSchema,
    [
      // ASHRAE's recommended inlet range for data-centre equipment ends at 27 °C.
      { signals: 'hw.temperature*', entities: 'hw:*-inlet', limit: 27, direction: 'above' as const },
      { signals: 'system.cpu.utilization*', entities: '*', limit: 0.9, direction: 'above' as const },
      { signals: 'system.memory.utilization*', entities: '*', limit: 0.9, direction: 'above' as const },
    ],
    'limits whose crossing is forecast; the first rule matching a signal applies',
  ),
});

export type LiveAnalyticsConfig = ValueOf<typeof liveAnalyticsConfigSchema>;
export type ThresholdRule = ValueOf<typeof thresholdSchema>;

export function defaultLiveAnalyticsConfig(): LiveAnalyticsConfig {
  return structuredClone(liveAnalyticsConfigSchema.defaultValue);
}

/** Rules across fields; `path` is where the section sits (normally `analytics.live`). */
export function validateLiveAnalyticsConfig(config: LiveAnalyticsConfig, path: string): string[] {
  const errors: string[] = [];
  const { minHistoryPoints, maxHistoryPoints } = config.forecast;
  if (maxHistoryPoints < minHistoryPoints) {
    errors.push(`${path}.forecast.max_history_points: must be at least min_history_points (${minHistoryPoints}), got ${maxHistoryPoints}`);
  }
  config.signals.forEach((glob, i) => {
    if (glob === '') errors.push(`${path}.signals[${i}]: must not be empty, got ""`);
  });
  config.thresholds.forEach((rule, i) => {
    if (rule.signals === '') errors.push(`${path}.thresholds[${i}].signals: must not be empty, got ""`);
  });
  const maxHorizon = maxHistoryPoints * config.forecast.stepSeconds;
  config.exportHorizonsSeconds.forEach((h, i) => {
    if (h > maxHorizon) {
      errors.push(`${path}.export_horizons_seconds[${i}]: must be at most max_history_points x step_seconds (${maxHorizon}), got ${h}`);
    }
  });
  return errors;
}
