import { isUp } from './world-state';
import type { Random } from '../random';
import type { WorldState } from './world-state';

/**
 * What the instruments report: the lagged sensor values kept in the state (first-order, τ 20 s)
 * plus Gaussian noise drawn from the caller's seeded stream. The true values stay in the state
 * and in `worldTruth`; these readings are what telemetry carries.
 */

/** Noise standard deviations. */
export const TEMPERATURE_NOISE_KELVIN = 0.25;
/** Power meters: a floor plus a share of the reading. */
export const POWER_NOISE_WATTS = 2;
export const POWER_NOISE_RATIO = 0.01;
export const FAN_SPEED_NOISE_RATIO = 0.01;

export interface SensorReadings {
  timeSeconds: number;
  hosts: {
    name: string;
    /** 1 ok, 0 down: the hw.status a BMC reports. */
    up: boolean;
    inletCelsius: number;
    cpuCelsius: number;
    powerWatts: number;
    fanSpeedRatio: number;
  }[];
  cracs: { id: string; supplyCelsius: number; powerWatts: number; fanSpeedRatio: number }[];
}

/** One noisy reading of every instrument; draws from `random` in a fixed order (deterministic). */
export function readSensors(state: WorldState, random: Random): SensorReadings {
  const { layout } = state.model;
  const noisy = (value: number, sigma: number) => value + sigma * random.normal();
  const powerSigma = (watts: number) => POWER_NOISE_WATTS + POWER_NOISE_RATIO * watts;
  return {
    timeSeconds: state.timeSeconds,
    hosts: state.hosts.map((h, i) => ({
      name: layout.hosts[i].name,
      up: isUp(h),
      inletCelsius: noisy(h.sensedInletCelsius, TEMPERATURE_NOISE_KELVIN),
      cpuCelsius: noisy(h.sensedCpuCelsius, TEMPERATURE_NOISE_KELVIN),
      powerWatts: Math.max(0, noisy(h.powerWatts, powerSigma(h.powerWatts))),
      fanSpeedRatio: h.fanSpeedRatio === 0 ? 0 : Math.max(0, noisy(h.fanSpeedRatio, FAN_SPEED_NOISE_RATIO)),
    })),
    cracs: state.cracs.map((c, i) => ({
      id: layout.cracs[i].id,
      supplyCelsius: noisy(c.sensedSupplyCelsius, TEMPERATURE_NOISE_KELVIN),
      powerWatts: Math.max(0, noisy(c.powerWatts, powerSigma(c.powerWatts))),
      fanSpeedRatio: c.fanSpeedRatio,
    })),
  };
}
