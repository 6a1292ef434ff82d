import type { Kpis, SimulationResult } from '@twinops/datasource/src/api';

const kpis = (extra: Partial<Kpis>): Kpis => ({
  itEnergyKwh: 10,
  coolingEnergyKwh: 4,
  pue: 1.4,
  carbonKg: 5.6,
  meanItPowerWatts: 10000,
  meanCoolingPowerWatts: 4000,
  peakInletCelsius: 25,
  errorBudgetBurn: { 'svc:checkout': 0.5 },
  ...extra,
});

/** A small result: three steps a minute apart from t = 1,000,000 ms. */
export function simulationResult(extra: Partial<SimulationResult> = {}): SimulationResult {
  return {
    start: 1_000_000,
    stepSeconds: 60,
    timestamps: [1_000_000, 1_060_000, 1_120_000],
    series: [
      { entity: 'host:h1', signal: 'inlet_celsius', unit: 'celsius', baseline: [24, 24, 24], predicted: [24, 30, 33] },
      {
        entity: 'host:h1',
        signal: 'power_watts',
        unit: 'watt',
        baseline: [400, 400, null],
        predicted: [400, 500, 600],
      },
      { entity: 'host:new', signal: 'power_watts', unit: 'watt', baseline: [], predicted: [null, 300, 300] },
    ],
    violations: [
      {
        kind: 'inlet_crit',
        entity: 'host:h1',
        signal: 'inlet_celsius',
        limit: 32,
        onset: 1_120_000,
        peak: 33,
        baselineOnset: null,
      },
      {
        kind: 'inlet_warn',
        entity: 'host:h1',
        signal: 'inlet_celsius',
        limit: 27,
        onset: 1_060_000,
        peak: 33,
        baselineOnset: null,
      },
      {
        kind: 'error_budget',
        entity: 'svc:checkout',
        signal: 'error_ratio',
        limit: 0.01,
        onset: 1_060_000,
        peak: 0.02,
        baselineOnset: 1_120_000,
      },
    ],
    kpis: {
      baseline: kpis({}),
      predicted: kpis({
        itEnergyKwh: 12,
        pue: 1.5,
        peakInletCelsius: 33,
        errorBudgetBurn: { 'svc:checkout': 2, 'svc:cart': 0.25 },
      }),
    },
    affected: { entities: ['host:h1'], relations: [] },
    unmodelled: [],
    ...extra,
  };
}
