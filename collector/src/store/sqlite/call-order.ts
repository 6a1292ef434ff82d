/**
 * Keeps the store's calls in call order across two threads. Background calls (deltas,
 * maintenance) go to the writer thread, which applies them one after another; they are sent at
 * once, without waiting for the previous one's answer. A foreground call (a read or an import on
 * this thread's connection) runs once every call made before it has settled, so it sees their
 * writes, and calls made after it are sent only once it has run.
 */
export interface CallOrder {
  /** `send` is called in call order (now, unless a foreground call is waiting); its promise is the call's. */
  background<T>(send: () => Promise<T>): Promise<T>;
  /** Runs `job` on this thread after every earlier call has settled. */
  foreground<T>(job: () => T): Promise<T>;
}

type Call = { kind: 'background'; send: () => Promise<unknown> } | { kind: 'foreground'; job: () => unknown };
type Entry = Call & { resolve(value: unknown): void; reject(error: unknown): void };

export function createCallOrder(): CallOrder {
  const queue: Entry[] = [];
  let inFlight = 0;

  function settled(): void {
    inFlight--;
    pump();
  }

  function pump(): void {
    while (queue.length > 0) {
      const head = queue[0];
      if (head.kind === 'foreground' && inFlight > 0) return;
      queue.shift();
      if (head.kind === 'foreground') {
        try {
          head.resolve(head.job());
        } catch (error) {
          head.reject(error);
        }
        continue;
      }
      inFlight++;
      let sent: Promise<unknown>;
      try {
        sent = head.send();
      } catch (error) {
        sent = Promise.reject(error);
      }
      sent.then(head.resolve, head.reject).finally(settled);
    }
  }

  function enqueue<T>(call: Call): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      queue.push({ ...call, resolve: resolve as (value: unknown) => void, reject });
      pump();
    });
  }

  return {
    background: (send) => enqueue({ kind: 'background', send }),
    foreground: (job) => enqueue({ kind: 'foreground', job }),
  };
}
