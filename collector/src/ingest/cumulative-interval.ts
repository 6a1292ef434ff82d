import type { SeriesState } from './series-state';

/** A cumulative point as remembered per series: its start and time (ns since the epoch). */
export interface CumulativePoint {
  start: number;
  t: number;
}

export interface Interval<T> {
  value: T;
  /** Length of the interval in seconds; undefined when unknown (no usable start time). */
  seconds: number | undefined;
}

/**
 * Turns a cumulative point into the interval since the previous point of its series:
 * - same start as before: `current - previous` over the time between them;
 * - first point of a series, or a new start time (the source restarted): the totals since the
 *   start over (t - start), when the start time is known;
 * - a total that went down without a new start time: a reset of unknown time, so the point only
 *   becomes the new baseline (nothing is emitted, never a negative rate);
 * - a point not newer than the previous one: ignored (duplicate or out of order).
 */
export function cumulativeInterval<P extends CumulativePoint, T>(
  state: SeriesState<P>,
  key: string,
  current: P,
  subtract: (current: P, previous: P) => T | undefined,
  total: (current: P) => T,
): Interval<T> | undefined {
  const previous = state.get(key);
  if (previous && current.t <= previous.t) return undefined;
  state.set(key, current);
  if (previous && previous.start === current.start) {
    const value = subtract(current, previous);
    return value === undefined ? undefined : { value, seconds: (current.t - previous.t) / 1e9 };
  }
  return { value: total(current), seconds: deltaSeconds(current.start, current.t) };
}

/** The length of a delta point's interval in seconds, undefined when the start is unusable. */
export function deltaSeconds(start: number, t: number): number | undefined {
  return start > 0 && start < t ? (t - start) / 1e9 : undefined;
}
