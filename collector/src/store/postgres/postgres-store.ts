import { hostname } from 'node:os';
import { Pool } from 'pg';
import { changesSince } from './changes';
import { maintain } from './maintain';
import { migrate } from './migrations';
import { createObjectStore } from './objects';
import { createScenarioStore } from './scenarios';
import { READ_SNAPSHOT, inTransaction, numericTypes } from './pg-context';
import { querySignal } from './signal-history';
import { exportSnapshot, importSnapshot } from './snapshot';
import { readState } from './read-state';
import { writeDelta } from './write-delta';
import type { PgContext } from './pg-context';
import type { StoreConfig } from '../config';
import type { StoreSettings } from '../store-settings';
import type { TwinStore } from '../twin-store';

/** `db@host:port` for messages, without the password. */
export function describeUrl(url: string): string {
  try {
    const parsed = new URL(url);
    return `${decodeURIComponent(parsed.pathname.replace(/^\//, '')) || 'postgres'}@${parsed.hostname}:${parsed.port || '5432'}`;
  } catch {
    return 'db@unparsed-url';
  }
}

/**
 * Opens the shared store: connects a pool, migrates the schema (one collector at a time, under
 * an advisory lock) and refuses a schema newer than this code with StoreVersionError.
 */
export async function openPostgresStore(config: StoreConfig, settings: StoreSettings): Promise<TwinStore> {
  const pg = config.postgres;
  const collectorId = settings.collectorId || pg.collectorId || hostname();
  const where = `postgres ${describeUrl(pg.url)}`;
  const pool = new Pool({ connectionString: pg.url, max: pg.maxConnections, types: numericTypes });
  // An idle connection dropped by the server must not crash the process; the next query reports it.
  pool.on('error', () => undefined);
  let schemaVersion: number;
  try {
    schemaVersion = await migrate(pool, where, collectorId);
  } catch (err) {
    await pool.end();
    throw err;
  }
  const ctx: PgContext = {
    pool,
    collectorId,
    clock: settings.clock,
    resolutionMs: settings.resolutionMs,
    staleAfterMs: pg.staleAfterSeconds * 1000,
    retention: config.retention,
  };
  let closed: Promise<void> | undefined;
  return {
    description: `${where} as ${collectorId}`,
    schemaVersion,
    writeDelta: (delta) => inTransaction(pool, (client) => writeDelta(client, ctx, delta)),
    loadState: (pointsSinceMs) =>
      inTransaction(pool, (client) => readState(client, ctx, { sinceMicros: undefined, pointsSinceMs }), READ_SNAPSHOT),
    changesSince: (cursor, pointsSinceMs) => changesSince(ctx, cursor, pointsSinceMs),
    querySignal: (query) => querySignal(ctx, query),
    maintain: (nowMs) => maintain(ctx, config.flushIntervalSeconds, nowMs),
    ...createObjectStore(pool, settings.clock),
    ...createScenarioStore(pool),
    exportSnapshot: () => exportSnapshot(ctx, schemaVersion),
    importSnapshot: (snapshot) => importSnapshot(ctx, snapshot),
    close: () => (closed ??= pool.end()),
  };
}
