import { Subject, of, type Observable } from 'rxjs';
import { TestScheduler } from 'rxjs/testing';
import { LoadingState, type DataQueryResponse } from '@grafana/data';
import { signalFrame } from '../frames';
import type { TwinChangeEvent } from './change-stream';
import { liveSignalTarget } from './live-signal-target';

const CPU = { entity: 'host:a', signal: 'cpu' };
const frame = (points: Array<{ t: number; v: number }>) =>
  signalFrame({ entity: 'host:a', name: 'cpu', unit: '1', points }, 'A');
const done = (points: Array<{ t: number; v: number }>): DataQueryResponse => ({
  data: [frame(points)],
  key: 'A',
  state: LoadingState.Done,
});
const streaming = (points: Array<{ t: number; v: number }>): DataQueryResponse => ({
  data: [frame(points)],
  key: 'A',
  state: LoadingState.Streaming,
});
const failed: DataQueryResponse = {
  data: [],
  key: 'A',
  state: LoadingState.Error,
  errors: [{ message: 'signal not found' }],
};
const point = (entity: string, signal: string, t: number, v: number): TwinChangeEvent => ({
  kind: 'signal.point',
  data: { entity, signal, t, v },
});
const added = (entity: string, signal: string): TwinChangeEvent => ({
  kind: 'signal.added',
  data: { kind: 'signal.added', entity, signal, at: 1 },
});

describe('liveSignalTarget', () => {
  it('adds each new point of its signal to the answer, keeping the window, without running again', () => {
    const events = new Subject<TwinChangeEvent>();
    let runs = 0;
    const run = () => (
      runs++,
      of(
        done([
          { t: 1000, v: 1 },
          { t: 2000, v: 2 },
        ])
      )
    );
    const seen: DataQueryResponse[] = [];
    const subscription = liveSignalTarget('A', CPU, run, events, 1500, 0).subscribe((r) => seen.push(r));
    events.next(point('host:a', 'mem', 3000, 9));
    events.next(point('host:b', 'cpu', 3000, 9));
    events.next(point('host:a', 'cpu', 2000, 9)); // not newer than the frame's last point
    events.next({ kind: 'entity.updated', data: { entity: { id: 'host:a' } } });
    events.next(point('host:a', 'cpu', 3000, 3));
    events.next(point('host:a', 'cpu', 3600, 4));
    expect(seen).toEqual([
      streaming([
        { t: 1000, v: 1 },
        { t: 2000, v: 2 },
      ]),
      streaming([
        { t: 2000, v: 2 },
        { t: 3000, v: 3 },
      ]),
      streaming([
        { t: 3000, v: 3 },
        { t: 3600, v: 4 },
      ]),
    ]);
    expect(runs).toBe(1);
    subscription.unsubscribe();
    expect(events.observed).toBe(false);
  });

  it('runs again on a point after a failed answer and when its signal is added anew (throttled)', () => {
    const scheduler = new TestScheduler((actual, expected) => expect(actual).toEqual(expected));
    scheduler.run(({ hot, expectObservable }) => {
      let runs = 0;
      const run = (): Observable<DataQueryResponse> => of(++runs === 1 ? failed : done([{ t: 1000, v: runs }]));
      const events = hot<TwinChangeEvent>('-p-q-a-b', {
        p: point('host:a', 'cpu', 1500, 5),
        q: point('host:a', 'cpu', 2000, 6),
        a: added('host:a', 'cpu'),
        b: added('host:b', 'cpu'),
      });
      // t0 fails; t1 the point re-runs (run 2); t3 the next point is added; t5 the signal is added anew (run 3).
      expectObservable(liveSignalTarget('A', CPU, run, events, 60_000, 2, scheduler)).toBe('ab-c-d', {
        a: failed,
        b: streaming([{ t: 1000, v: 2 }]),
        c: streaming([
          { t: 1000, v: 2 },
          { t: 2000, v: 6 },
        ]),
        d: streaming([{ t: 1000, v: 3 }]),
      });
    });
  });

  it('neither runs again nor adds points while the first run is in flight', () => {
    const events = new Subject<TwinChangeEvent>();
    const answer = new Subject<DataQueryResponse>();
    let runs = 0;
    const seen: DataQueryResponse[] = [];
    liveSignalTarget('A', CPU, () => (runs++, answer), events, 60_000, 0).subscribe((r) => seen.push(r));
    events.next(point('host:a', 'cpu', 1500, 5));
    expect([runs, seen]).toEqual([1, []]);
    answer.next(done([{ t: 1000, v: 1 }]));
    answer.complete();
    events.next(point('host:a', 'cpu', 2000, 6));
    expect([runs, seen]).toEqual([
      1,
      [
        streaming([{ t: 1000, v: 1 }]),
        streaming([
          { t: 1000, v: 1 },
          { t: 2000, v: 6 },
        ]),
      ],
    ]);
  });
});
