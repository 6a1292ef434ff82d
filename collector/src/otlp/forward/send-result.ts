/**
 * The outcome of one attempt to send to the next hop, as a value: transports never throw, so
 * the retry wrapper and the queue decide by looking at what came back (the OpenTelemetry JS
 * exporter base works the same way).
 */
import type { Signal } from '../telemetry';

export type SendResult =
  | { kind: 'success' }
  /** Not worth retrying: the next hop refused the data for good, or we gave up. */
  | { kind: 'failure'; error: string }
  /** Worth another attempt; `retryAfterMs` when the next hop said when. */
  | { kind: 'retryable'; error: string; retryAfterMs?: number };

export interface OutgoingRequest {
  signal: Signal;
  body: Uint8Array;
  contentType: string;
  gzip: boolean;
}

export interface ForwardTransport {
  /** Resolves when the attempt ends; aborting `signal` ends it early with a failure. */
  send(request: OutgoingRequest, signal: AbortSignal): Promise<SendResult>;
  close(): void;
}

/** Retry-After as seconds or an HTTP date, in milliseconds from `nowMs`; undefined when unusable. */
export function parseRetryAfter(value: string | undefined, nowMs: number): number | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  const text = value.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  const date = Date.parse(text);
  return Number.isNaN(date) ? undefined : Math.max(0, date - nowMs);
}
