/** What-if simulation on the calibrated twin: scenarios, the service model, the engine, jobs, and the service the API uses. */
export { simulateConfigSchema } from './config';
export type { SimulateConfig } from './config';
export { createSimulationService, SimulationInputError } from './simulation-service';
export type { SimulationService, SimulationServiceSettings } from './simulation-service';
export { parseScenario } from './scenario';
export type { Scenario, ScenarioChange } from './scenario';
export { runSimulation } from './engine';
export type { SimulationContext, SimulationResult, PredictedSeries, PredictedViolation, Kpis } from './engine';
export type { SimulationJob } from './jobs';
