import { FieldType, ThresholdsMode } from '@grafana/data';
import { T0, forecast } from '../test-support/fixtures';
import { crossingText, forecastFrame, thresholdConfig } from './forecast-frame';

const color = { mode: 'fixed', fixedColor: '#5794F2' };
const dashed = { fill: 'dash', dash: [10, 10] };

describe('forecastFrame', () => {
  const frame = forecastFrame(forecast, 'F');
  const [time, value, lower, upper] = frame.fields;

  it('carries time, forecast, lower and upper', () => {
    expect([frame.name, frame.refId, frame.length]).toEqual(['host:r01-s1 hw.host.power forecast', 'F', 2]);
    expect(frame.fields.map((f) => [f.name, f.type, f.values])).toEqual([
      ['time', FieldType.time, [T0 + 60000, T0 + 120000]],
      ['forecast', FieldType.number, [210, 240]],
      ['lower', FieldType.number, [200, 215]],
      ['upper', FieldType.number, [220, null]],
    ]);
    expect(time.config).toEqual({});
  });

  it('draws the band: upper fills down to lower, both dashed, in the forecast colour', () => {
    expect(lower.config).toEqual({
      displayNameFromDS: 'host:r01-s1 hw.host.power lower 90%',
      color,
      unit: 'watt',
      custom: { lineWidth: 1, lineStyle: dashed, fillOpacity: 0 },
    });
    expect(upper.config).toEqual({
      displayNameFromDS: 'host:r01-s1 hw.host.power upper 90%',
      color,
      unit: 'watt',
      custom: { lineWidth: 1, lineStyle: dashed, fillBelowTo: 'host:r01-s1 hw.host.power lower 90%', fillOpacity: 20 },
    });
  });

  it('draws the limit as a dashed threshold on the forecast and says when it is crossed', () => {
    expect(value.config).toEqual({
      displayNameFromDS: 'host:r01-s1 hw.host.power forecast',
      color,
      unit: 'watt',
      custom: { lineWidth: 2, thresholdsStyle: { mode: 'dashed' } },
      thresholds: {
        mode: ThresholdsMode.Absolute,
        steps: [
          { value: -Infinity, color: 'green' },
          { value: 230, color: 'red' },
        ],
      },
    });
    expect(frame.meta).toEqual({
      preferredVisualisationType: 'graph',
      notices: [
        {
          severity: 'info',
          text: 'host:r01-s1 hw.host.power crosses above 230 at 2026-11-25T15:56:00.000Z (interval: 2026-11-25T15:55:30.000Z to 2026-11-25T15:57:00.000Z)',
        },
      ],
      custom: { model: 'holt-winters', level: 0.9, stepMs: 60000, threshold: forecast.threshold },
    });
  });

  it('has no thresholds or notice without a limit', () => {
    const plain = forecastFrame({ ...forecast, threshold: undefined });
    expect(plain.fields[1].config).toEqual({
      displayNameFromDS: 'host:r01-s1 hw.host.power forecast',
      color,
      unit: 'watt',
      custom: { lineWidth: 2 },
    });
    expect(plain.meta?.notices).toEqual([]);
  });
});

describe('thresholdConfig and crossingText', () => {
  it('turns red below a lower limit', () => {
    expect(thresholdConfig({ limit: 5, direction: 'below' }).thresholds?.steps).toEqual([
      { value: -Infinity, color: 'red' },
      { value: 5, color: 'green' },
    ]);
  });

  it.each([
    [{ limit: 5, direction: 'below' as const }, 'does not cross below 5 within the horizon'],
    [{ limit: 5, direction: 'above' as const, at: T0 }, 'crosses above 5 at 2026-11-25T15:54:00.000Z'],
    [
      { limit: 5, direction: 'above' as const, at: T0, earliest: T0 },
      'crosses above 5 at 2026-11-25T15:54:00.000Z (interval: 2026-11-25T15:54:00.000Z to beyond the horizon)',
    ],
  ])('%j → %s', (threshold, text) => {
    expect(crossingText(threshold)).toBe(text);
  });
});
