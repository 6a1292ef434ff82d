import { of } from 'rxjs';
import { DataTopic, type AnnotationEvent, type AnnotationSupport, type DataFrame } from '@grafana/data';
import type { TwinQuery } from '../types';

/** The annotation frames' rows as Grafana annotation events (time, title, text, tags, color). */
export function framesToAnnotations(frames: DataFrame[]): AnnotationEvent[] {
  const events: AnnotationEvent[] = [];
  for (const frame of frames) {
    if (frame.meta?.dataTopic !== DataTopic.Annotations) {
      continue;
    }
    const values = (name: string) => frame.fields.find((f) => f.name === name)?.values ?? [];
    const [time, title, text, tags, color] = ['time', 'title', 'text', 'tags', 'color'].map(values);
    for (let i = 0; i < frame.length; i++) {
      events.push({
        time: time[i],
        title: title[i],
        text: text[i],
        tags: tags[i] ?? [],
        ...(color[i] ? { color: color[i] } : {}),
      });
    }
  }
  return events;
}

/**
 * Annotations from anomalies and events queries: the dashboard's annotation query runs through
 * query() with the query editor's query, and the annotation frames become events.
 */
export const twinAnnotationSupport: AnnotationSupport<TwinQuery> = {
  getDefaultQuery: () => ({ queryType: 'anomalies' }),
  prepareQuery: (annotation) =>
    annotation.target ? { ...annotation.target, refId: annotation.target.refId || 'Anno' } : undefined,
  processEvents: (_annotation, frames) => of(framesToAnnotations(frames)),
};
