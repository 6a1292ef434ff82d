import { createDataFrame, FieldType, type DataFrame, type FieldConfig } from '@grafana/data';
import type { Kpis, PredictedSeries, SimulationResult } from '../api';
import { field, numberField, stringField, timeField, withUnit } from './frame-fields';
import { grafanaUnit } from './grafana-unit';

export const BASELINE_COLOR = '#8E8E8E';
export const PREDICTED_COLOR = '#FF9830';

/** One changed series: the baseline (grey, dashed) beside the prediction, and its Monte Carlo band when run. */
export function simulationSeriesFrame(timestamps: number[], series: PredictedSeries, refId?: string): DataFrame {
  const unit = grafanaUnit(series.unit, series.signal);
  const base = `${series.entity} ${series.signal}`;
  const labels = { entity: series.entity, signal: series.signal };
  const config = (name: string, extra: FieldConfig) =>
    withUnit(unit, { displayNameFromDS: `${base} ${name}`, ...extra });
  const bands = series.bands
    ? [
        field(
          'p5',
          FieldType.number,
          series.bands.p5,
          config('p5', {
            color: { mode: 'fixed', fixedColor: PREDICTED_COLOR },
            custom: { lineWidth: 0, fillOpacity: 0 },
          }),
          labels
        ),
        field(
          'p95',
          FieldType.number,
          series.bands.p95,
          config('p95', {
            color: { mode: 'fixed', fixedColor: PREDICTED_COLOR },
            custom: { lineWidth: 0, fillBelowTo: `${base} p5`, fillOpacity: 20 },
          }),
          labels
        ),
      ]
    : [];
  return createDataFrame({
    name: base,
    refId,
    meta: { preferredVisualisationType: 'graph' },
    fields: [
      timeField(timestamps),
      field(
        'baseline',
        FieldType.number,
        series.baseline,
        config('baseline', {
          color: { mode: 'fixed', fixedColor: BASELINE_COLOR },
          custom: { lineStyle: { fill: 'dash', dash: [10, 10] } },
        }),
        labels
      ),
      field(
        'predicted',
        FieldType.number,
        series.predicted,
        config('predicted', { color: { mode: 'fixed', fixedColor: PREDICTED_COLOR }, custom: { lineWidth: 2 } }),
        labels
      ),
      ...bands,
    ],
  });
}

/** Every predicted violation: which limit, when it begins, and whether the baseline has it too. */
export function violationsFrame(result: SimulationResult, refId?: string): DataFrame {
  const v = result.violations;
  return createDataFrame({
    name: 'violations',
    refId,
    meta: { preferredVisualisationType: 'table' },
    fields: [
      stringField(
        'kind',
        v.map((x) => x.kind),
        { displayName: 'Violation' }
      ),
      stringField(
        'entity',
        v.map((x) => x.entity),
        { displayName: 'Entity' }
      ),
      stringField(
        'signal',
        v.map((x) => x.signal),
        { displayName: 'Signal' }
      ),
      numberField(
        'limit',
        v.map((x) => x.limit),
        { displayName: 'Limit' }
      ),
      numberField(
        'peak',
        v.map((x) => x.peak),
        { displayName: 'Peak' }
      ),
      timeField(
        v.map((x) => x.onset),
        'onset',
        { displayName: 'Onset' }
      ),
      timeField(v.map((x) => x.baselineOnset) as number[], 'baselineOnset', { displayName: 'Baseline onset' }),
      field(
        'newInScenario',
        FieldType.boolean,
        v.map((x) => x.baselineOnset === null),
        { displayName: 'Caused by the scenario' }
      ),
    ],
  });
}

const KPI_ROWS: Array<{ key: Exclude<keyof Kpis, 'errorBudgetBurn'>; label: string }> = [
  { key: 'itEnergyKwh', label: 'IT energy (kWh)' },
  { key: 'coolingEnergyKwh', label: 'Cooling energy (kWh)' },
  { key: 'pue', label: 'PUE' },
  { key: 'carbonKg', label: 'Carbon (kg)' },
  { key: 'meanItPowerWatts', label: 'Mean IT power (W)' },
  { key: 'meanCoolingPowerWatts', label: 'Mean cooling power (W)' },
  { key: 'peakInletCelsius', label: 'Peak inlet (°C)' },
];

/** The KPIs of baseline and scenario side by side, with the change; each service's error-budget burn last. */
export function kpisFrame(result: SimulationResult, refId?: string): DataFrame {
  const { baseline, predicted } = result.kpis;
  const rows = KPI_ROWS.map(({ key, label }) => ({ label, baseline: baseline[key], predicted: predicted[key] }));
  const services = [
    ...new Set([...Object.keys(baseline.errorBudgetBurn), ...Object.keys(predicted.errorBudgetBurn)]),
  ].sort();
  for (const service of services) {
    rows.push({
      label: `Error budget burn: ${service}`,
      baseline: baseline.errorBudgetBurn[service] ?? null,
      predicted: predicted.errorBudgetBurn[service] ?? null,
    } as (typeof rows)[number]);
  }
  const change = (r: (typeof rows)[number]) =>
    r.baseline === null || r.predicted === null ? null : r.predicted - r.baseline;
  return createDataFrame({
    name: 'kpis',
    refId,
    meta: { preferredVisualisationType: 'table' },
    fields: [
      stringField(
        'kpi',
        rows.map((r) => r.label),
        { displayName: 'KPI' }
      ),
      numberField(
        'baseline',
        rows.map((r) => r.baseline),
        { displayName: 'Baseline', decimals: 3 }
      ),
      numberField(
        'predicted',
        rows.map((r) => r.predicted),
        { displayName: 'Scenario', decimals: 3 }
      ),
      numberField('change', rows.map(change), { displayName: 'Change', decimals: 3 }),
    ],
  });
}

/** All frames of a simulation: a series frame per changed series, then violations and KPIs; unmodelled changes as a notice. */
export function simulationFrames(result: SimulationResult, refId?: string): DataFrame[] {
  const frames = [
    ...result.series.map((s) => simulationSeriesFrame(result.timestamps, s, refId)),
    violationsFrame(result, refId),
    kpisFrame(result, refId),
  ];
  if (result.unmodelled.length > 0) {
    const last = frames[frames.length - 1];
    last.meta = {
      ...last.meta,
      notices: [{ severity: 'warning', text: `not modelled: ${result.unmodelled.join('; ')}` }],
    };
  }
  return frames;
}
