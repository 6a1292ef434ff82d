import { FieldType, type DataFrame } from '@grafana/data';

/**
 * A signal frame (see signalFrame) with one streamed point added at its end, keeping a window of
 * `windowMs` back from that point (the query's range length, so the panel keeps its span as it
 * moves). Undefined when the point is not newer than the frame's last one, or the frame is not a
 * time series: nothing to add. The frame is copied, never changed: Grafana may still be drawing it.
 */
export function appendSignalPoint(
  frame: DataFrame,
  point: { t: number; v: number | null },
  windowMs: number
): DataFrame | undefined {
  const timeIndex = frame.fields.findIndex((f) => f.type === FieldType.time);
  if (timeIndex < 0 || frame.fields.length < 2) {
    return undefined;
  }
  const times = frame.fields[timeIndex].values as number[];
  if (times.length > 0 && !(point.t > times[times.length - 1])) {
    return undefined;
  }
  const cutoff = point.t - windowMs;
  let keep = 0;
  while (keep < times.length && times[keep] < cutoff) {
    keep++;
  }
  const fields = frame.fields.map((f, i) => ({
    ...f,
    values: [...f.values.slice(keep), i === timeIndex ? point.t : point.v],
  }));
  return { ...frame, fields, length: times.length - keep + 1 };
}
