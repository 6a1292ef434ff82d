import { int, list, obj, oneOf, str } from '../config';
import type { ValueOf } from '../config';

const rollupSchema = obj({
  step_seconds: int(300, 'bucket width: points are averaged (with min, max and count) per bucket', { min: 1 }),
  keep_seconds: int(2_592_000, 'how long these buckets are kept', { min: 1 }),
});

const retentionClassSchema = obj({
  signals: str('*', 'glob on signal names (`*` any characters): the first class that matches a signal decides'),
  raw_seconds: int(172_800, 'raw points (one per twin.history.resolution_seconds) kept this long', { min: 1 }),
  rollups: list(rollupSchema, [], 'downsampled copies kept longer, finest first'),
});

/** The `store` section: where the twin is kept between restarts, and shared between collectors. */
export const storeConfigSchema = obj({
  driver: oneOf(['sqlite', 'postgres'] as const, 'sqlite', 'sqlite: one collector, embedded; postgres: several collectors share one twin'),
  sqlite: obj({
    path: str('data/twin.db', 'the database file (its folder is created); `:memory:` keeps nothing across restarts'),
  }),
  postgres: obj({
    url: str('', 'connection URL, postgres://user:password@host:5432/db (password also from PGPASSWORD)'),
    collector_id: str('', "this collector's name among those sharing the store; default: the host name"),
    sync_interval_seconds: int(2, 'how often the other collectors’ changes are pulled into this one’s view', { min: 1 }),
    stale_after_seconds: int(60, 'a collector silent this long no longer adds its rates to shared edges', { min: 1 }),
    max_connections: int(4, 'connection pool size', { min: 1 }),
  }),
  flush_interval_seconds: int(5, 'telemetry-derived state is written in batches this often; a crash loses at most this much', {
    min: 1,
  }),
  maintenance_interval_seconds: int(60, 'how often rollups are computed and expired points deleted', { min: 1 }),
  retention: list(
    retentionClassSchema,
    [
      {
        signals: '*',
        rawSeconds: 172_800,
        rollups: [
          // Five-minute buckets for a month, hourly ones for a year: dashboards over long ranges stay cheap.
          { stepSeconds: 300, keepSeconds: 2_592_000 },
          { stepSeconds: 3600, keepSeconds: 31_536_000 },
        ],
      },
    ],
    'signal classes, first match wins; a signal no class matches keeps raw points for two days and no rollups',
  ),
});

export type StoreConfig = ValueOf<typeof storeConfigSchema>;
export type RetentionClass = ValueOf<typeof retentionClassSchema>;

export function defaultStoreConfig(): StoreConfig {
  return structuredClone(storeConfigSchema.defaultValue);
}

/** Rules across fields; `path` is where the section sits (normally `store`). */
export function validateStoreConfig(config: StoreConfig, path: string): string[] {
  const errors: string[] = [];
  if (config.driver === 'postgres' && config.postgres.url === '') {
    errors.push(`${path}.postgres.url: required when driver is postgres`);
  }
  config.retention.forEach((cls, i) => {
    let previous = 0;
    cls.rollups.forEach((rollup, j) => {
      const at = `${path}.retention[${i}].rollups[${j}]`;
      if (rollup.stepSeconds <= previous) errors.push(`${at}.step_seconds: must be coarser than the previous rollup (${previous}), got ${rollup.stepSeconds}`);
      if (rollup.keepSeconds < cls.rawSeconds) errors.push(`${at}.keep_seconds: must be at least raw_seconds (${cls.rawSeconds}), got ${rollup.keepSeconds}`);
      previous = rollup.stepSeconds;
    });
  });
  return errors;
}
