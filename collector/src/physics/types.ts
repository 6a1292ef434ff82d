/**
 * The calibrated data-center physics (what the twin's telemetry says about power, heat and air)
 * and the state the simulation carries. Everything is plain JSON-friendly data: Records, arrays,
 * numbers and null (never NaN), so the API can send it as it is.
 */

/** How a parameter was obtained: fitted from `samples` points (r2 and rmse on them), or a prior. */
export interface FitQuality {
  samples: number;
  r2: number | null;
  rmse: number | null;
  source: 'fitted' | 'prior';
}

export interface ServerPhysics {
  id: string;
  rackId: string;
  roomId: string;
  cores: number;
  /** P = idle + (peak − idle)·u (+ powerOffsetWatts) while up. */
  idleWatts: number;
  peakWatts: number;
  powerFit: FitQuality;
  /** Lumped thermal mass of the inlet air: a first-order lag. */
  inletTauSeconds: number;
  inletFit: FitQuality;
  /** Rack id → K per W of that rack's power (the heat-distribution matrix row; racks of the same room only). */
  recirculation: Record<string, number>;
  /** Latest observed values. */
  utilization: number;
  powerWatts: number;
  inletCelsius: number;
  up: boolean;
  /** Observed minus modelled power at calibration time, kept so that the model starts where the meters are (0 when absent). */
  powerOffsetWatts?: number;
  /** What the server draws while down (BMC, PSU standby); 0 when absent. */
  standbyWatts?: number;
  /** Inlet = lag(room supply + Σ D·P + inletOffsetCelsius): the host's own bias (0 when absent). */
  inletOffsetCelsius?: number;
}

export interface CracPhysics {
  id: string;
  roomId: string;
  /** Heat it can remove at full fan speed. */
  capacityWatts: number;
  /** ρc_p · airflow at full fan speed (1200 J/(m³K) · m³/s). */
  airflowWattsPerKelvin: number;
  setpointCelsius: number;
  fanSpeedRatio: number;
  failed: boolean;
  /** Fan power at full speed; the fan draws fanPowerWatts · ratio³ (affinity laws). */
  fanPowerWatts: number;
  /** COP(supply) = copAtSetpoint + copPerKelvin · (supply − setpointCelsius), clamped to 1..15. */
  copAtSetpoint: number;
  copPerKelvin: number;
  powerFit: FitQuality;
  /** Latest observed values. */
  supplyCelsius: number;
  powerWatts: number;
  /** Observed minus modelled power at calibration time (0 when absent). */
  powerOffsetWatts?: number;
}

export interface RoomPhysics {
  id: string;
  /** C of the return-air volume: C dT/dt = P_IT − ΣQ − U (T − T_ambient). */
  thermalMassJoulesPerKelvin: number;
  envelopeWattsPerKelvin: number;
  ambientCelsius: number;
  /** Estimated from the energy balance (no return sensor). */
  returnCelsius: number;
  massFit: FitQuality;
  rackIds: string[];
  cracIds: string[];
}

export interface RackPhysics {
  id: string;
  roomId: string;
  pduIds: string[];
  cracIds: string[];
}

export interface PduPhysics {
  id: string;
  capacityWatts: number;
  rackIds: string[];
  powerWatts: number;
}

export interface DataCenterPhysics {
  /** Twin time (epoch ms) of the calibration. */
  at: number;
  servers: ServerPhysics[];
  racks: RackPhysics[];
  cracs: CracPhysics[];
  rooms: RoomPhysics[];
  pdus: PduPhysics[];
}

export interface CracControl {
  setpointCelsius: number;
  fanSpeedRatio: number;
  failed: boolean;
}

/** What drives a step; a server or CRAC left out keeps its calibrated (observed) value. */
export interface DataCenterInputs {
  utilization: Record<string, number>;
  up: Record<string, boolean>;
  cracs: Record<string, CracControl>;
}

/** Heat accounted since the initial state (J): IT heat in = removed + envelope + stored. */
export interface DataCenterEnergy {
  itJoules: number;
  removedJoules: number;
  envelopeJoules: number;
}

export interface DataCenterState {
  /** Twin time, epoch ms: the calibration time at the initial state, plus each step. */
  t: number;
  serverPowerWatts: Record<string, number>;
  inletCelsius: Record<string, number>;
  rackPowerWatts: Record<string, number>;
  returnCelsius: Record<string, number>;
  /** Room mixed supply (airflow-weighted). */
  supplyCelsius: Record<string, number>;
  cracSupplyCelsius: Record<string, number>;
  cracLoadWatts: Record<string, number>;
  cracPowerWatts: Record<string, number>;
  itPowerWatts: number;
  coolingPowerWatts: number;
  energy?: DataCenterEnergy;
}
