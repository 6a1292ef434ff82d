/**
 * Sends a request to an OTLP/gRPC next hop as raw protobuf through the Export method of the
 * signal's service. A body that arrived gzipped over HTTP is inflated first (gRPC compresses per
 * message, not per body). Retryable codes follow the OTLP spec "Failures".
 */
import { Client, credentials, Metadata } from '@grpc/grpc-js';
import type { ServiceError } from '@grpc/grpc-js';
import { promisify } from 'node:util';
import { gunzip } from 'node:zlib';
import { GRPC_EXPORT_PATHS } from '../grpc-paths';
import { parseRetryInfo } from '../retry-info';
import type { ForwardTransport, OutgoingRequest, SendResult } from './send-result';

const inflate = promisify(gunzip);

export interface GrpcTransportOptions {
  endpoint: string;
  headers: Record<string, string>;
  timeoutMs: number;
}

// CANCELLED, DEADLINE_EXCEEDED, ABORTED, OUT_OF_RANGE, UNAVAILABLE, DATA_LOSS.
const RETRYABLE = new Set([1, 4, 10, 11, 14, 15]);
const RESOURCE_EXHAUSTED = 8;

/** `host:4317`, `http://host:4317` (plaintext) or `https://host:4317` (TLS). */
export function grpcTarget(endpoint: string): { target: string; secure: boolean } {
  const match = /^(https?):\/\/([^/]+)\/?$/.exec(endpoint);
  if (!match) return { target: endpoint, secure: false };
  return { target: match[2], secure: match[1] === 'https' };
}

const identity = (b: Buffer): Buffer => b;

export function classifyGrpcError(err: ServiceError): SendResult {
  const error = `next hop answered gRPC code ${err.code}: ${err.details}`;
  const details = err.metadata?.get('grpc-status-details-bin')[0];
  const retryAfterMs = Buffer.isBuffer(details) ? parseRetryInfo(details) : undefined;
  if (RETRYABLE.has(err.code)) return { kind: 'retryable', error, retryAfterMs };
  // RESOURCE_EXHAUSTED is retryable only when the server says when (RetryInfo).
  if (err.code === RESOURCE_EXHAUSTED && retryAfterMs !== undefined) return { kind: 'retryable', error, retryAfterMs };
  return { kind: 'failure', error };
}

export function createGrpcTransport(options: GrpcTransportOptions): ForwardTransport {
  const { target, secure } = grpcTarget(options.endpoint);
  const client = new Client(target, secure ? credentials.createSsl() : credentials.createInsecure());

  const metadataOf = (): Metadata => {
    const metadata = new Metadata();
    for (const [key, value] of Object.entries(options.headers)) metadata.set(key.toLowerCase(), value);
    return metadata;
  };

  return {
    async send(request: OutgoingRequest, signal: AbortSignal): Promise<SendResult> {
      let body: Buffer;
      try {
        body = request.gzip ? await inflate(request.body) : Buffer.from(request.body);
      } catch (err) {
        return { kind: 'failure', error: `cannot inflate the gzip body: ${(err as Error).message}` };
      }
      if (signal.aborted) return { kind: 'failure', error: 'aborted at shutdown' };
      return new Promise((resolve) => {
        const deadline = new Date(Date.now() + options.timeoutMs);
        const call = client.makeUnaryRequest(
          GRPC_EXPORT_PATHS[request.signal],
          identity,
          identity,
          body,
          metadataOf(),
          { deadline },
          (err) => {
            signal.removeEventListener('abort', cancel);
            if (!err) return resolve({ kind: 'success' });
            resolve(signal.aborted ? { kind: 'failure', error: 'aborted at shutdown' } : classifyGrpcError(err));
          },
        );
        const cancel = () => call.cancel();
        signal.addEventListener('abort', cancel, { once: true });
      });
    },
    close() {
      client.close();
    },
  };
}
