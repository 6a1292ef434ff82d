/** Ingest: processors that turn decoded OTLP and the inventory file into twin state. */
export { createIngest, InventoryError } from './create-ingest';
export type { Ingest, IngestSettings } from './create-ingest';
export { createMetricsIngest } from './metrics-ingest';
export { createLogsIngest } from './logs-ingest';
export { createTracesIngest } from './traces-ingest';
export { resolveResource, applyResource } from './resource-entities';
export type { ResolvedResource, DerivedRelation } from './resource-entities';
export {
  twinConfigSchema,
  identityConfigSchema,
  identityKeysConfigSchema,
  inventoryConfigSchema,
  defaultTwinConfig,
  validateTwinConfig,
} from './config';
export type { TwinConfig, IdentityConfig, IdentityKeysConfig, InventoryConfig } from './config';
export { loadInventory, parseInventory, createInventoryApplier, INVENTORY_TYPES } from './inventory';
export type { InventoryFormat, InventoryResult, InventoryGraph, InventoryRelation, InventoryType } from './inventory';
