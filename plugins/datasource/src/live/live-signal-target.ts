import {
  asyncScheduler,
  concat,
  defer,
  filter,
  map,
  merge,
  of,
  share,
  switchMap,
  tap,
  throttleTime,
  type Observable,
  type SchedulerLike,
} from 'rxjs';
import { LoadingState, type DataFrame, type DataQueryResponse } from '@grafana/data';
import { appendSignalPoint } from '../frames';
import type { TwinChangeEvent } from './change-stream';
import { DEFAULT_LIVE_THROTTLE_MS } from './live-target';

/** The signal a live Signals target follows: the one its stream watches. */
export interface WatchedSignal {
  entity: string;
  signal: string;
}

/** The streamed point of `watched`, or undefined for any other event. */
function pointOf(watched: WatchedSignal, event: TwinChangeEvent): { t: number; v: number | null } | undefined {
  const { entity, signal, t, v } = event.data;
  if (
    event.kind !== 'signal.point' ||
    entity !== watched.entity ||
    signal !== watched.signal ||
    typeof t !== 'number'
  ) {
    return undefined;
  }
  return { t, v: typeof v === 'number' ? v : null };
}

const isAdded = (watched: WatchedSignal, event: TwinChangeEvent) =>
  event.kind === 'signal.added' && event.data.entity === watched.entity && event.data.signal === watched.signal;

/** The frame a point can be added to: the answer's one frame, unless the answer failed. */
const frameOf = (answer: DataQueryResponse | undefined): DataFrame | undefined =>
  answer && answer.state !== LoadingState.Error && answer.data.length === 1 ? (answer.data[0] as DataFrame) : undefined;

/**
 * A Signals target in live mode: runs once, then adds each streamed point of its signal to the
 * answer's frame (the window kept at `windowMs`, the query's range length) instead of running again.
 * It runs again only when a point comes while the last answer is an error (the run failed, say
 * because the signal did not exist yet) or when the signal appears (anew) in the twin — throttled, the last never lost.
 * Every answer carries the target's refId as key, so Grafana replaces the previous one, and says
 * Streaming until the panel unsubscribes, which also releases the stream.
 */
export function liveSignalTarget(
  refId: string,
  watched: WatchedSignal,
  run: () => Observable<DataQueryResponse>,
  events: Observable<TwinChangeEvent>,
  windowMs: number,
  throttleMs = DEFAULT_LIVE_THROTTLE_MS,
  scheduler: SchedulerLike = asyncScheduler
): Observable<DataQueryResponse> {
  return defer(() => {
    let last: DataQueryResponse | undefined;
    // Each event is judged once, against the answer shown when it arrives: a point re-runs or is
    // added, never both, whatever order the two branches below see it in.
    const judged = events.pipe(
      map((event): { rerun: boolean; appended: DataQueryResponse | undefined } => {
        const point = pointOf(watched, event);
        // A point while the last answer failed: the signal is there now. (Not while the first run is in flight.)
        const rerun = isAdded(watched, event) || (point !== undefined && last?.state === LoadingState.Error);
        const frame = frameOf(last);
        const next = point && frame ? appendSignalPoint(frame, point, windowMs) : undefined;
        return { rerun, appended: next ? { data: [next], key: refId, state: LoadingState.Streaming } : undefined };
      }),
      share()
    );
    const reruns = judged.pipe(
      filter((j) => j.rerun),
      throttleTime(throttleMs, scheduler, { leading: true, trailing: true })
    );
    const answers = concat(of(undefined), reruns).pipe(switchMap(() => run()));
    const appended = judged.pipe(
      map((j) => j.appended),
      filter((answer): answer is DataQueryResponse => answer !== undefined)
    );
    return merge(answers, appended).pipe(
      map((answer) => (answer.state === LoadingState.Error ? answer : { ...answer, state: LoadingState.Streaming })),
      tap((answer) => (last = answer))
    );
  });
}
