/** Test doubles for the API: a TwinReader over fixed data, a scrapable registry, manual timers. */
import { InMemoryMetricsRegistry } from '../../model';
import type {
  Entity,
  EntityDetail,
  EntityFilter,
  Relation,
  SignalQuery,
  SignalSeries,
  Topology,
  TwinChange,
  TwinReader,
  TwinStats,
} from '../../model';
import type { Timers } from '../sse-hub';

export const HOST: EntityDetail = {
  id: 'host:web-3',
  type: 'host',
  level: 'asset',
  name: 'web-3',
  attributes: { 'host.arch': 'amd64', cores: 8 },
  parent: 'rack:ams1/r12',
  desired: {},
  firstSeen: 1_700_000_000_000,
  lastSeen: 1_700_000_060_000,
  signals: [{ name: 'cpu.utilization', unit: '1', kind: 'gauge', latest: { t: 1_700_000_060_000, v: 0.42 } }],
  relations: [
    {
      id: 'contains:rack:ams1/r12->host:web-3',
      from: 'rack:ams1/r12',
      to: 'host:web-3',
      type: 'contains',
      stats: {},
      firstSeen: 1_700_000_000_000,
      lastSeen: 1_700_000_060_000,
    },
  ],
  events: { countsBySeverity: { INFO: 3, ERROR: 1 }, latestErrors: [] },
};

export const RACK: EntityDetail = {
  id: 'rack:ams1/r12',
  type: 'rack',
  level: 'asset',
  name: 'r12',
  attributes: {},
  parent: undefined,
  desired: { 'cooling.setpoint': 22 },
  firstSeen: 1_700_000_000_000,
  lastSeen: 1_700_000_000_000,
  signals: [],
  relations: [HOST.relations[0]],
  events: { countsBySeverity: {}, latestErrors: [] },
};

export const SERVICE: EntityDetail = {
  id: 'service:checkout',
  type: 'service',
  level: 'system',
  name: 'checkout',
  attributes: { 'service.namespace': 'shop' },
  parent: undefined,
  desired: {},
  firstSeen: 1_700_000_000_000,
  lastSeen: 1_700_000_030_000,
  signals: [],
  relations: [],
  events: { countsBySeverity: {}, latestErrors: [] },
};

export const RUNS_ON: Relation = {
  id: 'runs_on:service:checkout->host:web-3',
  from: 'service:checkout',
  to: 'host:web-3',
  type: 'runs_on',
  stats: {},
  firstSeen: 1_700_000_000_000,
  lastSeen: 1_700_000_030_000,
};

export const CPU_SERIES: SignalSeries = {
  entity: 'host:web-3',
  name: 'cpu.utilization',
  unit: '1',
  points: [
    { t: 1_700_000_000_000, v: 0.4 },
    { t: 1_700_000_060_000, v: 0.42 },
  ],
};

/** Strips the detail-only fields, as the twin's list does. */
export function summary(detail: EntityDetail): Entity {
  const entity: Partial<EntityDetail> = { ...detail };
  delete entity.signals;
  delete entity.relations;
  delete entity.events;
  return entity as Entity;
}

/** A TwinReader over fixed data that records the queries it receives and publishes changes on demand. */
export class FakeTwin implements TwinReader {
  readonly filters: EntityFilter[] = [];
  readonly signalQueries: SignalQuery[] = [];
  readonly listeners = new Set<(change: TwinChange) => void>();

  constructor(
    readonly entities: EntityDetail[] = [HOST, RACK, SERVICE],
    readonly relations: Relation[] = [HOST.relations[0], RUNS_ON],
    readonly series: SignalSeries[] = [CPU_SERIES],
  ) {}

  listEntities(filter: EntityFilter): { total: number; items: Entity[] } {
    this.filters.push(filter);
    const matching = this.entities.filter((e) => filter.type === undefined || e.type === filter.type);
    const offset = filter.offset ?? 0;
    return { total: matching.length, items: matching.slice(offset, offset + (filter.limit ?? 100)).map(summary) };
  }

  getEntity(id: string): EntityDetail | undefined {
    return this.entities.find((e) => e.id === id);
  }

  signalHistory(query: SignalQuery): SignalSeries | undefined {
    this.signalQueries.push(query);
    return this.series.find((s) => s.entity === query.entity && s.name === query.name);
  }

  topology(): Topology {
    return { nodes: this.entities.map((e) => ({ ...summary(e), signals: e.signals })), edges: this.relations };
  }

  stats(): TwinStats {
    return { entities: this.entities.length, relations: this.relations.length, signals: 1, historyPoints: 2, dropped: {} };
  }

  subscribe(listener: (change: TwinChange) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  publish(change: TwinChange): void {
    for (const listener of [...this.listeners]) listener(change);
  }
}

/** The in-memory registry plus fixed exposition text, standing in for the Prometheus registry. */
export class FakeScrapeRegistry extends InMemoryMetricsRegistry {
  readonly contentType = 'text/plain; version=0.0.4; charset=utf-8';
  async metrics(): Promise<string> {
    return `# TYPE twinops_api_requests_total counter\ntwinops_api_requests_total{route="/healthz",status="200"} ${this.get(
      'twinops_api_requests_total',
      { route: '/healthz', status: '200' },
    )}\n`;
  }
}

/** Interval timers fired by the test. */
export class ManualTimers implements Timers {
  readonly active = new Map<number, { callback: () => void; ms: number }>();
  private next = 1;

  setInterval(callback: () => void, ms: number): unknown {
    const id = this.next++;
    this.active.set(id, { callback, ms });
    return id;
  }

  clearInterval(handle: unknown): void {
    this.active.delete(handle as number);
  }

  fire(): void {
    for (const { callback } of [...this.active.values()]) callback();
  }

  /** Fires only the timers repeating every `ms` (one kind of timer among several). */
  fireEvery(ms: number): void {
    for (const timer of [...this.active.values()]) if (timer.ms === ms) timer.callback();
  }
}
