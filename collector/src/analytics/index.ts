/** Analytics on the twin's signals: forecasts with intervals and time to threshold, streaming anomaly scores, live analysis with entity health, history from Prometheus, and public-benchmark evaluations. */
export { forecast, timeToThreshold, createForecastState, detectSeasonalPeriods } from './forecast';
export type { Forecast, ForecastOptions, ForecastState, ForecastStateOptions, TimeToThreshold, ThresholdDirection } from './forecast';
export { createAnomalyDetector, defaultAnomalyDetectorOptions } from './anomaly';
export type { AnomalyDetector, AnomalyDetectorOptions, AnomalyResult } from './anomaly';
export { createLiveAnalytics, liveAnalyticsConfigSchema, defaultLiveAnalyticsConfig, validateLiveAnalyticsConfig, HEALTH_STATUSES } from './live';
export type {
  LiveAnalyticsEngine,
  LiveAnalyticsConfig,
  HealthStatus,
  AnomalyPoint,
  AnomalyEvent,
  AnomalyQuery,
  ForecastPoint,
  ThresholdCrossing,
  SignalForecast,
  SignalAnalysis,
  HealthReason,
  EntityHealth,
  SignalHistory,
  LiveAnalytics,
} from './live';
export { computeHealth, ERROR_RATIO_DEGRADED, ERROR_RATIO_FAILING, HW_STATE_STATUSES, STATUS_SCORES, hwStateOf } from './health';
export { prometheusHistoryConfigSchema, validatePrometheusHistoryConfig, readPrometheusHistory } from './history';
export type { PrometheusHistoryConfig } from './history';
export { rankRootCauses, correlatedSignals, rankTwinRootCauses, twinCorrelations } from './rca';
export type { RankedCause, RcaInput, MovedSignal, CorrelatedSignal } from './rca';
export { runM4Eval, M4_USAGE } from './eval/m4-eval';
export { runPetshopEval } from './eval/petshop-eval';
export { runNabEval } from './eval/nab-eval';
export type { EvalIo } from './eval/eval-io';
