import { createDataFrame, DataTopic, FieldType, type DataFrame } from '@grafana/data';
import { field, stringField, timeField } from './frame-fields';

export interface AnnotationRow {
  time: number;
  title: string;
  text: string;
  tags: string[];
  /** An HTML colour for the marker. */
  color?: string;
}

/**
 * Rows as an annotations frame: time, title, text, tags and color, with the annotations data topic,
 * so time series panels draw them as markers and the annotation support turns them into events.
 */
export function annotationFrame(name: string, rows: AnnotationRow[], refId?: string): DataFrame {
  return createDataFrame({
    name,
    refId,
    meta: { dataTopic: DataTopic.Annotations },
    fields: [
      timeField(rows.map((r) => r.time)),
      stringField(
        'title',
        rows.map((r) => r.title)
      ),
      stringField(
        'text',
        rows.map((r) => r.text)
      ),
      field(
        'tags',
        FieldType.other,
        rows.map((r) => r.tags)
      ),
      stringField(
        'color',
        rows.map((r) => r.color ?? '')
      ),
    ],
  });
}
