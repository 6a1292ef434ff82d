import { createDataFrame, FieldType, type DataFrame } from '@grafana/data';
import type { AnomalyEvent } from '../api';
import { annotationFrame } from './annotation-frame';
import { field, timeField } from './frame-fields';

export const ANOMALY_COLOR = '#F2495C';

/** One score series per entity and signal, oldest point first; series ordered by entity, then signal. */
export function anomalyScoreFrames(items: AnomalyEvent[], refId?: string): DataFrame[] {
  const groups = new Map<string, AnomalyEvent[]>();
  for (const item of items) {
    const key = `${item.entity}\u0000${item.signal}`;
    groups.set(key, [...(groups.get(key) ?? []), item]);
  }
  return [...groups.keys()].sort().map((key) => {
    const points = [...(groups.get(key) ?? [])].sort((a, b) => a.t - b.t);
    const { entity, signal } = points[0];
    return createDataFrame({
      name: `${entity} ${signal} anomaly score`,
      refId,
      meta: { preferredVisualisationType: 'graph' },
      fields: [
        timeField(points.map((p) => p.t)),
        field(
          'score',
          FieldType.number,
          points.map((p) => p.score),
          {
            displayNameFromDS: `${entity} ${signal} anomaly score`,
            unit: 'percentunit',
            min: 0,
            max: 1,
            custom: { drawStyle: 'points', pointSize: 6 },
          },
          { entity, signal }
        ),
        field(
          'value',
          FieldType.number,
          points.map((p) => p.value),
          {
            displayNameFromDS: `${entity} ${signal} value`,
            custom: { hideFrom: { viz: true, legend: true, tooltip: false } },
          },
          { entity, signal }
        ),
      ],
    });
  });
}

const formatValue = (value: number | null) =>
  value === null ? 'not a number' : String(Math.round(value * 1000) / 1000);

/** Each flagged point as an annotation: title names the signal, text the entity, score and value. */
export function anomalyAnnotationFrame(items: AnomalyEvent[], refId?: string): DataFrame {
  const rows = [...items]
    .sort((a, b) => a.t - b.t)
    .map((a) => ({
      time: a.t,
      title: `Anomaly: ${a.signal}`,
      text: `${a.entity} ${a.signal} scored ${a.score.toFixed(2)} (value ${formatValue(a.value)})`,
      tags: ['anomaly', a.entity, a.signal],
      color: ANOMALY_COLOR,
    }));
  return annotationFrame('anomalies', rows, refId);
}
