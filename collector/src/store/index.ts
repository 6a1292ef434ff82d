/** Where the twin is kept between restarts and shared between collectors: SQLite (embedded) or PostgreSQL. */
export { storeConfigSchema, defaultStoreConfig, validateStoreConfig } from './config';
export type { StoreConfig, RetentionClass } from './config';
export { openStore } from './open-store';
export type { StoreSettings } from './store-settings';
export { StoreVersionError } from './store-version-error';
export { parseSnapshot } from './snapshot-file';
export type {
  TwinStore,
  StoredObject,
  AuditInput,
  AuditRecord,
  RollupPoint,
  SignalRangeQuery,
  MaintenanceReport,
  TwinSnapshot,
  StoreChanges,
  SaveScenarioInput,
  SavedScenario,
  SavedScenarios,
} from './twin-store';
