/**
 * Wiring: builds every component from the config, hands each its next consumer through Settings,
 * starts them downstream first (twin and inventory, API, then receivers) and stops them upstream
 * first, so no request reaches a component that is not ready and every component can drain.
 */
import { createCalibrator } from '../physics';
import type { Calibrator } from '../physics';
import { createSimulationService } from '../simulate';
import { InMemoryMetricsRegistry, createTwin } from '../model';
import type { Logger, Twin } from '../model';
import { createIngest } from '../ingest';
import { createOtlpReceivers } from '../otlp';
import { createApiServer, createAuthorizer } from '../api';
import { createPrometheusRegistry } from '../export';
import { openStore } from '../store';
import type { TwinStore } from '../store';
import { createPersistence } from '../persistence';
import type { Persistence } from '../persistence';
import { computeHealth, createLiveAnalytics, readPrometheusHistory } from '../analytics';
import { createDesiredState } from '../control';
import type { DesiredState } from '../control';
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
  /** The twin the API answers from (with a shared store: every collector's merged state). */
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
  const shared = config.store.driver === 'postgres';
  const retentionMs = config.twin.history.retentionSeconds * 1000;
  // With a shared store, ingest's twin holds this collector's contribution; the API reads the
  // merged view. Its own gauges would clash with the ingest twin's, so they stay unexported.
  const view = shared ? createTwin(config.twin, { clock, metrics: new InMemoryMetricsRegistry() }) : twin;
  const ingest = createIngest(config.twin, { twin, clock, metrics });
  const analytics = config.analytics.live.enabled
    ? createLiveAnalytics(config.analytics.live, { twin: view, clock, metrics, logger, health: computeHealth })
    : undefined;
  let store: TwinStore | undefined;
  let persistence: Persistence | undefined;
  let calibrator: Calibrator | undefined;
  const simulation = createSimulationService(config.simulate, {
    twin: view,
    clock,
    metrics,
    dataCenter: () => {
      const fit = opened(calibrator);
      return fit.latest() ?? fit.refit(clock.now());
    },
  });
  let desired: DesiredState | undefined;
  const opened = <T>(part: T | undefined): T => {
    if (part === undefined) throw new Error('the store is not open');
    return part;
  };
  const receivers = createOtlpReceivers(
    { otlp: config.receivers.otlp, forward: config.forward },
    { consumers: selfTelemetry.instrument(ingest), metrics, logger, authorize, now: clock.now },
  );
  let receiving = false;
  const api = createApiServer(config.api, {
    twin: view,
    metrics,
    authorize,
    version,
    clock,
    logger,
    ready: () => (receiving ? { ready: true } : { ready: false, reason: 'the OTLP receivers are not listening' }),
    historyRetentionSeconds: config.twin.history.retentionSeconds,
    serviceGraphStats: () => ingest.serviceGraphStats(),
    signalArchive: {
      memoryMs: retentionMs,
      query: (query) => opened(store).querySignal(query),
    },
    desiredState: { set: (id, values, actor) => opened(desired).set(id, values, actor) },
    audit: { listAudit: (query) => opened(store).listAudit(query) },
    simulation,
    scenarios: {
      saveScenario: (input) => opened(store).saveScenario(input),
      listScenarios: () => opened(store).listScenarios(),
      getScenario: (name) => opened(store).getScenario(name),
      deleteScenario: (name) => opened(store).deleteScenario(name),
    },
    ...(analytics ? { analytics } : {}),
  });

  let stopping: Promise<void> | undefined;
  return {
    twin: view,
    async start() {
      store = await openStore(config.store, {
        clock,
        resolutionMs: config.twin.history.resolutionSeconds * 1000,
      });
      persistence = createPersistence(config.store, {
        twin,
        ...(shared ? { sharedView: view } : {}),
        store,
        clock,
        logger,
        metrics,
        retentionMs,
        afterSync: () => opened(desired).load(),
      });
      desired = createDesiredState(view, store);
      await persistence.start();
      await desired.load();
      logger.info('store open', { store: store.description, schema_version: store.schemaVersion });
      await ingest.start();
      calibrator = createCalibrator(view, {
        clock,
        metrics,
        intervalSeconds: config.simulate.calibrationIntervalSeconds,
        windowSeconds: config.simulate.calibrationWindowSeconds,
      });
      if (analytics) {
        analytics.start();
        // Not awaited: a slow or absent Prometheus must not delay the collector; history primes when it comes.
        void readPrometheusHistory(config.analytics.prometheus, { clock, logger }).then((history) => analytics.prime(history));
      }
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
        analytics?.stop();
        calibrator?.stop();
        desired?.close();
        await persistence?.stop();
        await store?.close();
        await selfTelemetry.shutdown();
      })();
      return stopping;
    },
    endpoints: () => ({ otlpHttp: receivers.httpAddress(), otlpGrpc: receivers.grpcAddress(), api: api.address() }),
    reloadInventory: () => ingest.reload(),
  };
}
