/** The simulation runner: world and shop coupled on a simulated clock, the fault catalog, a real-time driver and the ground-truth JSONL writer. */
export {
  FAULT_CATALOG, FAULT_DEFAULTS, FAULT_NAMES, isFaultName, parseFaultSpec, parseSimulatedDuration, resolveFaultTarget, rootCauseOf,
} from './fault-catalog';
export type { FaultKind, FaultName, FaultSpec, TargetKind } from './fault-catalog';
export { MAX_INSTANCES_PER_SERVICE, createSimulation, defaultSimulationConfig } from './simulation';
export { MAX_LOAD_FACTOR, createCapacityActuators } from './capacity-actuators';
export type { CapacityActuators, CapacityContext } from './capacity-actuators';
export { serviceTruth, weightedQuantile } from './service-truth';
export type { ServiceTruth } from './service-truth';
export { isSimulationError, simulationError } from './simulation-types';
export type { Actuation, ActuationResult, FaultRecord, Simulation, SimulationConfig, SimulationError, SimulationTruth, StepResult } from './simulation-types';
export { createRealtimeDriver } from './realtime-driver';
export type { DriverTimers, RealtimeDriver, RealtimeDriverSettings } from './realtime-driver';
export { createTruthWriter, defaultTruthWriterConfig } from './truth-writer';
export type { TruthWriter, TruthWriterConfig, TruthWriterSettings } from './truth-writer';
