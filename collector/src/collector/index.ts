/** The collector process: its config file, the wiring of every component, logging and self-telemetry. */
export { createCollector } from './collector';
export type { Collector, CollectorSettings, CollectorEndpoints } from './collector';
export { collectorConfigSchema, loadCollectorConfig, validateCollectorConfig } from './config';
export type { CollectorConfig } from './config';
export { createLogger } from './logger';
export { runSnapshotCommand } from './snapshot-command';
export type { LogLevel } from './logger';
