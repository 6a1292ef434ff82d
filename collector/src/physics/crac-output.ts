import { AIR_HEAT_CAPACITY_JOULES_PER_CUBIC_METRE_KELVIN } from './priors';

/**
 * A CRAC unit's laws: it draws return air with conductance G = ρc_p · airflow · fan ratio and
 * cools it toward its setpoint, Q = clamp(G (T_ret − T_set), 0, capacity · fan ratio); its supply
 * is T_ret − Q / G. A failed unit keeps its fan and removes nothing (supply = return). Power is
 * fan + Q / COP(supply), COP linear in the supply temperature.
 */

export const COP_MIN = 1;
export const COP_MAX = 15;

export function airflowWattsPerKelvin(airflowCubicMetresPerSecond: number): number {
  return AIR_HEAT_CAPACITY_JOULES_PER_CUBIC_METRE_KELVIN * airflowCubicMetresPerSecond;
}

export function coefficientOfPerformance(copAtSetpoint: number, copPerKelvin: number, referenceCelsius: number, supplyCelsius: number): number {
  const cop = copAtSetpoint + copPerKelvin * (supplyCelsius - referenceCelsius);
  return Math.min(COP_MAX, Math.max(COP_MIN, cop));
}

/** The heat a unit removes at a return temperature (W). */
export function cracLoadWatts(conductance: number, capacityAtSpeed: number, setpointCelsius: number, failed: boolean, returnCelsius: number): number {
  if (failed || conductance <= 0) return 0;
  return Math.min(capacityAtSpeed, Math.max(0, conductance * (returnCelsius - setpointCelsius)));
}

export function cracSupplyCelsius(conductance: number, loadWatts: number, returnCelsius: number): number {
  return conductance > 0 ? returnCelsius - loadWatts / conductance : returnCelsius;
}

export function clampRatio(ratio: number): number {
  return Math.min(1, Math.max(0, ratio));
}
