import type { Clock, Logger, MetricsRegistry, Twin, TwinDelta } from '../model';
import type { StoreConfig, TwinStore } from '../store';

export interface PersistenceSettings {
  /** The twin ingest writes into: restored on start (unless shared), flushed in batches. */
  twin: Twin;
  /**
   * The twin the API reads when several collectors share the store: every collector's merged
   * changes are pulled into it. Absent for a store of one collector: the API reads `twin`.
   */
  sharedView?: Twin;
  store: TwinStore;
  clock: Clock;
  logger: Logger;
  metrics: MetricsRegistry;
  /** twin.history.retention_seconds x 1000: how much history a restore loads. */
  retentionMs: number;
  /** Runs after each pull from a shared store (user objects other collectors changed). */
  afterSync?: () => Promise<void>;
}

export interface Persistence {
  /** Restores (or, shared, loads the merged view) and starts flushing, syncing and maintenance. */
  start(): Promise<void>;
  /** Writes what changed now; resolves when it is in the store (a failed write is retried next time). */
  flush(): Promise<void>;
  /** Pulls the other collectors' changes now (shared stores only). */
  sync(): Promise<void>;
  /** Stops the timers and flushes one last time. The owner closes the store. */
  stop(): Promise<void>;
}

/** Failed deltas kept for the next flush while the store is unreachable; older ones are dropped. */
const MAX_PENDING_DELTAS = 12;

/**
 * Keeps the twin in its store. Telemetry-derived state goes in batches: every
 * `flush_interval_seconds` the changes the twin recorded are written as one delta, so a crash
 * loses at most one interval. A write that fails is kept and retried before the next one (up to
 * MAX_PENDING_DELTAS, then the oldest is dropped and counted), so a store outage never blocks
 * ingest. With a shared store, the view the API reads is refreshed every `sync_interval_seconds`
 * from the merged changes of every collector, this one's included.
 */
export function createPersistence(config: StoreConfig, settings: PersistenceSettings): Persistence {
  const { twin, sharedView, store, clock, logger, metrics } = settings;
  const flushes = metrics.counter('twinops_store_flushes_total', 'Batches written to the store, by outcome.', ['outcome']);
  const flushSeconds = metrics.histogram('twinops_store_flush_duration_seconds', 'Time to write one batch.', [], [0.001, 0.01, 0.05, 0.1, 0.5, 1, 5]);
  const pointsWritten = metrics.counter('twinops_store_points_written_total', 'Signal points written to the store.');
  const droppedDeltas = metrics.counter('twinops_store_deltas_dropped_total', 'Batches dropped after the store failed too long.');
  const syncs = metrics.counter('twinops_store_syncs_total', "Pulls of other collectors' changes, by outcome.", ['outcome']);
  const maintenance = metrics.counter('twinops_store_maintenance_total', 'Rollup and retention runs, by outcome.', ['outcome']);

  const pending: TwinDelta[] = [];
  let cursor: string | undefined;
  let running: Promise<void> | undefined;
  const timers: NodeJS.Timeout[] = [];

  /** One job at a time against the store, in order. */
  const serial = (job: () => Promise<void>): Promise<void> => {
    const next = (running ?? Promise.resolve()).then(job);
    running = next.catch(() => undefined);
    return next;
  };

  const writePending = async (): Promise<void> => {
    pending.push(twin.takeDelta());
    while (pending.length > 0) {
      const delta = pending[0];
      if (!isEmpty(delta)) {
        const started = clock.now();
        await store.writeDelta(delta);
        flushSeconds.observe({}, (clock.now() - started) / 1000);
        pointsWritten.inc({}, delta.signals.reduce((n, s) => n + s.points.length, 0));
        flushes.inc({ outcome: 'ok' });
      }
      pending.shift();
    }
  };

  const flush = () =>
    serial(async () => {
      try {
        await writePending();
      } catch (err) {
        flushes.inc({ outcome: 'error' });
        logger.warn('store write failed; retrying at the next flush', { store: store.description, error: (err as Error).message });
        while (pending.length > MAX_PENDING_DELTAS) {
          pending.shift();
          droppedDeltas.inc();
        }
      }
    });

  const sync = () =>
    serial(async () => {
      if (!sharedView) return;
      try {
        const changes = await store.changesSince(cursor, clock.now() - settings.retentionMs);
        sharedView.applyState(changes.delta);
        cursor = changes.cursor;
        await settings.afterSync?.();
        syncs.inc({ outcome: 'ok' });
      } catch (err) {
        syncs.inc({ outcome: 'error' });
        logger.warn('store sync failed; the view stays as it was', { store: store.description, error: (err as Error).message });
      }
    });

  const maintain = () =>
    serial(async () => {
      try {
        const report = await store.maintain(clock.now());
        maintenance.inc({ outcome: 'ok' });
        logger.debug('store maintenance', { ...report });
      } catch (err) {
        maintenance.inc({ outcome: 'error' });
        logger.warn('store maintenance failed', { store: store.description, error: (err as Error).message });
      }
    });

  const every = (seconds: number, job: () => Promise<void>) => timers.push(setInterval(() => void job(), seconds * 1000).unref());

  return {
    async start() {
      const since = clock.now() - settings.retentionMs;
      if (sharedView) {
        // Each collector writes only its own contribution, so its ingest twin starts empty.
        await sync();
      } else {
        const state = await store.loadState(since);
        twin.applyState(state);
        logger.info('twin restored from the store', { store: store.description, entities: state.entities.length, signals: state.signals.length });
      }
      twin.trackChanges();
      every(config.flushIntervalSeconds, flush);
      every(config.maintenanceIntervalSeconds, maintain);
      if (sharedView) every(config.postgres.syncIntervalSeconds, sync);
    },
    flush,
    sync,
    async stop() {
      for (const timer of timers.splice(0)) clearInterval(timer);
      await flush();
      await running;
    },
  };
}

function isEmpty(delta: TwinDelta): boolean {
  return (
    delta.entities.length + delta.relations.length + delta.signals.length + delta.events.length + delta.removedEntities.length + delta.removedRelations.length ===
    0
  );
}
