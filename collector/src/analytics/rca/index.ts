/** Root-cause analysis over a dependency graph: ranked candidate causes of a symptom with their evidence, and lagged correlation between signals. */
export { rankRootCauses, defaultRcaOptions } from './rank-root-causes';
export { correlatedSignals } from './correlated-signals';
export { createDependencyGraph } from './dependency-graph';
export type { DependencyGraph } from './dependency-graph';
export type { CorrelationCandidate, CorrelatedSignal, CorrelationOptions } from './correlated-signals';
export { rankTwinRootCauses, twinCorrelations, twinDependencies } from './twin-root-causes';
export type { TwinRcaQuery, TwinCorrelationQuery } from './twin-root-causes';
export type { DependencyEdge, MetricSeries, NodeSignals, Symptom, RcaOptions, RcaInput, MovedSignal, RankedCause } from './types';
