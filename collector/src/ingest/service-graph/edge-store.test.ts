import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { createEdgeStore } from './edge-store';
import type { HalfEdge, SpanRole } from './edge-store';

interface Half extends HalfEdge {
  name: string;
}
const half = (role: SpanRole, name: string = role): Half => ({ role, name, expiresAtMs: 0 });

function setup(maxPending = 10, waitMs = 1000) {
  const completed: string[] = [];
  const expired: string[] = [];
  const store = createEdgeStore<Half>(
    { waitMs, maxPending },
    {
      onComplete: (client, server) => completed.push(`${client.name}->${server.name}`),
      onExpire: (h) => expired.push(h.name),
    },
  );
  return { store, completed, expired };
}

describe('createEdgeStore', () => {
  it.each([
    ['client', 'server'],
    ['server', 'client'],
    ['producer', 'consumer'],
    ['consumer', 'producer'],
  ] as const)('pairs a %s with a %s under one key, client side first in the callback', (first, second) => {
    const { store, completed } = setup();
    expect(store.add('k', half(first), 0)).toBe('pending');
    expect(store.add('k', half(second), 5)).toBe('paired');
    const clientSide = first === 'client' || first === 'producer' ? first : second;
    const serverSide = clientSide === first ? second : first;
    expect(completed).toEqual([`${clientSide}->${serverSide}`]);
    expect(store.size()).toBe(0);
  });

  it('keeps the first of two spans of one side and ignores the second', () => {
    const { store, completed } = setup();
    store.add('k', half('server', 'first'), 0);
    expect(store.add('k', half('consumer', 'second'), 0)).toBe('duplicate');
    store.add('k', half('client'), 0);
    expect(completed).toEqual(['client->first']);
  });

  it('expires in insertion order once the wait has passed, reporting each', () => {
    const { store, expired } = setup(10, 1000);
    store.add('a', half('client', 'a'), 0);
    store.add('b', half('server', 'b'), 400);
    store.add('c', half('producer', 'c'), 800);
    expect(store.expire(999)).toBe(0);
    expect(store.expire(1400)).toBe(2);
    expect(expired).toEqual(['a', 'b']);
    expect(store.size()).toBe(1);
    expect(store.expire(5000)).toBe(1);
    expect(expired).toEqual(['a', 'b', 'c']);
  });

  it('drops the newcomer when full and counts it by role; a partner of a waiting span still pairs', () => {
    const { store, completed } = setup(2);
    store.add('a', half('client', 'a'), 0);
    store.add('b', half('producer', 'b'), 0);
    expect(store.add('c', half('server'), 0)).toBe('dropped');
    expect(store.add('d', half('consumer'), 0)).toBe('dropped');
    expect(store.add('e', half('consumer'), 0)).toBe('dropped');
    expect(store.add('a', half('server', 's'), 0)).toBe('paired');
    expect(completed).toEqual(['a->s']);
    expect(store.dropped()).toEqual({ client: 0, server: 1, producer: 0, consumer: 2 });
    expect(store.capacity).toBe(2);
  });

  it('stays bounded with 1,000,000 spans whose partners never arrive', () => {
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as () => void;
    let expiredCount = 0;
    const maxPending = 100_000;
    const store = createEdgeStore<HalfEdge>(
      { waitMs: 10_000, maxPending },
      { onComplete: () => {}, onExpire: () => expiredCount++ },
    );
    const roles: SpanRole[] = ['client', 'server', 'producer', 'consumer'];
    const heapAt = () => {
      gc();
      return process.memoryUsage().heapUsed;
    };
    // 1,000 spans per simulated millisecond: the store fills at 100 ms, stays full (900,000
    // dropped) until the first entries expire at 10 s, which the last tick then clears.
    const results = { pending: 0, dropped: 0 };
    let afterFill = 0;
    let largest = 0;
    for (let i = 0; i < 1_000_000; i++) {
      const nowMs = Math.floor(i / 1000);
      const r = store.add(`${i.toString(16).padStart(32, '0')}${'0'.repeat(16)}`, { role: roles[i & 3], expiresAtMs: 0 }, nowMs);
      if (r === 'pending') results.pending++;
      else if (r === 'dropped') results.dropped++;
      if (i === 200_000) afterFill = heapAt();
      largest = Math.max(largest, store.size());
    }
    expect(largest).toBe(maxPending);
    const atEnd = heapAt();
    expect(results).toEqual({ pending: 100_000, dropped: 900_000 });
    expect(store.dropped()).toEqual({ client: 225_000, server: 225_000, producer: 225_000, consumer: 225_000 });
    // 800,000 more spans while full: the heap holds the same 100,000 entries (allow GC noise).
    expect(atEnd - afterFill).toBeLessThan(8 * 1024 * 1024);
    expect(store.expire(10_100)).toBe(100_000);
    expect(expiredCount).toBe(100_000);
    expect(store.size()).toBe(0);
  });
});
