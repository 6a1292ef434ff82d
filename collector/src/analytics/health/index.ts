/** Entity health from live analytics: own reasons (anomalies, error ratio, hw.status, forecast thresholds) rolled up the hierarchy and along dependencies. */
export { computeHealth } from './compute-health';
export { ERROR_RATIO_DEGRADED, ERROR_RATIO_FAILING, HW_STATE_STATUSES, STATUS_SCORES, hwStateOf, defaultHealthOptions } from './health-rules';
export type { HealthOptions } from './health-rules';
