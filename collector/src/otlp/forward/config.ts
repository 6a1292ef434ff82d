/** The `forward` config section: an optional OTLP next hop that gets every accepted request. */
import { dict, int, num, obj, oneOf, str } from '../../config';
import type { ValueOf } from '../../config';

export const forwardConfigSchema = obj(
  {
    endpoint: str(
      '',
      'next hop; empty turns forwarding off. http: a base URL such as http://otelcol:4318 (/v1/<signal> is appended); grpc: otelcol:4317 or http(s)://otelcol:4317',
    ),
    protocol: oneOf(['http', 'grpc'] as const, 'http', 'OTLP transport to the next hop: http (OTLP/HTTP) or grpc (OTLP/gRPC)'),
    headers: dict(str('', 'header value'), 'headers (gRPC metadata) sent with every request, e.g. authorization'),
    timeout_seconds: num(10, 'time allowed for one attempt (the OTLP exporter default)', { min: 0.001 }),
    queue_max_requests: int(1000, 'requests waiting to be sent before new ones are dropped', { min: 1 }),
    // 256 MiB: four maximum-size requests, enough to ride out a short outage without risking memory.
    queue_max_bytes: int(268435456, 'bytes waiting to be sent before new requests are dropped', { min: 1 }),
    max_attempts: int(5, 'attempts per request, the first included (the OpenTelemetry JS default)', { min: 1, max: 100 }),
    initial_backoff_seconds: num(1, 'wait before the first retry; each next wait is 1.5 times longer', { min: 0.001 }),
    max_backoff_seconds: num(5, 'longest wait between attempts (unless the next hop asks for longer)', { min: 0.001 }),
    concurrency: int(8, 'requests sent at the same time', { min: 1, max: 1000 }),
  },
  'forwarding of received OTLP to a next hop',
);

export type ForwardConfig = ValueOf<typeof forwardConfigSchema>;

export function defaultForwardConfig(): ForwardConfig {
  return { ...forwardConfigSchema.defaultValue, headers: {} };
}

const HTTP_URL = /^https?:\/\/[^\s/?#]+(\/[^\s?#]*)?$/;
const GRPC_TARGET = /^((https?:\/\/)?[^\s/?#]+:[0-9]{1,5}\/?)$/;

/** Rules across keys; messages name the YAML path under `path` (normally `forward`). */
export function validateForwardConfig(config: ForwardConfig, path = 'forward'): string[] {
  const errors: string[] = [];
  const { endpoint, protocol } = config;
  if (endpoint !== '' && protocol === 'http' && !HTTP_URL.test(endpoint)) {
    errors.push(`${path}.endpoint: must be an http:// or https:// base URL when protocol is http, got ${JSON.stringify(endpoint)}`);
  }
  if (endpoint !== '' && protocol === 'grpc' && !GRPC_TARGET.test(endpoint)) {
    errors.push(
      `${path}.endpoint: must be host:port or http(s)://host:port when protocol is grpc, got ${JSON.stringify(endpoint)}`,
    );
  }
  if (config.initialBackoffSeconds > config.maxBackoffSeconds) {
    errors.push(
      `${path}.initial_backoff_seconds: must not exceed max_backoff_seconds (${config.maxBackoffSeconds}), got ${config.initialBackoffSeconds}`,
    );
  }
  return errors;
}
