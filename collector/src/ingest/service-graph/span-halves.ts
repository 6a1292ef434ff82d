import { SpanKind, StatusCode } from '../../otlp';
import type { AnyValue, Span } from '../../otlp';
import type { SpanOrigin } from '../span-sink';
import type { HalfEdge, SpanRole } from './edge-store';
import type { Endpoint } from './edge-table';
import type { PeerNaming, VirtualNode } from './peer-naming';

/** What waits in the store for one span: no reference to the span itself, so it can be collected. */
export interface SpanHalf extends HalfEdge {
  endpoint: Endpoint;
  startNs: number;
  endNs: number;
  failed: boolean;
  weight: number;
  /** Client side: the virtual callee should the server never come (named now, while the attributes are at hand). */
  peer: VirtualNode | undefined;
  /** Client side: the span carries db.system(.name) / messaging.system, so an unpaired edge is a database / messaging edge. */
  database: boolean;
  messaging: boolean;
}

export const ROLE_OF: Partial<Record<number, SpanRole>> = {
  [SpanKind.CLIENT]: 'client',
  [SpanKind.SERVER]: 'server',
  [SpanKind.PRODUCER]: 'producer',
  [SpanKind.CONSUMER]: 'consumer',
};

export const isClientSide = (role: SpanRole) => role === 'client' || role === 'producer';

function httpStatus(value: AnyValue | undefined): number {
  if (typeof value === 'number') return value;
  return typeof value === 'string' ? Number(value) : 0;
}

/** Failed: status ERROR on either side; for a server also an HTTP 5xx (new and old attribute names). */
function isFailed(span: Span, role: SpanRole): boolean {
  if (span.status.code === StatusCode.ERROR) return true;
  if (role !== 'server') return false;
  const attributes = span.attributes;
  return httpStatus(attributes['http.response.status_code'] ?? attributes['http.status_code']) >= 500;
}

const present = (value: AnyValue | undefined) => value !== undefined && value !== null && value !== '';

/** Interns the endpoints of services that send spans, so waiting spans share one object per service. */
export function createServiceEndpoints(max = 10_000) {
  const known = new Map<string, Endpoint>();
  return (id: string, origin: SpanOrigin): Endpoint => {
    const found = known.get(id);
    if (found) return found;
    const ns = origin.resource['service.namespace'];
    const endpoint: Endpoint = {
      id,
      type: 'service',
      name: origin.serviceName ?? id.slice(8),
      namespace: typeof ns === 'string' ? ns : '',
      virtual: false,
    };
    if (known.size < max) known.set(id, endpoint);
    return endpoint;
  };
}

export function spanHalf(span: Span, role: SpanRole, endpoint: Endpoint, weight: number, origin: SpanOrigin, naming: PeerNaming): SpanHalf {
  const clientSide = isClientSide(role);
  const a = span.attributes;
  return {
    role,
    expiresAtMs: 0,
    endpoint,
    startNs: span.startTimeUnixNano,
    endNs: span.endTimeUnixNano,
    failed: isFailed(span, role),
    weight,
    peer: clientSide ? naming.callee(a, origin.resource) : undefined,
    database: clientSide && (present(a['db.system.name']) || present(a['db.system'])),
    messaging: clientSide && present(a['messaging.system']),
  };
}

export const seconds = (half: SpanHalf) => Math.max(0, (half.endNs - half.startNs) / 1e9);
