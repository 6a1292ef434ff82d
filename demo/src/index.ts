/** @twinops/demo: a simulated data center running a microservice shop, with ground-truth physics and load. */
export { createRandom } from './random';
export type { Random } from './random';
export {
  baseRate, createLoadModel, createShop, dailyShape, defaultLoadConfig, defaultShopCatalog, defaultShopConfig, defaultShopHosts, erlangC, placeInstances, queueState,
} from './shop';
export type {
  ActiveFault, DependencyName, HostLoad, InstanceStep, LoadConfig, ServiceName, Shop, ShopCatalog, ShopConfig, ShopEvent, ShopHost, ShopStep, ShopWorld, SpanKindName, SpanPlan, TracePlan,
} from './shop';
export {
  SERVER_MODELS,
  activeFaults,
  addServersToLayout,
  addServersToWorld,
  applyWorldEvent,
  coldWorldState,
  createDataCenterLayout,
  createWorldModel,
  hostThrottleFactor,
  hostUp,
  readSensors,
  renderInventoryYaml,
  settle,
  stepWorld,
  worldTruth,
} from './world';
export type { AddServersRequest, DataCenterLayout, SensorReadings, WorldEvent, WorldInputs, WorldModel, WorldState, WorldTruth } from './world';
export { MAX_LOAD_FACTOR, createSimulation, defaultSimulationConfig, isSimulationError } from './runner';
export type { Actuation, ActuationResult, ServiceTruth, Simulation, SimulationConfig, SimulationTruth, StepResult } from './runner';
export { startDemo, defaultDemoOptions } from './demo';
export type { DemoOptions, DemoLogger, RunningDemo } from './demo';
export { runDemoCommand, parseDemoArgs, demoBanner, DEMO_USAGE } from './demo-command';
