import { createPointWatch, latestPointLookup, MAX_WATCHED_SIGNALS, parseWatch } from './point-watch';
import type { LatestPoint } from './point-watch';
import { FakeTwin, HOST } from './test-support/fake-twin';

describe('parseWatch', () => {
  it.each([
    [undefined, undefined],
    [[], undefined],
    [['host:a|cpu'], [{ entity: 'host:a', signal: 'cpu' }]],
    // Split at the last bar: the entity id may hold one, the signal name cannot.
    [['rack:a|b|power'], [{ entity: 'rack:a|b', signal: 'power' }]],
    [
      ['host:a|cpu', 'host:a|mem', 'host:a|cpu'],
      [
        { entity: 'host:a', signal: 'cpu' },
        { entity: 'host:a', signal: 'mem' },
      ],
    ],
  ])('%j → %j', (values, expected) => {
    expect(parseWatch(values)).toEqual(expected);
  });

  it.each([
    ['host:a', 'watch: must be "<entity>|<signal>", got "host:a"'],
    ['|cpu', 'watch: must be "<entity>|<signal>", got "|cpu"'],
    ['host:a|', 'watch: must be "<entity>|<signal>", got "host:a|"'],
    ['', 'watch: must be "<entity>|<signal>", got ""'],
  ])('refuses %j', (value, message) => {
    expect(() => parseWatch(['host:a|cpu', value])).toThrow(message);
  });

  it(`accepts ${MAX_WATCHED_SIGNALS} distinct signals and refuses one more`, () => {
    const values = Array.from({ length: MAX_WATCHED_SIGNALS + 1 }, (_, i) => `host:a|s${i}`);
    expect(parseWatch(values.slice(0, MAX_WATCHED_SIGNALS))?.length).toBe(100);
    expect(() => parseWatch(values)).toThrow('watch: at most 100 signals per stream, got 101');
  });
});

describe('latestPointLookup', () => {
  it('reads each entity once and answers undefined for unknown entities and signals', () => {
    const twin = new FakeTwin();
    const reads: string[] = [];
    const getEntity = twin.getEntity.bind(twin);
    twin.getEntity = (id) => (reads.push(id), getEntity(id));
    const latest = latestPointLookup(twin);
    expect(latest('host:web-3', 'cpu.utilization')).toEqual({ t: 1_700_000_060_000, v: 0.42 });
    expect(latest('host:web-3', 'memory')).toBeUndefined();
    expect(latest('host:ghost', 'cpu.utilization')).toBeUndefined();
    expect(latest('host:ghost', 'memory')).toBeUndefined();
    expect(reads).toEqual([HOST.id, 'host:ghost']);
  });
});

describe('createPointWatch', () => {
  it('frames the current point first, then only newer ones, per signal', () => {
    const points: Record<string, { t: number; v: number }> = { 'host:a|cpu': { t: 10, v: 0.5 } };
    const latest: LatestPoint = (entity, signal) => points[`${entity}|${signal}`];
    const watch = createPointWatch([
      { entity: 'host:a', signal: 'cpu' },
      { entity: 'host:a', signal: 'mem' },
    ]);
    const frame = (signal: string, t: number, v: number) =>
      `event: signal.point\ndata: {"entity":"host:a","signal":"${signal}","t":${t},"v":${v}}\n\n`;
    expect(watch.newFrames(latest)).toEqual([frame('cpu', 10, 0.5)]);
    expect(watch.newFrames(latest)).toEqual([]);
    points['host:a|mem'] = { t: 5, v: 100 };
    points['host:a|cpu'] = { t: 10, v: 0.7 }; // same time: not newer, not sent
    expect(watch.newFrames(latest)).toEqual([frame('mem', 5, 100)]);
    points['host:a|cpu'] = { t: 20, v: 0.25 };
    expect(watch.newFrames(latest)).toEqual([frame('cpu', 20, 0.25)]);
  });
});
