import {
  asyncScheduler,
  concat,
  filter,
  map,
  of,
  switchMap,
  throttleTime,
  type Observable,
  type SchedulerLike,
} from 'rxjs';
import { LoadingState, type DataQueryResponse } from '@grafana/data';
import type { TwinQuery } from '../types';
import type { TwinChangeEvent } from './change-stream';
import { isRelevantChange } from './relevant-change';

/** At most one re-run per this many ms while changes keep arriving (the last change is never lost). */
export const DEFAULT_LIVE_THROTTLE_MS = 2000;

/**
 * A target in live mode: runs once, then again after each relevant change (throttled; a newer run
 * replaces one still in flight). Answers say Streaming until the panel unsubscribes, which also
 * releases the change stream.
 */
export function liveTarget(
  query: TwinQuery,
  run: () => Observable<DataQueryResponse>,
  changes: Observable<TwinChangeEvent>,
  throttleMs = DEFAULT_LIVE_THROTTLE_MS,
  scheduler: SchedulerLike = asyncScheduler
): Observable<DataQueryResponse> {
  const triggers = changes.pipe(
    filter((change) => isRelevantChange(query, change)),
    throttleTime(throttleMs, scheduler, { leading: true, trailing: true })
  );
  return concat(of(undefined), triggers).pipe(
    switchMap(() => run()),
    map((response) =>
      response.state === LoadingState.Error ? response : { ...response, state: LoadingState.Streaming }
    )
  );
}
