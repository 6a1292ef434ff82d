/** The typed client of the collector's API through Grafana's data proxy, its errors and response types. */
export { createTwinClient } from './twin-client';
export type { CallOptions, EntityListParams, Params, TimeRangeParams, TopologyParams, TwinClient } from './twin-client';
export { TwinApiError, toTwinError } from './twin-error';
export type { TwinErrorKind } from './twin-error';
export type {
  AnomalyEvent,
  ApiEntity,
  ApiEvent,
  ApiPoint,
  AuditRecord,
  CollectorStatus,
  EntityDetail,
  EntityList,
  EntityLogEvent,
  Forecast,
  HealthStatus,
  Items,
  Kpis,
  MovedSignal,
  PredictedSeries,
  PredictedViolation,
  RootCauseCandidate,
  SavedScenario,
  Scalar,
  SignalSeries,
  SignalSummary,
  SimulationJob,
  SimulationResult,
  ThresholdCrossing,
  Topology,
  TopologyEdge,
  TopologyNode,
} from './api-types';
