/** Live analytics: per signal of the twin an anomaly detector and a forecast kept current as data arrives, with health and /metrics series. */
export { createLiveAnalytics } from './live-analytics';
export type { LiveAnalyticsEngine, LiveAnalyticsSettings, HealthFunction } from './live-analytics';
export { liveAnalyticsConfigSchema, defaultLiveAnalyticsConfig, validateLiveAnalyticsConfig } from './config';
export type { LiveAnalyticsConfig, ThresholdRule } from './config';
export { HEALTH_STATUSES } from './types';
export type {
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
} from './types';
