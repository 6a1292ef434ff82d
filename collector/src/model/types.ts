/** The twin's data model: entities at five levels, their relations, signals and events. */

export const LEVELS = ['component', 'asset', 'system', 'process', 'enterprise'] as const;
export type Level = (typeof LEVELS)[number];

/** calls, database and messaging are service-graph edges (caller -> callee); part_of links a process twin to its services. */
export const RELATION_TYPES = [
  'calls',
  'database',
  'messaging',
  'part_of',
  'runs_on',
  'contains',
  'cools',
  'powers',
  'depends_on',
  'routes_via',
] as const;
export type RelationType = (typeof RELATION_TYPES)[number];

/** Attribute values kept on entities: scalars only (arrays and maps are stored as JSON text). */
export type EntityAttributes = Record<string, string | number | boolean>;

export interface SignalPoint {
  /** Milliseconds since the epoch. */
  t: number;
  v: number;
}

/** A named live value of an entity: the latest point plus a bounded history. */
export interface SignalSummary {
  name: string;
  unit: string;
  /** Where it came from: gauge, sum (rate or value), histogram statistic, log count. */
  kind: string;
  latest: SignalPoint | undefined;
}

export interface EntityEvent {
  /** Milliseconds since the epoch. */
  t: number;
  severityNumber: number;
  severityText: string;
  message: string;
  attributes: EntityAttributes;
}

export interface EventSummary {
  /** Log records seen, by severity text (TRACE, DEBUG, INFO, WARN, ERROR, FATAL, UNSPECIFIED). */
  countsBySeverity: Record<string, number>;
  /** The latest WARN-or-worse records, newest first, bounded. */
  latestErrors: EntityEvent[];
}

export interface Entity {
  /** Stable and readable: `service:checkout`, `host:web-3`, `rack:ams1/r12`. */
  id: string;
  type: string;
  level: Level;
  name: string;
  attributes: EntityAttributes;
  /** The containing entity's id, if any (the `contains` relation seen from below). */
  parent: string | undefined;
  /** Target values set by control actions (desired vs reported state). */
  desired: Record<string, number | string | boolean>;
  /** Milliseconds since the epoch. */
  firstSeen: number;
  lastSeen: number;
}

export interface Relation {
  /** `${type}:${from}->${to}` */
  id: string;
  from: string;
  to: string;
  type: RelationType;
  stats: Record<string, number>;
  firstSeen: number;
  lastSeen: number;
}

export interface EntityDetail extends Entity {
  signals: SignalSummary[];
  relations: Relation[];
  events: EventSummary;
}

export interface EntityFilter {
  type?: string;
  level?: Level;
  /** Substring match on the name, case-insensitive. */
  name?: string;
  /** Exact attribute matches. */
  attributes?: Record<string, string>;
  limit?: number;
  offset?: number;
}

export interface SignalQuery {
  entity: string;
  name: string;
  /** Milliseconds since the epoch, inclusive. */
  from?: number;
  to?: number;
  /** Bucket width in milliseconds: points are averaged per bucket. */
  stepMs?: number;
}

export interface SignalSeries {
  entity: string;
  name: string;
  unit: string;
  points: SignalPoint[];
}

export interface Topology {
  nodes: (Entity & { signals: SignalSummary[] })[];
  edges: Relation[];
}

/** One signal with its history, as saved and restored. */
export interface SignalState {
  entity: string;
  name: string;
  unit: string;
  kind: string;
  /** Oldest first, one per history bucket (t is the bucket start). */
  points: SignalPoint[];
}

/** An entity's log events, as saved and restored. */
export interface EventState extends EventSummary {
  entity: string;
}

/** The twin's state in portable form: what a store saves, restores and exports. */
export interface TwinState {
  entities: Entity[];
  relations: Relation[];
  signals: SignalState[];
  events: EventState[];
}

/**
 * What changed since the last flush: entities and relations as they are now, signals with the
 * points of buckets written since (a bucket written again replaces its value), every event
 * summary touched, and what was removed.
 */
export interface TwinDelta extends TwinState {
  removedEntities: string[];
  removedRelations: string[];
}

/** A change in the twin, as streamed to subscribers. */
export type TwinChange =
  | { kind: 'entity.added' | 'entity.updated'; entity: Entity; at: number }
  | { kind: 'relation.added'; relation: Relation; at: number }
  | { kind: 'signal.added'; entity: string; signal: string; at: number }
  | { kind: 'event.added'; entity: string; event: EntityEvent; at: number }
  | { kind: 'entity.removed'; id: string; at: number }
  | { kind: 'relation.removed'; id: string; at: number };

export interface TwinStats {
  entities: number;
  relations: number;
  signals: number;
  historyPoints: number;
  /** Items dropped by limits, by reason (entity_limit, signal_limit, attribute_truncated, ...). */
  dropped: Record<string, number>;
}

/** The read side of the twin, used by the API and later by analytics. */
export interface TwinReader {
  listEntities(filter: EntityFilter): { total: number; items: Entity[] };
  getEntity(id: string): EntityDetail | undefined;
  signalHistory(query: SignalQuery): SignalSeries | undefined;
  topology(): Topology;
  stats(): TwinStats;
  /** Subscribe to changes; returns the unsubscribe function. */
  subscribe(listener: (change: TwinChange) => void): () => void;
}

/** What a writer tells the twin about an entity; attributes are merged into those already known. */
export interface EntityInput {
  id: string;
  type: string;
  level: Level;
  /** Defaults to the id without its type prefix. */
  name?: string;
  attributes?: EntityAttributes;
}

/**
 * The write side of the twin, used by ingest (and later by control). Every method keeps memory
 * bounded: what a limit turns away is counted by reason and reported by `false`.
 */
export interface TwinWriter {
  /** Creates or updates an entity (merging attributes, touching lastSeen); false when dropped. */
  upsertEntity(input: EntityInput): boolean;
  /** Creates or touches a relation between two known entities; a new `contains` also sets the child's parent. */
  upsertRelation(from: string, to: string, type: RelationType, stats?: Record<string, number>): boolean;
  /** Adds one point to a signal of an entity, creating the signal on first use. */
  recordSignal(entityId: string, name: string, unit: string, kind: string, timeMs: number, value: number): boolean;
  /** Counts a log event by severity; WARN-or-worse events are also kept (the latest few) and streamed. */
  addEvent(entityId: string, event: EntityEvent): boolean;
  /** Merges target values (desired state) into an entity. */
  setDesired(entityId: string, values: Record<string, number | string | boolean>): boolean;
  removeEntity(id: string): boolean;
  removeRelation(id: string): boolean;
  hasEntity(id: string): boolean;
  /** Counts items a writer dropped itself, beside the twin's own drops (TwinStats.dropped). */
  recordDrop(reason: string, count?: number): void;
}

/** The twin's side of persistence: what a store saves and restores. */
export interface TwinPersistence {
  /** Starts recording changes for `takeDelta` (off until then: nothing else would drain them). */
  trackChanges(): void;
  /** What changed since `trackChanges` or the previous call; clears the record. */
  takeDelta(): TwinDelta;
  /** Loads saved or merged state (see twin-state.ts); recorded as a change only while tracking. */
  applyState(state: TwinState | TwinDelta): void;
}

/** The twin: the read side the API uses, the write side ingest uses, and persistence, over one graph store. */
export interface Twin extends TwinReader, TwinWriter, TwinPersistence {}

/**
 * How span pairing is going, so a user can see why an edge is missing: spans waiting for their
 * partner, edges completed, and what expired unpaired or was dropped, by span kind.
 */
export interface ServiceGraphStats {
  /** Half-edges waiting for their partner now. */
  pending: number;
  /** The store's capacity (twin.service_graph.max_pending). */
  capacity: number;
  /** Client/server and producer/consumer pairs completed. */
  paired: number;
  /** Half-edges that expired unpaired, by the kind of the span that waited: client, server, producer, consumer. */
  expired: Record<string, number>;
  /** Of the expired ones, how many became edges to or from a virtual node. */
  virtualEdges: number;
  /** Spans turned away because the store was full, by kind. */
  dropped: Record<string, number>;
}
