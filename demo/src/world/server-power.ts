import type { ServerModel } from './layout';

/**
 * Server electrical and CPU-thermal laws. Deliberately richer than the twin's linear power model:
 * a mildly non-linear load curve, cubic fan power, a proportional fan controller and thermal
 * throttling.
 */

/** Weight of the quadratic term in the load curve; the rest follows u^0.9. */
export const LOAD_CURVE_QUADRATIC = 0.15;
/** What a crashed or powered-off server still draws (BMC, PSU standby). */
export const STANDBY_POWER_WATTS = 5;
/** Server fan controller: minimum speed, the CPU temperature where it starts ramping, gain per K. */
export const FAN_MIN_SPEED_RATIO = 0.3;
export const FAN_RAMP_START_CELSIUS = 50;
export const FAN_GAIN_PER_KELVIN = 0.04;
/** Above this CPU temperature the CPU throttles, losing this share of capacity per K, down to a floor. */
export const THROTTLE_LIMIT_CELSIUS = 85;
export const THROTTLE_SLOPE_PER_KELVIN = 0.04;
export const THROTTLE_FLOOR = 0.3;
/** CPU-to-inlet thermal resistance R(s) = base + spread / (offset + s): high with the fan stopped. */
const R_BASE_KELVIN_PER_WATT = 0.02;
const R_SPREAD_KELVIN_PER_WATT = 0.02;
const R_OFFSET = 0.08;
/** Lag of the CPU package and heat sink. */
export const CPU_TIME_CONSTANT_SECONDS = 45;

/** The load curve f(u): 0 at idle, 1 at full load, slightly concave at low load. */
export function loadCurve(utilization: number): number {
  const u = clamp(utilization, 0, 1);
  return (1 - LOAD_CURVE_QUADRATIC) * u ** 0.9 + LOAD_CURVE_QUADRATIC * u * u;
}

/** CPU/board power (without fans): idle + (peak − idle − fan peak) · f(u) · throttle. */
export function computePowerWatts(model: ServerModel, utilization: number, throttleFactor: number): number {
  const dynamic = model.peakPowerWatts - model.idlePowerWatts - model.fanPeakPowerWatts;
  return model.idlePowerWatts + dynamic * loadCurve(utilization) * throttleFactor;
}

/** Fan power grows with the cube of speed (fan affinity laws). */
export function fanPowerWatts(model: ServerModel, fanSpeedRatio: number): number {
  return model.fanPeakPowerWatts * fanSpeedRatio ** 3;
}

/** The fan controller: proportional on CPU temperature, between the minimum speed and 100 %. */
export function fanSpeedFor(cpuCelsius: number, fanFailed: boolean): number {
  if (fanFailed) return 0;
  return clamp(FAN_MIN_SPEED_RATIO + FAN_GAIN_PER_KELVIN * (cpuCelsius - FAN_RAMP_START_CELSIUS), FAN_MIN_SPEED_RATIO, 1);
}

/** K/W from CPU to inlet air for a fan speed. */
export function thermalResistanceKelvinPerWatt(fanSpeedRatio: number): number {
  return R_BASE_KELVIN_PER_WATT + R_SPREAD_KELVIN_PER_WATT / (R_OFFSET + fanSpeedRatio);
}

/** Share of CPU capacity left (1 = none lost) at a CPU temperature. */
export function throttleFactorFor(cpuCelsius: number): number {
  return clamp(1 - THROTTLE_SLOPE_PER_KELVIN * (cpuCelsius - THROTTLE_LIMIT_CELSIUS), THROTTLE_FLOOR, 1);
}

export function clamp(value: number, low: number, high: number): number {
  return Math.min(high, Math.max(low, value));
}
