import { createInventoryApplier, loadInventory } from './inventory';
import { createLogsIngest } from './logs-ingest';
import { createMetricsIngest } from './metrics-ingest';
import { createProcessTwins } from './process-twins';
import { createServiceGraph } from './service-graph';
import { createTracesIngest } from './traces-ingest';
import type { LogsConsumer, MetricsConsumer, TracesConsumer } from '../otlp';
import type { Clock, MetricsRegistry, ServiceGraphStats, Twin } from '../model';
import type { TwinConfig } from './config';
import type { IngestContext } from './ingest-context';
import type { HostAliases } from './inventory';
import type { SpanSink } from './span-sink';
import type { ServiceGraph } from './service-graph';

export interface IngestSettings {
  twin: Twin;
  clock: Clock;
  metrics: MetricsRegistry;
  /** How often span sinks expire and flush (ms); tests call `tick` themselves with 0. */
  tickIntervalMs?: number;
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
  /** Runs the span sinks' expiry and window flushes now (the timer does it every second). */
  tick(): void;
  /** How span pairing goes in the service graph (pending, paired, expired and dropped by kind). */
  serviceGraphStats(): ServiceGraphStats;
}

/** The processors that read spans one by one; each gets every span with its service. */
function createSpanSinks(config: TwinConfig, settings: IngestSettings, serviceGraph: ServiceGraph): SpanSink[] {
  const sinks: SpanSink[] = [serviceGraph];
  if (config.processes.enabled) sinks.push(createProcessTwins(config.processes, settings));
  return sinks;
}

/** The processors that turn decoded OTLP and the inventory into twin state. */
export function createIngest(config: TwinConfig, settings: IngestSettings): Ingest {
  const { twin } = settings;
  const hostAliases: HostAliases = new Map();
  const context: IngestContext = { clock: settings.clock, hostAliases };
  const applyInventory = createInventoryApplier(twin, hostAliases);
  const reload = async (): Promise<string[]> => {
    if (config.inventory.file === '') return [];
    const result = await loadInventory(config.inventory.file);
    if (!result.ok) return result.errors;
    applyInventory(result.graph);
    return [];
  };
  const serviceGraph = createServiceGraph(config.serviceGraph, settings);
  const sinks = createSpanSinks(config, settings, serviceGraph);
  const tick = () => {
    const now = settings.clock.now();
    for (const sink of sinks) sink.tick(now);
  };
  let timer: NodeJS.Timeout | undefined;
  return {
    traces: createTracesIngest(twin, config, context, sinks),
    metrics: createMetricsIngest(twin, config, context),
    logs: createLogsIngest(twin, config, context),
    async start() {
      const problems = await reload();
      if (problems.length > 0) throw new InventoryError(problems);
      const interval = settings.tickIntervalMs ?? 1000;
      if (interval > 0 && sinks.length > 0) timer ??= setInterval(tick, interval).unref();
    },
    reload,
    async shutdown() {
      clearInterval(timer);
      timer = undefined;
    },
    tick,
    serviceGraphStats: () => serviceGraph.stats(),
  };
}
