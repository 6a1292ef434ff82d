import { createBoundedQueue } from './bounded-queue';

function deferred() {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

describe('createBoundedQueue', () => {
  it('runs at most `concurrency` items and refuses past maxItems waiting', async () => {
    const gates = new Map<string, ReturnType<typeof deferred>>();
    const started: string[] = [];
    const queue = createBoundedQueue<string>({
      maxItems: 2,
      maxBytes: 1000,
      concurrency: 1,
      run: (item) => {
        started.push(item);
        const gate = deferred();
        gates.set(item, gate);
        return gate.promise;
      },
    });
    expect(['a', 'b', 'c', 'd'].map((x) => queue.offer(x, 1))).toEqual([true, true, true, false]);
    expect([started, queue.depth()]).toEqual([['a'], 2]);
    gates.get('a')!.resolve();
    await new Promise((r) => setImmediate(r));
    expect([started, queue.depth()]).toEqual([['a', 'b'], 1]);
    const idle = queue.idle();
    gates.get('b')!.resolve();
    await new Promise((r) => setImmediate(r));
    gates.get('c')!.resolve();
    await idle;
    expect(started).toEqual(['a', 'b', 'c']);
  });

  it('refuses an item that would pass maxBytes waiting', () => {
    const queue = createBoundedQueue<number>({ maxItems: 10, maxBytes: 100, concurrency: 1, run: () => new Promise(() => undefined) });
    expect([queue.offer(0, 500), queue.offer(1, 50), queue.offer(2, 60), queue.offer(3, 60), queue.offer(4, 40)]).toEqual([
      false,
      true,
      true,
      false,
      true,
    ]);
    expect(queue.clear()).toEqual([2, 4]);
    expect(queue.depth()).toBe(0);
  });
});
