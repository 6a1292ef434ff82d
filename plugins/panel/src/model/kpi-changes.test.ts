import { kpiChanges } from './kpi-changes';
import { simulationResult } from './simulation-fixture';

describe('kpiChanges', () => {
  it('lists every KPI with name, unit and change', () => {
    expect(kpiChanges(simulationResult())).toEqual([
      { key: 'meanItPowerWatts', name: 'IT power (mean)', baseline: 10000, predicted: 10000, delta: 0, unit: 'watt' },
      {
        key: 'meanCoolingPowerWatts',
        name: 'Cooling power (mean)',
        baseline: 4000,
        predicted: 4000,
        delta: 0,
        unit: 'watt',
      },
      { key: 'pue', name: 'PUE', baseline: 1.4, predicted: 1.5, delta: 1.5 - 1.4, unit: 'none' },
      { key: 'itEnergyKwh', name: 'IT energy', baseline: 10, predicted: 12, delta: 2, unit: 'kwatth' },
      { key: 'coolingEnergyKwh', name: 'Cooling energy', baseline: 4, predicted: 4, delta: 0, unit: 'kwatth' },
      { key: 'carbonKg', name: 'Carbon', baseline: 5.6, predicted: 5.6, delta: 0, unit: 'masskg' },
      {
        key: 'peakInletCelsius',
        name: 'Peak inlet temperature',
        baseline: 25,
        predicted: 33,
        delta: 8,
        unit: 'celsius',
      },
      {
        key: 'errorBudgetBurn.svc:cart',
        name: 'Error budget burn: svc:cart',
        baseline: 0,
        predicted: 0.25,
        delta: 0.25,
        unit: 'suffix:×',
      },
      {
        key: 'errorBudgetBurn.svc:checkout',
        name: 'Error budget burn: svc:checkout',
        baseline: 0.5,
        predicted: 2,
        delta: 1.5,
        unit: 'suffix:×',
      },
    ]);
  });

  it('reads a KPI the collector sent as null as NaN', () => {
    const result = simulationResult();
    (result.kpis.baseline as unknown as { pue: null }).pue = null;
    expect(kpiChanges(result)[2]).toEqual({
      key: 'pue',
      name: 'PUE',
      baseline: NaN,
      predicted: 1.5,
      delta: NaN,
      unit: 'none',
    });
  });
});
