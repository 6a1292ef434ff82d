/**
 * The transport-neutral handling of one export request, shared by the HTTP and gRPC receivers:
 * decode → drop invalid items → hand the rest to the next consumer → say what was accepted.
 * Transports deal with bytes on the wire; this deals with what the bytes mean.
 */
import type { Encoding } from './codec';
import { failureFromError } from './errors';
import type { Failure } from './errors';
import type { RateLimitedLog } from './rate-limited-log';
import type { ReceiverMetrics, ReceiverTransport } from './receiver-metrics';
import { FAILURE_REASON } from './receiver-metrics';
import type { SignalSpec } from './signal-specs';
import type { ConsumeResult, Signal } from './telemetry';
import { describeRejections, validateItems } from './validate-items';

export type HandleResult =
  | {
      ok: true;
      /** The OTLP partial_success to answer with; undefined for a full success. */
      partial: ConsumeResult | undefined;
      accepted: number;
      rejected: number;
      /** The decoded request, all items included, as protobuf (for a gRPC next hop). */
      toProtobuf(): Uint8Array;
    }
  | { ok: false; failure: Failure };

export interface SignalHandler {
  readonly signal: Signal;
  handle(body: Uint8Array, encoding: Encoding, transport: ReceiverTransport): HandleResult;
}

export interface HandlerDeps {
  metrics: ReceiverMetrics;
  log: RateLimitedLog;
}

export function createSignalHandler<D>(
  spec: SignalSpec<D>,
  consume: (data: D) => ConsumeResult | undefined,
  deps: HandlerDeps,
): SignalHandler {
  const { signal, noun } = spec;
  const { metrics, log } = deps;
  const fail = (transport: ReceiverTransport, failure: Failure, items: number): HandleResult => {
    const reason = FAILURE_REASON[failure.kind];
    metrics.request(signal, transport, reason);
    if (items > 0) metrics.rejected(signal, reason, items);
    return { ok: false, failure };
  };

  return {
    signal,
    handle(body, encoding, transport) {
      const decoded = spec.decode(body, encoding);
      if (!decoded.ok) {
        log.warn('rejected a malformed OTLP request', { signal, transport, encoding, error: decoded.error });
        const what = encoding === 'json' ? 'OTLP/JSON' : 'protobuf';
        return fail(transport, { kind: 'bad_data', message: `malformed ${what} ${signal} request: ${decoded.error}` }, 0);
      }
      const validation = validateItems(decoded.value, spec.layout);
      metrics.received(signal, transport, validation.items);
      for (const [reason, n] of validation.reasons) metrics.rejected(signal, reason, n);
      const messages: string[] = [];
      if (validation.rejected > 0) {
        messages.push(describeRejections(validation, noun));
        log.warn('rejected invalid OTLP items', { signal, transport, message: messages[0] });
      }

      let consumed: ConsumeResult | undefined;
      try {
        consumed = consume(validation.data);
      } catch (err) {
        const failure = failureFromError(err);
        const logAt = failure.kind === 'throttled' ? log.warn : log.error;
        logAt('the next consumer failed', { signal, transport, kind: failure.kind, error: failure.message });
        return fail(transport, failure, validation.items - validation.rejected);
      }
      let rejected = validation.rejected;
      if (consumed && consumed.rejected > 0) {
        rejected += consumed.rejected;
        metrics.rejected(signal, 'consumer_rejected', consumed.rejected);
      }
      if (consumed && consumed.message !== '') messages.push(consumed.message);

      // A warning with nothing rejected is still partial_success (OTLP spec "Partial Success").
      const partial = rejected > 0 || messages.length > 0 ? { rejected, message: messages.join('; ') } : undefined;
      metrics.request(signal, transport, rejected > 0 ? 'partial_success' : 'success');
      return {
        ok: true,
        partial,
        accepted: validation.items - rejected,
        rejected,
        toProtobuf: () => spec.encode(decoded.value),
      };
    },
  };
}
