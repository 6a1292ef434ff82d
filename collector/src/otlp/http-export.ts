/**
 * Answers one OTLP/HTTP export request: checks auth, content type and encoding, reads the body
 * under the size limit, runs the shared handler and writes the OTLP answer. Never throws: every
 * problem becomes a status with a google.rpc.Status body in the request's encoding.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { authFailure } from './authorize';
import type { Authorize } from '../model';
import { encodeExportResponse, encodeStatus } from './codec';
import type { Encoding } from './codec';
import { failureStatus, retryAfterHeader } from './errors';
import type { Failure } from './errors';
import type { ForwardSink } from './forward/forward-request';
import type { SignalHandler } from './handler';
import { compressionOf, contentTypeOf, encodingOfContentType, unsupportedContentType } from './media-type';
import { discardBody, readBody } from './read-body';
import type { RateLimitedLog } from './rate-limited-log';
import type { ReceiverMetrics } from './receiver-metrics';
import { FAILURE_REASON } from './receiver-metrics';

export interface HttpExportContext {
  limit: number;
  metrics: ReceiverMetrics;
  log: RateLimitedLog;
  authorize?: Authorize;
  forward?: ForwardSink;
}

/** Writes a failure: status, Retry-After when there is one, and a google.rpc.Status body. */
export function sendFailure(res: ServerResponse, failure: Failure, encoding: Encoding): void {
  const status = failureStatus(failure.kind);
  const headers: Record<string, string> = { 'Content-Type': contentTypeOf(encoding) };
  const retryAfter = retryAfterHeader(failure);
  if (retryAfter !== undefined) headers['Retry-After'] = retryAfter;
  if (failure.kind === 'method_not_allowed') headers.Allow = 'POST';
  send(res, status.http, headers, encodeStatus(status.grpc, failure.message, encoding));
}

function send(res: ServerResponse, status: number, headers: Record<string, string>, body: Uint8Array): void {
  if (res.headersSent || res.destroyed) return;
  res.writeHead(status, { ...headers, 'Content-Length': String(body.length) });
  res.end(body);
}

/** Refuses a request before its body was read: answer, then drop the body the client still sends. */
export function refuse(req: IncomingMessage, res: ServerResponse, failure: Failure, encoding: Encoding, limit: number): void {
  sendFailure(res, failure, encoding);
  discardBody(req, limit);
}

export async function handleHttpExport(
  req: IncomingMessage,
  res: ServerResponse,
  handler: SignalHandler,
  ctx: HttpExportContext,
): Promise<void> {
  const { signal } = handler;
  const encoding = encodingOfContentType(req.headers['content-type']);
  const early = (failure: Failure): void => {
    ctx.metrics.request(signal, 'http', FAILURE_REASON[failure.kind]);
    if (failure.kind !== 'unauthenticated' && failure.kind !== 'forbidden') {
      ctx.log.warn('refused an OTLP/HTTP request', { signal, status: failureStatus(failure.kind).http, error: failure.message });
    }
    // Before the content type is known, JSON is the readable choice.
    refuse(req, res, failure, encoding ?? 'json', ctx.limit);
  };

  const denied = authFailure(ctx.authorize, req.headers.authorization);
  if (denied) return early(denied);
  if (!encoding) return early(unsupportedContentType(req.headers['content-type']));
  const compression = compressionOf(req.headers['content-encoding']);
  if (typeof compression !== 'string') return early(compression);
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > ctx.limit) {
    return early({
      kind: 'too_large',
      message: `request body of ${declared} bytes exceeds the limit of ${ctx.limit} bytes (receivers.otlp.http.max_request_body_bytes)`,
    });
  }

  const read = await readBody(req, ctx.limit, compression === 'gzip');
  ctx.metrics.bytes(signal, 'http', read.wireBytes, read.inflatedBytes);
  if (!read.ok) {
    if (!read.failure) return; // the client went away mid-body: nobody to answer
    ctx.metrics.request(signal, 'http', FAILURE_REASON[read.failure.kind]);
    ctx.log.warn('refused an OTLP/HTTP request', { signal, error: read.failure.message });
    return refuse(req, res, read.failure, encoding, ctx.limit);
  }

  const result = handler.handle(read.body, encoding, 'http');
  if (!result.ok) return sendFailure(res, result.failure, encoding);
  send(res, 200, { 'Content-Type': contentTypeOf(encoding) }, encodeExportResponse(signal, result.partial, encoding));
  ctx.forward?.({
    signal,
    body: read.raw,
    encoding,
    gzip: compression === 'gzip',
    toProtobuf: result.toProtobuf,
  });
}
