import { computeKpis } from './kpis';
import type { Trajectory } from './run-once';

describe('computeKpis', () => {
  it('integrates power over the horizon into energy, PUE, carbon and error-budget burn', () => {
    const series: Record<string, number[]> = {
      'site:s|it.power': [100_000, 100_000, 120_000],
      'site:s|cooling.power': [30_000, 40_000, 50_000],
      'service:a|service.error_ratio': [0, 0.01, 0.03],
      'service:b|service.error_ratio': [0, 0, 0.001],
    };
    const trajectory: Trajectory = {
      timestamps: [0, 1_800_000, 3_600_000],
      peakInletCelsius: 26.5,
      values: new Map(Object.entries(series).map(([k, v]) => [k, Float64Array.from(v)])),
      meta: new Map(Object.keys(series).map((k) => [k, { entity: k.split('|')[0], signal: k.split('|')[1], unit: '' }])),
    };
    const kpis = computeKpis(trajectory, 'site:s', 1800, 500, { horizon_seconds: 3600, step_seconds: 1800, changes: [], objectives: { error_ratio: { 'service:b': 0.001 } } });
    // Two half-hour steps after the start: IT 100 kW then 120 kW → 110 kWh; cooling 40 and 50 kW → 45 kWh.
    expect(kpis).toEqual({
      itEnergyKwh: 110,
      coolingEnergyKwh: 45,
      pue: 155 / 110,
      carbonKg: 155 * 0.5,
      meanItPowerWatts: 110_000,
      meanCoolingPowerWatts: 45_000,
      peakInletCelsius: 26.5,
      // Mean error ratio over the steps after the start, over the objective (1 % by default).
      errorBudgetBurn: { 'service:a': 0.02 / 0.01, 'service:b': 0.0005 / 0.001 },
    });
  });
});
