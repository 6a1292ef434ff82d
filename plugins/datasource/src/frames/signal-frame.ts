import { createDataFrame, FieldType, type DataFrame } from '@grafana/data';
import type { SignalSeries } from '../api';
import { field, timeField, withUnit } from './frame-fields';
import { grafanaUnit } from './grafana-unit';

/** One signal's history as a time series: time and value, the value labelled with entity and signal. */
export function signalFrame(series: SignalSeries, refId?: string): DataFrame {
  return createDataFrame({
    name: `${series.entity} ${series.name}`,
    refId,
    meta: { preferredVisualisationType: 'graph' },
    fields: [
      timeField(series.points.map((p) => p.t)),
      field(
        'value',
        FieldType.number,
        series.points.map((p) => p.v),
        withUnit(grafanaUnit(series.unit, series.name), { displayNameFromDS: `${series.entity} ${series.name}` }),
        { entity: series.entity, signal: series.name }
      ),
    ],
  });
}
