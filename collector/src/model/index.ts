/** The twin model: entity, relation and signal types, the interfaces the other areas share, and the in-memory graph store. */
export { LEVELS, RELATION_TYPES } from './types';
export type {
  Level,
  RelationType,
  EntityAttributes,
  SignalPoint,
  SignalSummary,
  EntityEvent,
  EventSummary,
  Entity,
  Relation,
  EntityDetail,
  EntityFilter,
  SignalQuery,
  SignalSeries,
  Topology,
  SignalState,
  EventState,
  TwinState,
  TwinDelta,
  TwinChange,
  TwinStats,
  TwinReader,
  ServiceGraphStats,
  EntityInput,
  TwinWriter,
  TwinPersistence,
  Twin,
} from './types';
export { InMemoryMetricsRegistry } from './metrics-registry';
export type { Labels, Counter, Gauge, Histogram, BoundHistogram, MetricsRegistry } from './metrics-registry';
export { createTwin } from './twin';
export type { Clock, TwinSettings } from './twin';
export {
  twinLimitsConfigSchema,
  twinHistoryConfigSchema,
  defaultTwinModelConfig,
  validateTwinModelConfig,
} from './config';
export type { TwinLimitsConfig, TwinHistoryConfig, TwinModelConfig } from './config';
export { SEVERITIES, severityOf, isWarnOrWorse } from './severity';
export type { Severity } from './severity';
export type { LogFields, Logger, AuthScope, AuthDecision, Authorize } from './services';
export { componentRole } from './component-role';
export type { ComponentRole } from './component-role';
