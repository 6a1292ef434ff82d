import type { Kpis, SimulationResult } from '@twinops/datasource/src/api';

export interface KpiChange {
  /** Where the value sits in Kpis: `pue`, or `errorBudgetBurn.<service id>`. */
  key: string;
  name: string;
  baseline: number;
  predicted: number;
  /** predicted − baseline. */
  delta: number;
  /** A Grafana unit id, for getValueFormat. */
  unit: string;
}

type ScalarKpi = Exclude<keyof Kpis, 'errorBudgetBurn'>;

// Power first (what the room draws now), then efficiency, the totals over the horizon, heat.
const SCALARS: ReadonlyArray<{ key: ScalarKpi; name: string; unit: string }> = [
  { key: 'meanItPowerWatts', name: 'IT power (mean)', unit: 'watt' },
  { key: 'meanCoolingPowerWatts', name: 'Cooling power (mean)', unit: 'watt' },
  { key: 'pue', name: 'PUE', unit: 'none' },
  { key: 'itEnergyKwh', name: 'IT energy', unit: 'kwatth' },
  { key: 'coolingEnergyKwh', name: 'Cooling energy', unit: 'kwatth' },
  { key: 'carbonKg', name: 'Carbon', unit: 'masskg' },
  { key: 'peakInletCelsius', name: 'Peak inlet temperature', unit: 'celsius' },
];

/** null (what JSON makes of NaN) and anything else not a number read as NaN. */
const num = (v: unknown) => (typeof v === 'number' ? v : NaN);

/**
 * Every KPI of the result, baseline against predicted: the scalars in a fixed order, then each
 * service's error-budget burn (1 = spending the budget exactly as fast as allowed) by service id.
 * A service in only one of the runs burns nothing in the other.
 */
export function kpiChanges(result: SimulationResult): KpiChange[] {
  const { baseline, predicted } = result.kpis;
  const change = (key: string, name: string, unit: string, b: number, p: number): KpiChange => ({
    key,
    name,
    baseline: b,
    predicted: p,
    delta: p - b,
    unit,
  });
  const list = SCALARS.map((k) => change(k.key, k.name, k.unit, num(baseline[k.key]), num(predicted[k.key])));
  const burnB = baseline.errorBudgetBurn ?? {};
  const burnP = predicted.errorBudgetBurn ?? {};
  const services = [...new Set([...Object.keys(burnB), ...Object.keys(burnP)])].sort();
  for (const service of services) {
    list.push(
      change(
        `errorBudgetBurn.${service}`,
        `Error budget burn: ${service}`,
        'suffix:×',
        num(burnB[service] ?? 0),
        num(burnP[service] ?? 0)
      )
    );
  }
  return list;
}
