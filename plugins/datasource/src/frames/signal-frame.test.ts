import { FieldType } from '@grafana/data';
import { T0, cpuSeries } from '../test-support/fixtures';
import { signalFrame } from './signal-frame';

describe('signalFrame', () => {
  it('is a time series with the unit mapped and labels naming entity and signal', () => {
    const frame = signalFrame(cpuSeries, 'A');
    expect([frame.name, frame.refId, frame.meta, frame.length]).toEqual([
      'host:r01-s1 system.cpu.utilization',
      'A',
      { preferredVisualisationType: 'graph' },
      2,
    ]);
    const [time, value] = frame.fields;
    expect([time.name, time.type, time.values]).toEqual(['time', FieldType.time, [T0 - 60000, T0]]);
    expect([value.name, value.type, value.values, value.labels]).toEqual([
      'value',
      FieldType.number,
      [0.1157, null],
      { entity: 'host:r01-s1', signal: 'system.cpu.utilization' },
    ]);
    expect(value.config).toEqual({ displayNameFromDS: 'host:r01-s1 system.cpu.utilization', unit: 'percentunit' });
  });

  it('leaves the unit unset when the signal has none', () => {
    expect(signalFrame({ ...cpuSeries, unit: '' }).fields[1].config).toEqual({
      displayNameFromDS: 'host:r01-s1 system.cpu.utilization',
    });
  });
});
