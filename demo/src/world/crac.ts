import { clamp } from './server-power';
import type { CracLayout } from './layout';

/**
 * CRAC units and room air. Each room is one lumped return-air volume at T_ret with heat capacity
 * C. Each unit draws return air with conductance G_i = ρc_p · airflow · fan speed and cools it
 * toward its setpoint: Q_i = clamp(G_i (T_ret − T_set,i), 0, capacity · fan speed), giving unit
 * supply T_ret − Q_i / G_i. A failed unit (compressor trip) keeps its fan running and removes no
 * heat, so it blows return air back into the cold aisle. The room supply is the airflow-weighted
 * mix. Room balance: C dT_ret/dt = P_IT − Σ Q_i − U_env (T_ret − T_ambient).
 */

/** Volumetric heat capacity of air, J/(m³·K) (1 CFM ≈ 0.57 W/K). */
export const AIR_HEAT_CAPACITY_JOULES_PER_CUBIC_METRE_KELVIN = 1200;
/** Heat exchange through walls and floor with the building around the hall. */
export const ENVELOPE_CONDUCTANCE_WATTS_PER_KELVIN = 100;
export const AMBIENT_CELSIUS = 25;
/** Compressor COP rises with the supply temperature (a warmer evaporator works less hard). */
export const COP_AT_18_CELSIUS = 3;
export const COP_SLOPE_PER_KELVIN = 0.12;

/** What can change on a unit at run time (faults and actuators). */
export interface CracControl {
  failed: boolean;
  setpointCelsius: number;
  fanSpeedRatio: number;
}

export interface CracOutput {
  loadWatts: number;
  supplyCelsius: number;
  airflowWattsPerKelvin: number;
  compressorPowerWatts: number;
  fanPowerWatts: number;
}

/** A unit's heat removal, supply temperature and electrical power at a return temperature. */
export function cracOutput(crac: CracLayout, control: CracControl, returnCelsius: number): CracOutput {
  const speed = clamp(control.fanSpeedRatio, 0, 1);
  const airflow = AIR_HEAT_CAPACITY_JOULES_PER_CUBIC_METRE_KELVIN * crac.airflowCubicMetresPerSecond * speed;
  const load = control.failed ? 0 : clamp(airflow * (returnCelsius - control.setpointCelsius), 0, crac.capacityWatts * speed);
  const supply = airflow > 0 ? returnCelsius - load / airflow : returnCelsius;
  return {
    loadWatts: load,
    supplyCelsius: supply,
    airflowWattsPerKelvin: airflow,
    compressorPowerWatts: load / coefficientOfPerformance(supply),
    fanPowerWatts: crac.fanPeakPowerWatts * speed ** 3,
  };
}

export function coefficientOfPerformance(supplyCelsius: number): number {
  return clamp(COP_AT_18_CELSIUS + COP_SLOPE_PER_KELVIN * (supplyCelsius - 18), 2, 6);
}

/** The airflow-weighted supply of a room's units (the return air itself when no air moves). */
export function mixedSupplyCelsius(outputs: CracOutput[], returnCelsius: number): number {
  let flow = 0;
  let weighted = 0;
  for (const o of outputs) {
    flow += o.airflowWattsPerKelvin;
    weighted += o.airflowWattsPerKelvin * o.supplyCelsius;
  }
  return flow > 0 ? weighted / flow : returnCelsius;
}

/** Explicit step of the room balance (stable for dt well below C / (Σ G + U), minutes here). */
export function nextReturnCelsius(
  returnCelsius: number,
  itPowerWatts: number,
  outputs: CracOutput[],
  thermalMassJoulesPerKelvin: number,
  dtSeconds: number,
): number {
  const removed = outputs.reduce((sum, o) => sum + o.loadWatts, 0);
  const envelope = ENVELOPE_CONDUCTANCE_WATTS_PER_KELVIN * (returnCelsius - AMBIENT_CELSIUS);
  return returnCelsius + ((itPowerWatts - removed - envelope) * dtSeconds) / thermalMassJoulesPerKelvin;
}
