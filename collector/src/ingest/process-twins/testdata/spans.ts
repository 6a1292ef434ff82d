import { SpanKind } from '../../../otlp';
import type { SpanRecord } from '../trace-buffer';

/** A span record from `startMs` to `endMs` (ms from 0) of `service:<service>`; test helper. */
export function rec(
  spanId: string,
  parentSpanId: string,
  service: string | undefined,
  startMs: number,
  endMs: number,
  extra: Partial<SpanRecord> = {},
): SpanRecord {
  return {
    spanId,
    parentSpanId,
    serviceId: service === undefined ? undefined : `service:${service}`,
    serviceName: service,
    name: `op ${spanId}`,
    kind: SpanKind.INTERNAL,
    startNs: startMs * 1e6,
    endNs: endMs * 1e6,
    statusError: false,
    httpStatus: 0,
    ...extra,
  };
}
