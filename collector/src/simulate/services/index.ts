/** The service graph as queues: calibration from the twin's telemetry and a steady-state solver for what-if scenarios. */
export { erlangC, mmcMeanWaitSeconds, queueStretch } from './erlang-c';
export { calibrateServices } from './calibrate-services';
export { solveServices } from './solve-services';
export { MAX_UTILIZATION } from './compiled-model';
export type {
  FitQuality,
  ServiceInstancePhysics,
  ServicePhysics,
  ServiceGraphPhysics,
  ServiceInputs,
  ServiceState,
  SolvedServices,
} from './service-types';
