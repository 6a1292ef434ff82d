/**
 * The OTLP/gRPC receiver: a @grpc/grpc-js server with a hand-written definition of the three
 * Export services. Messages pass as raw Buffers (identity (de)serializers) and go through the
 * same codec and handler as HTTP; grpc-js itself inflates gzip and enforces the size limit.
 */
import { Metadata, Server, ServerCredentials } from '@grpc/grpc-js';
import type { sendUnaryData, ServerUnaryCall, ServiceDefinition, StatusObject } from '@grpc/grpc-js';
import { authFailure } from './authorize';
import { encodeExportResponse, encodeStatus } from './codec';
import { failureStatus } from './errors';
import type { Failure } from './errors';
import { formatEndpoint, requireEndpoint } from '../config';
import { GRPC_EXPORT_PATHS } from './grpc-paths';
import type { Receiver, ReceiverSettings } from './http-receiver';
import { FAILURE_REASON } from './receiver-metrics';
import { retryInfoDetail } from './retry-info';
import type { Signal } from './telemetry';

export interface GrpcReceiverConfig {
  endpoint: string;
  maxRequestBodyBytes: number;
}

const identity = (b: Buffer): Buffer => b;

export function exportServiceDefinition(signal: Signal): ServiceDefinition {
  return {
    Export: {
      path: GRPC_EXPORT_PATHS[signal],
      requestStream: false,
      responseStream: false,
      requestSerialize: identity,
      requestDeserialize: identity,
      responseSerialize: identity,
      responseDeserialize: identity,
    },
  };
}

/** A gRPC error status; retryable failures carry RetryInfo in `grpc-status-details-bin`. */
export function grpcError(failure: Failure): Partial<StatusObject> {
  const code = failureStatus(failure.kind).grpc;
  const metadata = new Metadata();
  if (failure.retryAfterSeconds !== undefined) {
    const status = Buffer.concat([encodeStatus(code, failure.message, 'protobuf'), retryInfoDetail(failure.retryAfterSeconds)]);
    metadata.set('grpc-status-details-bin', status);
  }
  return { code, details: failure.message, metadata };
}

export function createGrpcReceiver(config: GrpcReceiverConfig, settings: ReceiverSettings): Receiver {
  const { host, port } = requireEndpoint(config.endpoint);
  let server: Server | undefined;
  let boundPort: number | undefined;
  let stopped: Promise<void> | undefined;

  const exportHandler = (signal: Signal) => (call: ServerUnaryCall<Buffer, Buffer>, callback: sendUnaryData<Buffer>) => {
    const header = call.metadata.get('authorization')[0];
    const denied = authFailure(settings.authorize, header === undefined ? undefined : String(header));
    if (denied) {
      settings.metrics.request(signal, 'grpc', FAILURE_REASON[denied.kind]);
      return callback(grpcError(denied));
    }
    const body = call.request;
    settings.metrics.bytes(signal, 'grpc', body.length, body.length);
    const result = settings.handlers[signal].handle(body, 'protobuf', 'grpc');
    if (!result.ok) return callback(grpcError(result.failure));
    callback(null, Buffer.from(encodeExportResponse(signal, result.partial, 'protobuf')));
    settings.forward?.({ signal, body, encoding: 'protobuf', gzip: false, toProtobuf: result.toProtobuf });
  };

  return {
    start() {
      if (server) return Promise.resolve();
      const s = new Server({
        'grpc.max_receive_message_length': config.maxRequestBodyBytes,
        // OTLP recommends capping responses at 4 MiB (spec "Size limits").
        'grpc.max_send_message_length': 4 * 1024 * 1024,
      });
      for (const signal of ['traces', 'metrics', 'logs'] as const) {
        s.addService(exportServiceDefinition(signal), { Export: exportHandler(signal) });
      }
      server = s;
      return new Promise((resolve, reject) => {
        s.bindAsync(formatEndpoint(host, port), ServerCredentials.createInsecure(), (err, bound) => {
          if (err) return reject(err);
          boundPort = bound;
          resolve();
        });
      });
    },
    shutdown() {
      stopped ??= closeServer(server, settings.shutdownTimeoutMs ?? 5000);
      return stopped;
    },
    address() {
      return boundPort === undefined ? undefined : formatEndpoint(host, boundPort);
    },
  };
}

function closeServer(server: Server | undefined, timeoutMs: number): Promise<void> {
  if (!server) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => server.forceShutdown(), timeoutMs);
    timer.unref();
    server.tryShutdown(() => {
      clearTimeout(timer);
      resolve();
    });
  });
}
