/**
 * The receivers' error classes and the one mapping from a failure to an HTTP status and a gRPC
 * status code (OTLP spec "Failures"; reference otlp-and-semconv.md §1.6–1.8). Every answer that
 * is not a success goes through `failureStatus`, so HTTP and gRPC always agree.
 */

/** Bad data: never retried by a well-behaved client (HTTP 400, gRPC INVALID_ARGUMENT). */
export class PermanentError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PermanentError';
  }
}

/** Load was shed: the client should come back after `retryAfterSeconds`. */
export class OverloadError extends Error {
  constructor(
    message: string,
    readonly retryAfterSeconds = 1,
  ) {
    super(message);
    this.name = 'OverloadError';
  }
}

/** A fault of ours, not the client's and not likely to pass by itself (HTTP 500). */
export class InternalError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InternalError';
  }
}

/** What went wrong with one request, independent of the transport. */
export type FailureKind =
  | 'bad_data'
  | 'too_large'
  | 'unsupported_media_type'
  | 'unauthenticated'
  | 'forbidden'
  | 'not_found'
  | 'method_not_allowed'
  | 'throttled'
  | 'unavailable'
  | 'internal';

export interface Failure {
  kind: FailureKind;
  message: string;
  /** Sent as Retry-After (HTTP) or RetryInfo (gRPC); only for `throttled` and `unavailable`. */
  retryAfterSeconds?: number;
}

/** gRPC status codes used here (grpc/doc/statuscodes.md). */
export const GrpcCode = {
  OK: 0,
  INVALID_ARGUMENT: 3,
  PERMISSION_DENIED: 7,
  RESOURCE_EXHAUSTED: 8,
  UNIMPLEMENTED: 12,
  INTERNAL: 13,
  UNAVAILABLE: 14,
  UNAUTHENTICATED: 16,
} as const;

export interface FailureStatus {
  http: number;
  grpc: number;
}

// Overload from the consumer is 429 on HTTP (the Collector maps RESOURCE_EXHAUSTED there) but
// UNAVAILABLE on gRPC: the spec names UNAVAILABLE for backpressure, and RESOURCE_EXHAUSTED is
// retried only with RetryInfo. Too large is RESOURCE_EXHAUSTED without RetryInfo: not retried.
const STATUS: Record<FailureKind, FailureStatus> = {
  bad_data: { http: 400, grpc: GrpcCode.INVALID_ARGUMENT },
  too_large: { http: 413, grpc: GrpcCode.RESOURCE_EXHAUSTED },
  unsupported_media_type: { http: 415, grpc: GrpcCode.UNIMPLEMENTED },
  unauthenticated: { http: 401, grpc: GrpcCode.UNAUTHENTICATED },
  forbidden: { http: 403, grpc: GrpcCode.PERMISSION_DENIED },
  not_found: { http: 404, grpc: GrpcCode.UNIMPLEMENTED },
  method_not_allowed: { http: 405, grpc: GrpcCode.UNIMPLEMENTED },
  throttled: { http: 429, grpc: GrpcCode.UNAVAILABLE },
  unavailable: { http: 503, grpc: GrpcCode.UNAVAILABLE },
  internal: { http: 500, grpc: GrpcCode.INTERNAL },
};

export function failureStatus(kind: FailureKind): FailureStatus {
  return STATUS[kind];
}

/** Classifies anything a consumer threw: bad data, overload, ours, or (by default) transient. */
export function failureFromError(err: unknown): Failure {
  if (err instanceof PermanentError) return { kind: 'bad_data', message: err.message };
  if (err instanceof OverloadError) {
    return { kind: 'throttled', message: err.message, retryAfterSeconds: err.retryAfterSeconds };
  }
  if (err instanceof InternalError) return { kind: 'internal', message: err.message };
  const message = err instanceof Error ? err.message : String(err);
  return { kind: 'unavailable', message: `temporarily unable to process the request: ${message}` };
}

/** The Retry-After header value (whole seconds, at least 1), or undefined when there is none. */
export function retryAfterHeader(failure: Failure): string | undefined {
  if (failure.retryAfterSeconds === undefined) return undefined;
  return String(Math.max(1, Math.ceil(failure.retryAfterSeconds)));
}
