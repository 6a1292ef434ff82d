import { openPostgresStore } from './postgres';
import { openSqliteStore } from './sqlite';
import type { StoreConfig } from './config';
import type { StoreSettings } from './store-settings';
import type { TwinStore } from './twin-store';

/** Opens the configured store, migrating its schema; rejects with StoreVersionError when it is newer than this code. */
export function openStore(config: StoreConfig, settings: StoreSettings): Promise<TwinStore> {
  return config.driver === 'postgres' ? openPostgresStore(config, settings) : openSqliteStore(config, settings);
}
