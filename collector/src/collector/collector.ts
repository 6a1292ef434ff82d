/**
 * Wiring: builds every component from the config, hands each its next consumer through Settings,
 * starts them downstream first (twin and inventory, API, then receivers) and stops them upstream
 * first, so no request reaches a component that is not ready and every component can drain.
 */
import { createTwin } from '../model';
import type { Logger, Twin } from '../model';
import { createIngest } from '../ingest';
import { createOtlpReceivers } from '../otlp';
import { createApiServer, createAuthorizer } from '../api';
import { createPrometheusRegistry } from '../export';
import type { CollectorConfig } from './config';
import { startSelfTelemetry } from './self-telemetry';

export interface CollectorSettings {
  logger: Logger;
  env: NodeJS.ProcessEnv;
  version: string;
}

export interface CollectorEndpoints {
  otlpHttp: string | undefined;
  otlpGrpc: string | undefined;
  api: string | undefined;
}

export interface Collector {
  readonly twin: Twin;
  start(): Promise<void>;
  shutdown(): Promise<void>;
  /** Where each server is bound (the real ports when the config asked for port 0). */
  endpoints(): CollectorEndpoints;
  /** Reads the inventory file again; returns its problems (the old inventory stays when there are any). */
  reloadInventory(): Promise<string[]>;
}

export function createCollector(config: CollectorConfig, settings: CollectorSettings): Collector {
  const { logger, env, version } = settings;
  const clock = { now: () => Date.now() };
  const metrics = createPrometheusRegistry();
  const authorize = createAuthorizer(config.auth, env);
  const selfTelemetry = startSelfTelemetry(config.selfTelemetry, version);
  const twin = createTwin(config.twin, { clock, metrics });
  const ingest = createIngest(config.twin, { twin, clock, metrics });
  const receivers = createOtlpReceivers(
    { otlp: config.receivers.otlp, forward: config.forward },
    { consumers: selfTelemetry.instrument(ingest), metrics, logger, authorize, now: clock.now },
  );
  let receiving = false;
  const api = createApiServer(config.api, {
    twin,
    metrics,
    authorize,
    version,
    clock,
    logger,
    ready: () => (receiving ? { ready: true } : { ready: false, reason: 'the OTLP receivers are not listening' }),
    historyRetentionSeconds: config.twin.history.retentionSeconds,
    serviceGraphStats: () => ingest.serviceGraphStats(),
  });

  let stopping: Promise<void> | undefined;
  return {
    twin,
    async start() {
      await ingest.start();
      await api.start();
      await receivers.start();
      receiving = true;
    },
    shutdown() {
      stopping ??= (async () => {
        receiving = false;
        await receivers.shutdown();
        await api.shutdown();
        await ingest.shutdown();
        await selfTelemetry.shutdown();
      })();
      return stopping;
    },
    endpoints: () => ({ otlpHttp: receivers.httpAddress(), otlpGrpc: receivers.grpcAddress(), api: api.address() }),
    reloadInventory: () => ingest.reload(),
  };
}
