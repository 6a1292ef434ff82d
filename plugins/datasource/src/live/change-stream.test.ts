import { fakeEventSources } from '../test-support/fake-event-source';
import { CHANGE_KINDS, changeStream } from './change-stream';

describe('changeStream', () => {
  it('opens on subscribe, passes every change kind and watched point parsed, skips malformed data, closes on unsubscribe', () => {
    const { opened, factory } = fakeEventSources();
    const stream = changeStream(factory, '/proxy/twin/api/v1/stream');
    expect(opened).toEqual([]);
    const seen: unknown[] = [];
    const subscription = stream.subscribe((change) => seen.push(change));
    expect(opened.map((s) => s.url)).toEqual(['/proxy/twin/api/v1/stream']);
    expect([...opened[0].listeners.keys()]).toEqual([...CHANGE_KINDS, 'signal.point']);
    opened[0].emit('signal.added', { kind: 'signal.added', entity: 'host:a', signal: 'cpu', at: 1 });
    opened[0].emit('relation.added', 'not json');
    opened[0].emit('entity.removed', { kind: 'entity.removed', id: 'host:b', at: 2 });
    opened[0].emit('signal.point', { entity: 'host:a', signal: 'cpu', t: 3, v: 0.5 });
    expect(seen).toEqual([
      { kind: 'signal.added', data: { kind: 'signal.added', entity: 'host:a', signal: 'cpu', at: 1 } },
      { kind: 'entity.removed', data: { kind: 'entity.removed', id: 'host:b', at: 2 } },
      { kind: 'signal.point', data: { entity: 'host:a', signal: 'cpu', t: 3, v: 0.5 } },
    ]);
    subscription.unsubscribe();
    expect(opened[0].closed).toBe(true);
  });
});
