/** The data center's ground-truth physics: layout, inventory file, a pure `step`, faults, sensors and truth snapshots. */
export { SERVER_MODELS, createDataCenterLayout } from './layout';
export type { CracLayout, DataCenterLayout, HostLayout, PduLayout, RackLayout, RoomLayout, ServerModel } from './layout';
export { renderInventoryYaml } from './inventory';
export { addServersToLayout, addServersToWorld, freeRackPositions } from './add-servers';
export type { AddServersRequest } from './add-servers';
export { coldWorldState, createWorldModel, hostThrottleFactor, hostUp } from './world-state';
export type { CracState, HostState, RoomState, WorldModel, WorldState } from './world-state';
export { MAX_SUBSTEP_SECONDS, settle, stepWorld } from './physics';
export type { WorldInputs } from './physics';
export { activeFaults, applyWorldEvent } from './world-events';
export type { WorldEvent } from './world-events';
export { readSensors } from './sensors';
export type { SensorReadings } from './sensors';
export { worldTruth } from './truth';
export type { WorldTruth } from './truth';
export { loadCurve } from './server-power';
export { recirculationKelvin } from './thermal';
