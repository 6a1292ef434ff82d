/**
 * The forwarder: transport (HTTP or gRPC) + retries + a bounded queue with a concurrency limit,
 * composed in one factory. Receivers call `enqueue` after answering their client; it only ever
 * queues or drops, so the next hop's health never reaches ingest.
 */
import type { MetricsRegistry } from '../../model';
import { contentTypeOf } from '../media-type';
import type { Logger } from '../../model';
import { createBoundedQueue } from './bounded-queue';
import type { ForwardConfig } from './config';
import type { ForwardRequest } from './forward-request';
import { createGrpcTransport } from './grpc-transport';
import { createHttpTransport } from './http-transport';
import { abortableSleep, createRetryingTransport } from './retrying-transport';
import type { RetryDeps } from './retrying-transport';
import type { ForwardTransport, OutgoingRequest } from './send-result';

export interface Forwarder {
  /** True when queued; false when forwarding is off, shut down, or the queue is full (counted). */
  enqueue(request: ForwardRequest): boolean;
  /** Stops taking requests, sends what is queued until the deadline, then drops the rest. */
  shutdown(): Promise<void>;
}

export interface ForwarderSettings {
  metrics: MetricsRegistry;
  logger: Logger;
  /** Replaces the HTTP/gRPC transport (tests). */
  transport?: ForwardTransport;
  sleep?: RetryDeps['sleep'];
  random?: () => number;
  now?: () => number;
  /** How long shutdown keeps sending what is queued. */
  drainTimeoutMs?: number;
}

export function createForwarder(config: ForwardConfig, settings: ForwarderSettings): Forwarder {
  if (config.endpoint === '') return { enqueue: () => false, shutdown: () => Promise.resolve() };
  const { metrics, logger } = settings;
  const requests = metrics.counter('twinops_forward_requests_total', 'Requests forwarded to the next hop, by final outcome', [
    'signal',
    'outcome',
  ]);
  const dropped = metrics.counter('twinops_forward_dropped_requests_total', 'Requests not delivered to the next hop', [
    'signal',
    'reason',
  ]);
  const retries = metrics.counter('twinops_forward_retries_total', 'Retried attempts to the next hop', ['signal']);

  const timeoutMs = config.timeoutSeconds * 1000;
  const base =
    settings.transport ??
    (config.protocol === 'grpc'
      ? createGrpcTransport({ endpoint: config.endpoint, headers: config.headers, timeoutMs })
      : createHttpTransport({ endpoint: config.endpoint, headers: config.headers, timeoutMs, now: settings.now ?? Date.now }));
  const transport = createRetryingTransport(
    base,
    {
      maxAttempts: config.maxAttempts,
      initialBackoffMs: config.initialBackoffSeconds * 1000,
      maxBackoffMs: config.maxBackoffSeconds * 1000,
    },
    {
      sleep: settings.sleep ?? abortableSleep,
      random: settings.random ?? Math.random,
      onRetry: (request) => retries.inc({ signal: request.signal }),
    },
  );

  const abort = new AbortController();
  let closing = false;
  const drop = (signal: string, reason: string, error?: string) => {
    dropped.inc({ signal, reason });
    if (error) logger.warn('a request could not be forwarded', { signal, reason, error });
  };

  const queue = createBoundedQueue<OutgoingRequest>({
    maxItems: config.queueMaxRequests,
    maxBytes: config.queueMaxBytes,
    concurrency: config.concurrency,
    async run(request) {
      const result = await transport.send(request, abort.signal);
      requests.inc({ signal: request.signal, outcome: result.kind === 'success' ? 'success' : 'failure' });
      if (result.kind === 'success') return;
      if (abort.signal.aborted) drop(request.signal, 'shutdown');
      else drop(request.signal, result.kind === 'failure' ? 'permanent_error' : 'retries_exhausted', result.error);
    },
  });
  metrics.observableGauge('twinops_forward_queue_depth', 'Requests waiting to be forwarded', () => queue.depth());

  return {
    enqueue(request) {
      if (closing) {
        drop(request.signal, 'shutdown');
        return false;
      }
      const outgoing = toOutgoing(request, config.protocol);
      if (queue.offer(outgoing, outgoing.body.length)) return true;
      drop(request.signal, 'queue_full');
      return false;
    },
    async shutdown() {
      if (closing) return;
      closing = true;
      let timer: NodeJS.Timeout | undefined;
      const deadline = new Promise<void>((resolve) => {
        timer = setTimeout(resolve, settings.drainTimeoutMs ?? 5000);
      });
      await Promise.race([queue.idle(), deadline]);
      clearTimeout(timer);
      for (const left of queue.clear()) drop(left.signal, 'shutdown');
      abort.abort();
      await queue.idle();
      transport.close();
    },
  };
}

/**
 * HTTP next hop: the bytes as received. gRPC next hop: protobuf only, so a JSON request is
 * re-encoded now (the decoded data may change once the consumer has it); gzip is undone later.
 */
function toOutgoing(request: ForwardRequest, protocol: 'http' | 'grpc'): OutgoingRequest {
  if (protocol === 'grpc' && request.encoding === 'json') {
    return { signal: request.signal, body: request.toProtobuf(), contentType: contentTypeOf('protobuf'), gzip: false };
  }
  return { signal: request.signal, body: request.body, contentType: contentTypeOf(request.encoding), gzip: request.gzip };
}
