/**
 * Retries a transport's retryable results: exponential backoff (×1.5, capped) with ±20 % jitter,
 * or the delay the next hop asked for (Retry-After / RetryInfo), up to `maxAttempts` in all —
 * the OpenTelemetry JS exporter's policy, with its numbers as our defaults.
 */
import type { ForwardTransport, OutgoingRequest, SendResult } from './send-result';

export interface RetryPolicy {
  maxAttempts: number;
  initialBackoffMs: number;
  maxBackoffMs: number;
}

export interface RetryDeps {
  /** Waits `ms`, or less when `signal` aborts; injected so tests never sleep for real. */
  sleep(ms: number, signal: AbortSignal): Promise<void>;
  /** In [0, 1); drives the jitter. */
  random(): number;
  onRetry?(request: OutgoingRequest, result: SendResult, delayMs: number): void;
}

const MULTIPLIER = 1.5;
const JITTER = 0.2;
// A slot is held while waiting: a next hop asking for more than a minute gets a minute.
const MAX_RETRY_AFTER_MS = 60_000;

/** The wait before attempt `attempt + 1` (attempt counts from 1). */
export function backoffMs(policy: RetryPolicy, attempt: number, random: number): number {
  const base = Math.min(policy.maxBackoffMs, policy.initialBackoffMs * MULTIPLIER ** (attempt - 1));
  return Math.round(base * (1 + JITTER * (2 * random - 1)));
}

export function createRetryingTransport(inner: ForwardTransport, policy: RetryPolicy, deps: RetryDeps): ForwardTransport {
  return {
    async send(request, signal) {
      let result: SendResult = { kind: 'failure', error: 'not sent' };
      for (let attempt = 1; attempt <= policy.maxAttempts; attempt++) {
        result = await inner.send(request, signal);
        if (result.kind !== 'retryable' || attempt === policy.maxAttempts || signal.aborted) return result;
        const delay =
          result.retryAfterMs !== undefined
            ? Math.min(result.retryAfterMs, MAX_RETRY_AFTER_MS)
            : backoffMs(policy, attempt, deps.random());
        deps.onRetry?.(request, result, delay);
        await deps.sleep(delay, signal);
        if (signal.aborted) return { kind: 'failure', error: 'aborted at shutdown' };
      }
      return result;
    },
    close: () => inner.close(),
  };
}

/** A real sleep that ends early on abort. */
export function abortableSleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const done = () => {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done, { once: true });
  });
}
