/**
 * Builds the OTLP intake: the shared per-signal handlers, the HTTP and gRPC receivers, and the
 * forwarder behind them, with one lifecycle. A request answered with success (full or partial)
 * is forwarded as it came; one answered with an error is not (the client retries or it is bad).
 */
import type { MetricsRegistry } from '../model';
import type { Authorize } from '../model';
import type { OtlpReceiverConfig } from './config';
import { createForwarder } from './forward';
import type { ForwardConfig, ForwarderSettings } from './forward';
import { createGrpcReceiver } from './grpc-receiver';
import { createSignalHandler } from './handler';
import { createHttpReceiver } from './http-receiver';
import type { Receiver, ReceiverSettings } from './http-receiver';
import { createRateLimitedLog } from './rate-limited-log';
import type { Logger } from '../model';
import { createReceiverMetrics } from './receiver-metrics';
import { LOGS, METRICS, TRACES } from './signal-specs';
import type { LogsConsumer, MetricsConsumer, TracesConsumer } from './telemetry';

export interface OtlpReceiversConfig {
  otlp: OtlpReceiverConfig;
  forward: ForwardConfig;
}

export interface OtlpReceiversSettings {
  consumers: { traces: TracesConsumer; metrics: MetricsConsumer; logs: LogsConsumer };
  metrics: MetricsRegistry;
  logger: Logger;
  /** The shared auth check; every request is allowed without it. */
  authorize?: Authorize;
  /** Milliseconds since the epoch; for the log rate limit. */
  now?: () => number;
  /** Overrides for the forwarder (tests: a fake transport, an instant sleep). */
  forwarder?: Partial<Pick<ForwarderSettings, 'transport' | 'sleep' | 'random' | 'drainTimeoutMs'>>;
}

export interface OtlpReceivers {
  /** Opens the enabled ports; rejects (with nothing left open) when one cannot be bound. */
  start(): Promise<void>;
  /** Stops intake first, then drains the forwarder; safe twice and without start. */
  shutdown(): Promise<void>;
  httpAddress(): string | undefined;
  grpcAddress(): string | undefined;
}

export function createOtlpReceivers(config: OtlpReceiversConfig, settings: OtlpReceiversSettings): OtlpReceivers {
  const { consumers, logger } = settings;
  const now = settings.now ?? Date.now;
  const deps = {
    metrics: createReceiverMetrics(settings.metrics),
    log: createRateLimitedLog(logger, config.otlp.badInputLogIntervalSeconds * 1000, now),
  };
  const forwarder = createForwarder(config.forward, { metrics: settings.metrics, logger, now, ...settings.forwarder });
  const receiverSettings: ReceiverSettings = {
    ...deps,
    handlers: {
      traces: createSignalHandler(TRACES, (d) => consumers.traces.consumeTraces(d), deps),
      metrics: createSignalHandler(METRICS, (d) => consumers.metrics.consumeMetrics(d), deps),
      logs: createSignalHandler(LOGS, (d) => consumers.logs.consumeLogs(d), deps),
    },
    authorize: settings.authorize,
    forward: config.forward.endpoint === '' ? undefined : (request) => forwarder.enqueue(request),
    shutdownTimeoutMs: config.otlp.shutdownTimeoutSeconds * 1000,
  };
  const { http, grpc } = config.otlp;
  const httpReceiver = http.enabled ? createHttpReceiver(http, receiverSettings) : undefined;
  const grpcReceiver = grpc.enabled ? createGrpcReceiver(grpc, receiverSettings) : undefined;
  const receivers = [httpReceiver, grpcReceiver].filter((r): r is Receiver => r !== undefined);
  let stopped: Promise<void> | undefined;

  const shutdown = (): Promise<void> => {
    stopped ??= (async () => {
      await Promise.all(receivers.map((r) => r.shutdown()));
      await forwarder.shutdown();
    })();
    return stopped;
  };

  return {
    async start() {
      try {
        for (const receiver of receivers) await receiver.start();
      } catch (err) {
        await shutdown();
        throw err;
      }
      logger.info('OTLP receivers listening', { http: httpReceiver?.address(), grpc: grpcReceiver?.address() });
    },
    shutdown,
    httpAddress: () => httpReceiver?.address(),
    grpcAddress: () => grpcReceiver?.address(),
  };
}
