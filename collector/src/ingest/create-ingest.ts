import { createInventoryApplier, loadInventory } from './inventory';
import { createLogsIngest } from './logs-ingest';
import { createMetricsIngest } from './metrics-ingest';
import { createTracesIngest } from './traces-ingest';
import type { LogsConsumer, MetricsConsumer, TracesConsumer } from '../otlp';
import type { Clock, Twin } from '../model';
import type { TwinConfig } from './config';

export interface IngestSettings {
  twin: Twin;
  clock: Clock;
}

/** Thrown by `start` when the inventory cannot be used; `problems` lists every one. */
export class InventoryError extends Error {
  constructor(readonly problems: string[]) {
    super(`invalid inventory:\n  - ${problems.join('\n  - ')}`);
    this.name = 'InventoryError';
  }
}

export interface Ingest {
  traces: TracesConsumer;
  metrics: MetricsConsumer;
  logs: LogsConsumer;
  /** Loads the inventory (when `twin.inventory.file` is set); rejects with InventoryError. */
  start(): Promise<void>;
  /** Reads the inventory again: [] when applied, else every problem (the previous one stays). */
  reload(): Promise<string[]>;
  shutdown(): Promise<void>;
}

/** The processors that turn decoded OTLP and the inventory into twin state. */
export function createIngest(config: TwinConfig, settings: IngestSettings): Ingest {
  const { twin } = settings;
  const applyInventory = createInventoryApplier(twin);
  const reload = async (): Promise<string[]> => {
    if (config.inventory.file === '') return [];
    const result = await loadInventory(config.inventory.file);
    if (!result.ok) return result.errors;
    applyInventory(result.graph);
    return [];
  };
  return {
    traces: createTracesIngest(twin, config, settings),
    metrics: createMetricsIngest(twin, config, settings),
    logs: createLogsIngest(twin, config, settings),
    async start() {
      const problems = await reload();
      if (problems.length > 0) throw new InventoryError(problems);
    },
    reload,
    async shutdown() {},
  };
}
