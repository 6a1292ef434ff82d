/** The `receivers.otlp` config section: where the OTLP/HTTP and OTLP/gRPC receivers listen, and their limits. */
import { bool, endpoint, int, num, obj, parseEndpoint } from '../config';
import type { ValueOf } from '../config';

// OTLP recommends accepting requests up to 64 MiB, counted after decompression (spec "Size limits").
const MAX_BODY = 64 * 1024 * 1024;

export const otlpReceiverConfigSchema = obj(
  {
    http: obj({
      enabled: bool(true, 'serve OTLP/HTTP (protobuf and JSON on one port)'),
      // Loopback by default: exposing the port is a decision, not an accident.
      endpoint: endpoint('127.0.0.1:4318', 'host:port to listen on; 0.0.0.0:4318 for every interface'),
      max_request_body_bytes: int(MAX_BODY, 'largest request body, before and after gzip decompression (413 above)', {
        min: 1,
      }),
      // Each request in flight may hold up to max_request_body_bytes: 64 × 64 MiB bounds memory at 4 GiB.
      max_concurrent_requests: int(64, 'requests read at the same time; more get 503 with Retry-After', { min: 1 }),
    }),
    grpc: obj({
      enabled: bool(true, 'serve OTLP/gRPC'),
      endpoint: endpoint('127.0.0.1:4317', 'host:port to listen on; 0.0.0.0:4317 for every interface'),
      max_request_body_bytes: int(MAX_BODY, 'largest message, after decompression (RESOURCE_EXHAUSTED above)', { min: 1 }),
    }),
    bad_input_log_interval_seconds: num(10, 'bad requests are logged at most once per this many seconds', { min: 0 }),
    shutdown_timeout_seconds: num(5, 'time given to requests in flight at shutdown', { min: 0 }),
  },
  'the OTLP receivers',
);

export type OtlpReceiverConfig = ValueOf<typeof otlpReceiverConfigSchema>;

export function defaultOtlpReceiverConfig(): OtlpReceiverConfig {
  const d = otlpReceiverConfigSchema.defaultValue;
  return { ...d, http: { ...d.http }, grpc: { ...d.grpc } };
}

/** Rules across keys; messages name the YAML path under `path` (normally `receivers.otlp`). */
export function validateOtlpReceiverConfig(config: OtlpReceiverConfig, path = 'receivers.otlp'): string[] {
  const errors: string[] = [];
  const { http, grpc } = config;
  const sameAddress = http.endpoint === grpc.endpoint;
  if (http.enabled && grpc.enabled && sameAddress && parseEndpoint(http.endpoint)?.port !== 0) {
    errors.push(`${path}.grpc.endpoint: must differ from ${path}.http.endpoint, got ${JSON.stringify(grpc.endpoint)}`);
  }
  return errors;
}
