/** The microservice shop simulation: catalog, load, queueing and a deterministic step with faults and actuators. */
export { defaultShopCatalog, findOperation } from './catalog';
export type { Call, DependencyCall, DependencyName, DependencySpec, HttpCall, OperationSpec, PublishCall, ServiceName, ServiceSpec, ShopCatalog } from './catalog';
export { baseRate, createLoadModel, dailyShape, defaultLoadConfig, localTime } from './load';
export type { LoadConfig, LoadModel } from './load';
export { chooseHost, defaultShopHosts, placeInstances, planMove } from './placement';
export type { Placement, ShopHost } from './placement';
export { erlangC, overflowFraction, queueState, sampleWait } from './queueing';
export type { QueueState } from './queueing';
export { ENTRY_SERVICE, createShop, defaultShopConfig } from './shop';
export type { Shop } from './shop';
export type {
  ActiveFault, DependencyStep, HostLoad, InstanceStep, LatencySample, OperationStep, ShopConfig, ShopEvent, ShopStep, ShopWorld, SpanKindName, SpanPlan, TracePlan,
} from './shop-types';
