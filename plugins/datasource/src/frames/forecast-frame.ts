import { createDataFrame, ThresholdsMode, type DataFrame, type FieldConfig } from '@grafana/data';
import type { Forecast, ThresholdCrossing } from '../api';
import { numberField, timeField, withUnit } from './frame-fields';
import { grafanaUnit } from './grafana-unit';

export const FORECAST_COLOR = '#5794F2';
/** Opacity (0–100) of the band between the bounds. */
export const BAND_OPACITY = 20;

const color = { mode: 'fixed', fixedColor: FORECAST_COLOR };
const dashed = { fill: 'dash', dash: [10, 10] };

/** The limit as thresholds drawn on the forecast: red beyond it in its direction. */
export function thresholdConfig(threshold: ThresholdCrossing): FieldConfig {
  const steps =
    threshold.direction === 'above'
      ? [
          { value: -Infinity, color: 'green' },
          { value: threshold.limit, color: 'red' },
        ]
      : [
          { value: -Infinity, color: 'red' },
          { value: threshold.limit, color: 'green' },
        ];
  return { thresholds: { mode: ThresholdsMode.Absolute, steps } };
}

/** When the forecast crosses its limit, for a notice on the frame. */
export function crossingText(threshold: ThresholdCrossing): string {
  const limit = `${threshold.direction} ${threshold.limit}`;
  if (threshold.at === undefined) {
    return `does not cross ${limit} within the horizon`;
  }
  const range =
    threshold.earliest !== undefined || threshold.latest !== undefined
      ? ` (interval: ${iso(threshold.earliest)} to ${iso(threshold.latest)})`
      : '';
  return `crosses ${limit} at ${iso(threshold.at)}${range}`;
}

const iso = (ms: number | undefined) => (ms === undefined ? 'beyond the horizon' : new Date(ms).toISOString());

/**
 * The forecast with its interval: the upper bound fills down to the lower one (the band), both
 * bounds dashed, and the configured limit as a dashed threshold line on the forecast.
 */
export function forecastFrame(forecast: Forecast, refId?: string): DataFrame {
  const unit = grafanaUnit(forecast.unit, forecast.signal);
  const base = `${forecast.entity} ${forecast.signal}`;
  const percent = `${Math.round(forecast.level * 100)}%`;
  const lowerName = `${base} lower ${percent}`;
  const upperName = `${base} upper ${percent}`;
  const forecastConfig: FieldConfig = withUnit(unit, {
    displayNameFromDS: `${base} forecast`,
    color,
    custom: { lineWidth: 2, ...(forecast.threshold ? { thresholdsStyle: { mode: 'dashed' } } : {}) },
    ...(forecast.threshold ? thresholdConfig(forecast.threshold) : {}),
  });
  const points = forecast.points;
  return createDataFrame({
    name: `${base} forecast`,
    refId,
    meta: {
      preferredVisualisationType: 'graph',
      notices: forecast.threshold ? [{ severity: 'info', text: `${base} ${crossingText(forecast.threshold)}` }] : [],
      custom: {
        model: forecast.model,
        level: forecast.level,
        stepMs: forecast.stepMs,
        threshold: forecast.threshold ?? null,
      },
    },
    fields: [
      timeField(points.map((p) => p.t)),
      numberField(
        'forecast',
        points.map((p) => p.v),
        forecastConfig
      ),
      numberField(
        'lower',
        points.map((p) => p.lower),
        withUnit(unit, {
          displayNameFromDS: lowerName,
          color,
          custom: { lineWidth: 1, lineStyle: dashed, fillOpacity: 0 },
        })
      ),
      numberField(
        'upper',
        points.map((p) => p.upper),
        withUnit(unit, {
          displayNameFromDS: upperName,
          color,
          custom: { lineWidth: 1, lineStyle: dashed, fillBelowTo: lowerName, fillOpacity: BAND_OPACITY },
        })
      ),
    ],
  });
}
