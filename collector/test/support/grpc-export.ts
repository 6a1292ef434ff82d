/** A raw OTLP/gRPC caller for end-to-end tests: exact bytes out, the status or the response back. */
import { Client, credentials, Metadata } from '@grpc/grpc-js';
import type { ServiceError } from '@grpc/grpc-js';
import { GRPC_EXPORT_PATHS } from '../../src/otlp/grpc-paths';
import type { Signal } from '../../src/otlp';

export type GrpcReply = { ok: true; response: Buffer } | { ok: false; code: number; details: string };

const identity = (b: Buffer): Buffer => b;

/** Sends `body` as is (identity serializers), so malformed messages reach the server unchanged. */
export function grpcExport(address: string, signal: Signal, body: Uint8Array): Promise<GrpcReply> {
  const client = new Client(address, credentials.createInsecure());
  return new Promise<GrpcReply>((resolve) => {
    client.makeUnaryRequest(
      GRPC_EXPORT_PATHS[signal],
      identity,
      identity,
      Buffer.from(body),
      new Metadata(),
      (err: ServiceError | null, value?: Buffer) =>
        resolve(err ? { ok: false, code: err.code, details: err.details } : { ok: true, response: value ?? Buffer.alloc(0) }),
    );
  }).finally(() => client.close());
}
