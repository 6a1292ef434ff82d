/** The twin model: entity, relation and signal types, and the interfaces the other areas share. */
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
  TwinChange,
  TwinStats,
  TwinReader,
} from './types';
export { InMemoryMetricsRegistry } from './metrics-registry';
export type { Labels, Counter, Gauge, MetricsRegistry } from './metrics-registry';
