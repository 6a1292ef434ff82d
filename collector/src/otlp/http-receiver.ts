/**
 * The OTLP/HTTP receiver: a plain node:http server (streaming control over the body matters more
 * here than routing comfort) serving POST /v1/traces, /v1/metrics and /v1/logs, binary protobuf
 * and JSON on the same port, with a cap on requests in flight.
 */
import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Authorize } from '../model';
import { formatEndpoint, requireEndpoint } from '../config';
import type { ForwardSink } from './forward/forward-request';
import type { SignalHandler } from './handler';
import { handleHttpExport, refuse } from './http-export';
import type { RateLimitedLog } from './rate-limited-log';
import type { ReceiverMetrics } from './receiver-metrics';
import type { Signal } from './telemetry';

export interface HttpReceiverConfig {
  endpoint: string;
  maxRequestBodyBytes: number;
  maxConcurrentRequests: number;
}

export interface ReceiverSettings {
  handlers: Record<Signal, SignalHandler>;
  metrics: ReceiverMetrics;
  log: RateLimitedLog;
  authorize?: Authorize;
  forward?: ForwardSink;
  /** How long shutdown waits for requests in flight before closing their connections. */
  shutdownTimeoutMs?: number;
}

export interface Receiver {
  start(): Promise<void>;
  shutdown(): Promise<void>;
  /** The bound `host:port` once started (the real port when configured with port 0). */
  address(): string | undefined;
}

const PATHS: Record<string, Signal> = { '/v1/traces': 'traces', '/v1/metrics': 'metrics', '/v1/logs': 'logs' };

export function createHttpReceiver(config: HttpReceiverConfig, settings: ReceiverSettings): Receiver {
  const { host, port } = requireEndpoint(config.endpoint);
  const ctx = { limit: config.maxRequestBodyBytes, ...settings };
  let inFlight = 0;
  let server: Server | undefined;
  let stopped: Promise<void> | undefined;

  const onRequest = (req: IncomingMessage, res: ServerResponse): void => {
    const signal = PATHS[(req.url ?? '').split('?')[0]];
    const refuseWith = (kind: 'not_found' | 'method_not_allowed' | 'unavailable', message: string) => {
      settings.metrics.request(signal ?? 'unknown', 'http', kind === 'unavailable' ? 'overloaded' : kind);
      const retry = kind === 'unavailable' ? { retryAfterSeconds: 1 } : {};
      refuse(req, res, { kind, message, ...retry }, 'json', ctx.limit);
    };
    if (!signal) return refuseWith('not_found', `no OTLP endpoint at ${JSON.stringify(req.url)}: use POST /v1/traces, /v1/metrics or /v1/logs`);
    if (req.method !== 'POST') return refuseWith('method_not_allowed', `method ${req.method} is not allowed: use POST`);
    // Shed load before reading anything: bodies in flight are what costs memory.
    if (inFlight >= config.maxConcurrentRequests) {
      return refuseWith('unavailable', `too many requests in flight (${config.maxConcurrentRequests}): retry later`);
    }
    inFlight++;
    res.on('close', () => inFlight--);
    handleHttpExport(req, res, settings.handlers[signal], ctx).catch((err: unknown) => {
      settings.log.error('OTLP/HTTP request failed unexpectedly', { signal, error: String(err) });
      if (!res.headersSent) res.destroy();
    });
  };

  return {
    start() {
      if (server) return Promise.resolve();
      const s = createServer(onRequest);
      server = s;
      return new Promise((resolve, reject) => {
        s.once('error', reject);
        s.listen(port, host, () => {
          s.off('error', reject);
          s.on('error', (err) => settings.log.error('OTLP/HTTP server error', { error: err.message }));
          resolve();
        });
      });
    },
    shutdown() {
      stopped ??= closeServer(server, settings.shutdownTimeoutMs ?? 5000);
      return stopped;
    },
    address() {
      const bound = server?.address() as AddressInfo | null | undefined;
      return bound ? formatEndpoint(bound.address, bound.port) : undefined;
    },
  };
}

/** Stops accepting, lets requests in flight finish, then cuts whatever is left at the deadline. */
function closeServer(server: Server | undefined, timeoutMs: number): Promise<void> {
  if (!server || !server.listening) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => server.closeAllConnections(), timeoutMs);
    timer.unref();
    server.close(() => {
      clearTimeout(timer);
      resolve();
    });
    server.closeIdleConnections();
  });
}
