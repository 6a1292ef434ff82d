/**
 * The receivers' own figures, through the narrow MetricsRegistry: requests by outcome, items
 * received, items rejected by reason, and bytes before and after decompression.
 */
import type { MetricsRegistry } from '../model';
import type { FailureKind } from './errors';

export type ReceiverTransport = 'http' | 'grpc';

export interface ReceiverMetrics {
  /** `outcome` is success, partial_success or a failure reason such as malformed_request. */
  request(signal: string, transport: ReceiverTransport, outcome: string): void;
  received(signal: string, transport: ReceiverTransport, items: number): void;
  rejected(signal: string, reason: string, items: number): void;
  bytes(signal: string, transport: ReceiverTransport, wire: number, decompressed: number): void;
}

/** The reason label of a request-level failure, unless the caller has a more precise one. */
export const FAILURE_REASON: Record<FailureKind, string> = {
  bad_data: 'malformed_request',
  too_large: 'too_large',
  unsupported_media_type: 'unsupported_media_type',
  unauthenticated: 'unauthenticated',
  forbidden: 'forbidden',
  not_found: 'not_found',
  method_not_allowed: 'method_not_allowed',
  throttled: 'overloaded',
  unavailable: 'unavailable',
  internal: 'internal',
};

export function createReceiverMetrics(registry: MetricsRegistry): ReceiverMetrics {
  const requests = registry.counter('twinops_otlp_requests_total', 'OTLP export requests by signal, transport and outcome', [
    'signal',
    'transport',
    'outcome',
  ]);
  const items = registry.counter('twinops_otlp_items_received_total', 'Spans, data points and log records received', [
    'signal',
    'transport',
  ]);
  const rejected = registry.counter('twinops_otlp_items_rejected_total', 'Items rejected, by reason', ['signal', 'reason']);
  const wire = registry.counter('twinops_otlp_received_bytes_total', 'Request body bytes as received on the wire', [
    'signal',
    'transport',
  ]);
  const inflated = registry.counter(
    'twinops_otlp_decompressed_bytes_total',
    'Request body bytes after decompression (counted as produced, so a stopped gzip bomb shows how far it got)',
    ['signal', 'transport'],
  );
  return {
    request: (signal, transport, outcome) => requests.inc({ signal, transport, outcome }),
    received: (signal, transport, n) => items.inc({ signal, transport }, n),
    rejected: (signal, reason, n) => rejected.inc({ signal, reason }, n),
    bytes: (signal, transport, wireBytes, decompressedBytes) => {
      wire.inc({ signal, transport }, wireBytes);
      inflated.inc({ signal, transport }, decompressedBytes);
    },
  };
}
