import type { SignalPoint, TwinDelta, TwinState } from '../model';

/** A user object (saved scenario, policy, alert, outbox entry...): opaque JSON under a kind and an id. */
export interface StoredObject {
  kind: string;
  id: string;
  value: unknown;
  /** 1 on creation, +1 on every put. */
  version: number;
  /** Milliseconds since the epoch. */
  updatedAt: number;
}

export interface AuditInput {
  /** Who: a token name, `webhook:<name>`, `system`. */
  actor: string;
  /** What, dotted: `desired.set`, `snapshot.import`. */
  action: string;
  /** The entity or object acted on. */
  target: string;
  detail: Record<string, unknown>;
}

export interface AuditRecord extends AuditInput {
  /** Increasing over the whole store. */
  seq: number;
  /** Milliseconds since the epoch. */
  t: number;
}

/** A what-if scenario to save under a name (unique in the store; saving again replaces it). */
export interface SaveScenarioInput {
  name: string;
  /** The scenario's JSON text, kept verbatim (the API validates it before saving). */
  scenario: string;
  /** Milliseconds since the epoch. */
  updatedAt: number;
  /** Who saved it: a token name, `system`. */
  updatedBy: string;
}

/** A saved scenario as the store holds it. Shared by every collector of a PostgreSQL store. */
export interface SavedScenario extends SaveScenarioInput {
  /** 1 on creation, +1 on every save under the same name. */
  version: number;
}

/** What every driver checks before saving a scenario: a name and the scenario's JSON text. */
export function checkScenarioInput(input: SaveScenarioInput): void {
  if (typeof input.name !== 'string' || input.name === '') throw new Error(`saved scenario: name must be a non-empty string, got ${JSON.stringify(input.name)}`);
  if (typeof input.scenario !== 'string') throw new Error(`saved scenario ${JSON.stringify(input.name)}: scenario must be JSON text, got ${String(input.scenario)}`);
}

/** The saved-scenario half of the store (the API's and each driver's). */
export type SavedScenarios = Pick<TwinStore, 'saveScenario' | 'listScenarios' | 'getScenario' | 'deleteScenario'>;

/** A downsampled point: one bucket of `stepMs` of one signal. */
export interface RollupPoint {
  entity: string;
  signal: string;
  stepMs: number;
  /** Bucket start, milliseconds since the epoch. */
  t: number;
  avg: number;
  min: number;
  max: number;
  count: number;
}

export interface SignalRangeQuery {
  entity: string;
  name: string;
  /** Milliseconds since the epoch, inclusive. */
  from: number;
  to: number;
  /** Points averaged per bucket of this width; raw (or rollup) points when absent. */
  stepMs?: number;
}

export interface MaintenanceReport {
  /** Rollup buckets written or updated. */
  rolledUp: number;
  /** Raw points deleted beyond their class's raw retention. */
  rawDeleted: number;
  /** Rollup points deleted beyond their keep time. */
  rollupsDeleted: number;
}

/** The whole store as one JSON document: `twinops snapshot export|import`. */
export interface TwinSnapshot {
  format: 'twinops-snapshot';
  version: 1;
  /** The schema version of the store it came from. */
  schemaVersion: number;
  /** Milliseconds since the epoch. */
  exportedAt: number;
  /** Every raw point kept, in `signals[].points`. */
  state: TwinState;
  rollups: RollupPoint[];
  objects: StoredObject[];
  audit: AuditRecord[];
  /** Saved scenarios by name; absent in snapshots of stores from before saved scenarios. */
  scenarios?: SavedScenario[];
}

/** Changes by any collector since a cursor, merged: what a collector sharing the store pulls. */
export interface StoreChanges {
  delta: TwinDelta;
  /** Pass back on the next call. */
  cursor: string;
}

/**
 * Where the twin lives between restarts, and what several collectors share. Telemetry-derived
 * state arrives in batches (`writeDelta`, one transaction each); user objects and audit records
 * are committed before the returned promise resolves, so an API that awaits them before
 * answering 2xx never loses one.
 *
 * Several collectors (PostgreSQL): each writes its own contribution (relation stats and signal
 * points are kept per collector); entities and relations are shared rows keyed by id, so none is
 * duplicated. Reads (`loadState`, `changesSince`, `querySignal`) return the merged twin: rates
 * and counts summed over collectors, other values averaged (see merge-rules.ts).
 */
export interface TwinStore {
  /** For logs: `sqlite data/twin.db`, `postgres db@host:5432 as collector-a`. */
  readonly description: string;
  /** The schema version this store is at. */
  readonly schemaVersion: number;
  /**
   * Upserts entities (attributes merged, firstSeen kept, lastSeen the latest), relations (stats of
   * this collector replaced), signal metadata and points (by entity, signal and bucket: a later
   * value replaces), replaces each listed entity's events, and deletes removed entities (with
   * their relations, signals and points) and relations. One transaction.
   */
  writeDelta(delta: TwinDelta): Promise<void>;
  /** Everything to restore on start: entities, relations, signals with points at t >= pointsSinceMs, events. */
  loadState(pointsSinceMs: number): Promise<TwinState>;
  /**
   * What any collector changed since `cursor` (undefined: since the beginning), with points at
   * t >= pointsSinceMs. Rows are re-read with some overlap, so a change may come twice; applying
   * it twice is harmless. Removed ids come in `removedEntities` / `removedRelations`.
   */
  changesSince(cursor: string | undefined, pointsSinceMs: number): Promise<StoreChanges>;
  /** A signal's history from raw points where kept, else from the finest rollup that covers the range. */
  querySignal(query: SignalRangeQuery): Promise<SignalPoint[]>;
  /** Rolls up closed buckets and deletes what is beyond retention (per signal class). */
  maintain(nowMs: number): Promise<MaintenanceReport>;

  putObject(kind: string, id: string, value: unknown): Promise<StoredObject>;
  getObject(kind: string, id: string): Promise<StoredObject | undefined>;
  /** Ordered by id. */
  listObjects(kind: string): Promise<StoredObject[]>;
  deleteObject(kind: string, id: string): Promise<boolean>;
  appendAudit(entry: AuditInput): Promise<AuditRecord>;
  /** Newest first; `beforeSeq` pages back. */
  listAudit(query: { limit: number; beforeSeq?: number }): Promise<AuditRecord[]>;

  /** Saves (creates or replaces) a scenario, committed before the promise resolves; gives it back with its version. */
  saveScenario(input: SaveScenarioInput): Promise<SavedScenario>;
  /** Ordered by name. */
  listScenarios(): Promise<SavedScenario[]>;
  getScenario(name: string): Promise<SavedScenario | undefined>;
  /** Whether there was one to delete. */
  deleteScenario(name: string): Promise<boolean>;

  exportSnapshot(): Promise<TwinSnapshot>;
  /** Loads a snapshot into an empty store; rejects with a message saying why otherwise. */
  importSnapshot(snapshot: TwinSnapshot): Promise<void>;
  close(): Promise<void>;
}
