/**
 * A waiting room bounded in requests and bytes, emptied by at most `concurrency` workers.
 * `offer` is synchronous and never waits: when the room is full the caller learns it at once
 * (and drops), so a slow next hop can never hold up ingest.
 */

export interface BoundedQueueOptions<T> {
  maxItems: number;
  maxBytes: number;
  concurrency: number;
  /** Must not reject; the queue does not look at the outcome. */
  run(item: T): Promise<void>;
}

export interface BoundedQueue<T> {
  /** Queues the item, or returns false when the queue is full (nothing is queued then). */
  offer(item: T, bytes: number): boolean;
  /** Items waiting (not counting those being worked on). */
  depth(): number;
  /** Resolves once nothing is waiting or running. */
  idle(): Promise<void>;
  /** Removes and returns everything still waiting. */
  clear(): T[];
}

export function createBoundedQueue<T>(options: BoundedQueueOptions<T>): BoundedQueue<T> {
  const waiting: { item: T; bytes: number }[] = [];
  let waitingBytes = 0;
  let running = 0;
  let idleWaiters: (() => void)[] = [];

  const checkIdle = () => {
    if (running > 0 || waiting.length > 0) return;
    const waiters = idleWaiters;
    idleWaiters = [];
    for (const wake of waiters) wake();
  };

  const pump = () => {
    while (running < options.concurrency && waiting.length > 0) {
      const next = waiting.shift()!;
      waitingBytes -= next.bytes;
      running++;
      void options.run(next.item).finally(() => {
        running--;
        pump();
        checkIdle();
      });
    }
  };

  return {
    offer(item, bytes) {
      if (waiting.length >= options.maxItems || waitingBytes + bytes > options.maxBytes) return false;
      waiting.push({ item, bytes });
      waitingBytes += bytes;
      pump();
      return true;
    },
    depth: () => waiting.length,
    idle() {
      if (running === 0 && waiting.length === 0) return Promise.resolve();
      return new Promise((resolve) => idleWaiters.push(resolve));
    },
    clear() {
      const dropped = waiting.splice(0).map((w) => w.item);
      waitingBytes = 0;
      checkIdle();
      return dropped;
    },
  };
}
