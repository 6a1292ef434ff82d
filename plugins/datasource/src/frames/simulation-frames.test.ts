import { FieldType } from '@grafana/data';
import type { SimulationResult } from '../api';
import { T0, simulationDone } from '../test-support/fixtures';
import { kpisFrame, simulationFrames, simulationSeriesFrame, violationsFrame } from './simulation-frames';

const result = simulationDone.result as SimulationResult;

describe('simulationSeriesFrame', () => {
  it('puts the prediction beside the dashed grey baseline, labelled and with the unit', () => {
    const frame = simulationSeriesFrame(result.timestamps, result.series[0], 'S');
    expect([frame.name, frame.refId, frame.meta]).toEqual([
      'host:r01-s1 hw.host.power',
      'S',
      { preferredVisualisationType: 'graph' },
    ]);
    const labels = { entity: 'host:r01-s1', signal: 'hw.host.power' };
    expect(frame.fields.map((f) => [f.name, f.type, f.values, f.labels])).toEqual([
      ['time', FieldType.time, [T0, T0 + 60000], undefined],
      ['baseline', FieldType.number, [200, 201], labels],
      ['predicted', FieldType.number, [250, 260], labels],
    ]);
    expect(frame.fields[1].config).toEqual({
      displayNameFromDS: 'host:r01-s1 hw.host.power baseline',
      color: { mode: 'fixed', fixedColor: '#8E8E8E' },
      custom: { lineStyle: { fill: 'dash', dash: [10, 10] } },
      unit: 'watt',
    });
    expect(frame.fields[2].config).toEqual({
      displayNameFromDS: 'host:r01-s1 hw.host.power predicted',
      color: { mode: 'fixed', fixedColor: '#FF9830' },
      custom: { lineWidth: 2 },
      unit: 'watt',
    });
  });

  it('adds the Monte Carlo band when the run has one', () => {
    const frame = simulationSeriesFrame(result.timestamps, result.series[1]);
    expect(frame.fields.map((f) => f.name)).toEqual(['time', 'baseline', 'predicted', 'p5', 'p95']);
    expect([frame.fields[3].values, frame.fields[4].values]).toEqual([
      [7000, 7100],
      [8500, 8600],
    ]);
    expect(frame.fields[4].config).toEqual({
      displayNameFromDS: 'database:redis/0 service.requests_per_second p95',
      color: { mode: 'fixed', fixedColor: '#FF9830' },
      custom: { lineWidth: 0, fillBelowTo: 'database:redis/0 service.requests_per_second p5', fillOpacity: 20 },
      unit: 'reqps',
    });
  });
});

it('violationsFrame lists each violation and whether the scenario caused it', () => {
  const frame = violationsFrame(result, 'S');
  expect([frame.name, frame.refId]).toEqual(['violations', 'S']);
  expect(frame.fields.map((f) => [f.name, f.type, f.config.displayName, f.values])).toEqual([
    ['kind', FieldType.string, 'Violation', ['cpu_high', 'inlet_above_recommended']],
    ['entity', FieldType.string, 'Entity', ['host:r01-s1', 'rack:dc1/r01']],
    ['signal', FieldType.string, 'Signal', ['system.cpu.utilization', 'inlet.temperature']],
    ['limit', FieldType.number, 'Limit', [0.9, 27]],
    ['peak', FieldType.number, 'Peak', [0.97, 28.1]],
    ['onset', FieldType.time, 'Onset', [T0 + 60000, T0]],
    ['baselineOnset', FieldType.time, 'Baseline onset', [null, T0]],
    ['newInScenario', FieldType.boolean, 'Caused by the scenario', [true, false]],
  ]);
});

it('kpisFrame sets baseline beside scenario with the change', () => {
  const frame = kpisFrame(result, 'S');
  expect(frame.fields.map((f) => [f.name, f.type, f.config])).toEqual([
    ['kpi', FieldType.string, { displayName: 'KPI' }],
    ['baseline', FieldType.number, { displayName: 'Baseline', decimals: 3 }],
    ['predicted', FieldType.number, { displayName: 'Scenario', decimals: 3 }],
    ['change', FieldType.number, { displayName: 'Change', decimals: 3 }],
  ]);
  expect(frame.fields[0].values).toEqual([
    'IT energy (kWh)',
    'Cooling energy (kWh)',
    'PUE',
    'Carbon (kg)',
    'Mean IT power (W)',
    'Mean cooling power (W)',
    'Peak inlet (°C)',
    'Error budget burn: service:shop/checkout',
  ]);
  expect(frame.fields[1].values).toEqual([1.888, 1.2, 1.6, 1.25, 11328, 7205, 20.5, 0]);
  expect(frame.fields[2].values).toEqual([1.905, 1.2, 1.6, 1.25, 11328, 7205, 20.5, 2.5]);
  expect(frame.fields[3].values[0]).toBeCloseTo(0.017, 12);
  expect(frame.fields[3].values.slice(1)).toEqual([0, 0, 0, 0, 0, 0, 2.5]);
});

describe('simulationFrames', () => {
  it('returns the series frames, then violations and KPIs', () => {
    expect(simulationFrames(result, 'S').map((f) => f.name)).toEqual([
      'host:r01-s1 hw.host.power',
      'database:redis/0 service.requests_per_second',
      'violations',
      'kpis',
    ]);
  });

  it('notes changes the twin could not model', () => {
    const frames = simulationFrames({ ...result, unmodelled: ['network: no model of link latency'] });
    expect(frames[3].meta?.notices).toEqual([
      { severity: 'warning', text: 'not modelled: network: no model of link latency' },
    ]);
  });
});
