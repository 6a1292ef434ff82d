/** The what-if engine: a scenario compiled against the calibrated twin, run beside the baseline, with violations, KPIs, blast radius and Monte Carlo bands. */
export { runSimulation, percentiles, MAX_BAND_SERIES } from './run-simulation';
export type { SimulationContext, SimulationResult, PredictedSeries, PredictedViolation } from './run-simulation';
export { compileScenario, ScenarioTargetError } from './scenario-world';
export type { ScenarioWorld, StepInputs } from './scenario-world';
export { runOnce } from './run-once';
export type { Trajectory, SeriesMeta, RunOptions } from './run-once';
export { findViolations, violationRules, INLET_RECOMMENDED_MAX_CELSIUS, INLET_ALLOWABLE_MAX_CELSIUS, CPU_HIGH_UTILIZATION, DEFAULT_ERROR_RATIO_OBJECTIVE } from './violations';
export type { Violation, ViolationKind } from './violations';
export { computeKpis } from './kpis';
export type { Kpis } from './kpis';
export { spreadBreach } from './breach';
export type { BreachSpread } from './breach';
export { createSeededRandom } from './seeded-random';
export type { SeededRandom } from './seeded-random';
