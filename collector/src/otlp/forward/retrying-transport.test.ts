import { abortableSleep, backoffMs, createRetryingTransport } from './retrying-transport';
import type { ForwardTransport, OutgoingRequest, SendResult } from './send-result';

const request: OutgoingRequest = { signal: 'traces', body: new Uint8Array(1), contentType: 'application/x-protobuf', gzip: false };
const policy = { maxAttempts: 4, initialBackoffMs: 1000, maxBackoffMs: 2000 };

function scripted(results: SendResult[]): ForwardTransport & { calls: number } {
  const t = {
    calls: 0,
    send: async () => results[Math.min(t.calls++, results.length - 1)],
    close: () => undefined,
  };
  return t;
}

describe('createRetryingTransport', () => {
  it('retries retryable results with backoff and honours the delay the next hop asked for', async () => {
    const inner = scripted([
      { kind: 'retryable', error: '503', retryAfterMs: 7000 },
      { kind: 'retryable', error: '502' },
      { kind: 'success' },
    ]);
    const waits: number[] = [];
    const t = createRetryingTransport(inner, policy, { sleep: async (ms) => void waits.push(ms), random: () => 0.5 });
    expect(await t.send(request, new AbortController().signal)).toEqual({ kind: 'success' });
    expect(waits).toEqual([7000, 1500]);
  });

  it('gives up after maxAttempts with the last retryable result', async () => {
    const inner = scripted([{ kind: 'retryable', error: 'down' }]);
    const waits: number[] = [];
    const t = createRetryingTransport(inner, policy, { sleep: async (ms) => void waits.push(ms), random: () => 0 });
    expect(await t.send(request, new AbortController().signal)).toEqual({ kind: 'retryable', error: 'down' });
    expect([inner.calls, waits]).toEqual([4, [800, 1200, 1600]]);
  });

  it('does not retry a failure', async () => {
    const inner = scripted([{ kind: 'failure', error: '400' }]);
    const t = createRetryingTransport(inner, policy, { sleep: async () => undefined, random: () => 0 });
    expect(await t.send(request, new AbortController().signal)).toEqual({ kind: 'failure', error: '400' });
    expect(inner.calls).toBe(1);
  });

  it('stops waiting at abort', async () => {
    const abort = new AbortController();
    const inner = scripted([{ kind: 'retryable', error: 'down' }]);
    const t = createRetryingTransport(inner, policy, { sleep: async () => abort.abort(), random: () => 0 });
    expect(await t.send(request, abort.signal)).toEqual({ kind: 'failure', error: 'aborted at shutdown' });
    expect(inner.calls).toBe(1);
  });
});

describe('backoffMs', () => {
  it.each([
    [1, 0.5, 1000],
    [2, 0.5, 1500],
    [3, 0.5, 2000],
    [9, 0.5, 2000],
    [1, 0, 800],
    [1, 0.999999, 1200],
  ])('attempt %i, random %f → %i ms', (attempt, random, ms) => {
    expect(backoffMs(policy, attempt, random)).toBe(ms);
  });
});

describe('abortableSleep', () => {
  it('ends at once when aborted, without waiting for its timer', async () => {
    const abort = new AbortController();
    const sleeping = abortableSleep(3_600_000, abort.signal);
    abort.abort();
    await sleeping;
    await abortableSleep(3_600_000, abort.signal);
  });
});
