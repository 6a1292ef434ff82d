import { Subject, of, type Observable } from 'rxjs';
import { TestScheduler } from 'rxjs/testing';
import { LoadingState, type DataQueryResponse } from '@grafana/data';
import type { TwinChangeEvent } from './change-stream';
import { liveTarget } from './live-target';

const query = { refId: 'A', queryType: 'signals' as const, entity: 'host:a' };
const signalAdded = (entity: string): TwinChangeEvent => ({ kind: 'signal.added', data: { entity, signal: 'cpu' } });

describe('liveTarget', () => {
  it('runs at once, again on relevant changes (throttled, the last one kept), and says Streaming', () => {
    const scheduler = new TestScheduler((actual, expected) => expect(actual).toEqual(expected));
    scheduler.run(({ hot, expectObservable }) => {
      let runs = 0;
      const run = (): Observable<DataQueryResponse> => {
        runs++;
        return of({ data: [runs], key: 'A', state: LoadingState.Done });
      };
      const changes = hot<TwinChangeEvent>('-a-b-c---------d', {
        a: signalAdded('host:a'),
        b: signalAdded('host:a'),
        c: signalAdded('host:a'),
        d: signalAdded('host:other'),
      });
      const answer = (n: number) => ({ data: [n], key: 'A', state: LoadingState.Streaming });
      // t0 initial; t1 leading edge; the throttle window (10) ends at t11 with the trailing change.
      expectObservable(liveTarget(query, run, changes, 10, scheduler)).toBe('ab---------c', {
        a: answer(1),
        b: answer(2),
        c: answer(3),
      });
    });
  });

  it('keeps an error answer as an error', () => {
    const changes = new Subject<TwinChangeEvent>();
    const seen: DataQueryResponse[] = [];
    const subscription = liveTarget(
      query,
      () => of({ data: [], key: 'A', state: LoadingState.Error, errors: [{ message: 'x' }] }),
      changes,
      10
    ).subscribe((r) => seen.push(r));
    expect(seen.map((r) => r.state)).toEqual([LoadingState.Error]);
    subscription.unsubscribe();
    expect(changes.observed).toBe(false);
  });
});
