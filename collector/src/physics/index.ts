/** Data-center physics: calibrated from the twin's telemetry (power, heat, air), and the dynamics the what-if simulation steps. */
export { initialDataCenterState, stepDataCenter, createDataCenterRun, pue, MAX_SUBSTEP_SECONDS } from './step-data-center';
export type { DataCenterRun } from './step-data-center';
export { calibrateDataCenter } from './calibrate-data-center';
export { createCalibrator } from './calibrator';
export { moveServer } from './move-server';
export { syntheticDataCenterPhysics } from './synthetic-data-center';
export { priorRecirculation, rackDistance } from './recirculation-prior';
export type { Calibrator, CalibratorSettings, CalibratorTimers } from './calibrator';
export type { SyntheticDataCenterOptions } from './synthetic-data-center';
export type { RackPlace } from './recirculation-prior';
export type {
  FitQuality,
  ServerPhysics,
  CracPhysics,
  RoomPhysics,
  RackPhysics,
  PduPhysics,
  DataCenterPhysics,
  CracControl,
  DataCenterInputs,
  DataCenterEnergy,
  DataCenterState,
} from './types';
