/**
 * The totals a scenario is judged on: IT and cooling energy over the horizon, PUE, carbon at the
 * configured grid intensity, peak inlet temperature, and each service's error-budget burn (its
 * mean error ratio over its objective: 1 spends the budget exactly as fast as allowed).
 */
import { DEFAULT_ERROR_RATIO_OBJECTIVE } from './violations';
import type { Scenario } from '../scenario';
import type { Trajectory } from './run-once';

export interface Kpis {
  itEnergyKwh: number;
  coolingEnergyKwh: number;
  /** (IT + cooling energy) / IT energy over the horizon. */
  pue: number;
  carbonKg: number;
  meanItPowerWatts: number;
  meanCoolingPowerWatts: number;
  peakInletCelsius: number;
  errorBudgetBurn: Record<string, number>;
}

const JOULES_PER_KWH = 3_600_000;

export function computeKpis(trajectory: Trajectory, siteId: string, stepSeconds: number, gridCarbonGramsPerKwh: number, scenario: Scenario): Kpis {
  const it = trajectory.values.get(`${siteId}|it.power`) ?? new Float64Array();
  const cooling = trajectory.values.get(`${siteId}|cooling.power`) ?? new Float64Array();
  // Each step's power holds over the interval that ends at it (the start is the observed state).
  const energy = (power: Float64Array) => (power.slice(1).reduce((sum, w) => sum + w, 0) * stepSeconds) / JOULES_PER_KWH;
  const mean = (power: Float64Array) => (power.length > 1 ? power.slice(1).reduce((sum, w) => sum + w, 0) / (power.length - 1) : (power[0] ?? 0));
  const itEnergyKwh = energy(it);
  const coolingEnergyKwh = energy(cooling);
  const errorBudgetBurn: Record<string, number> = {};
  const objectives = scenario.objectives?.error_ratio ?? {};
  for (const [key, values] of trajectory.values) {
    const { entity, signal } = trajectory.meta.get(key) as { entity: string; signal: string };
    if (signal === 'service.error_ratio') errorBudgetBurn[entity] = mean(values) / (objectives[entity] ?? DEFAULT_ERROR_RATIO_OBJECTIVE);
  }
  return {
    itEnergyKwh,
    coolingEnergyKwh,
    pue: itEnergyKwh > 0 ? (itEnergyKwh + coolingEnergyKwh) / itEnergyKwh : NaN,
    carbonKg: ((itEnergyKwh + coolingEnergyKwh) * gridCarbonGramsPerKwh) / 1000,
    meanItPowerWatts: mean(it),
    meanCoolingPowerWatts: mean(cooling),
    peakInletCelsius: trajectory.peakInletCelsius,
    errorBudgetBurn,
  };
}
