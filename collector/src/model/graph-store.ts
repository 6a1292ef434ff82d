import { ChangeJournal } from './change-journal';
import { isWarnOrWorse, severityOf } from './severity';
import { EntityRecord, EventLog, RelationRecord, SignalRecord, entityView, relationId, relationView } from './twin-records';
import type { TwinLimitsConfig } from './config';
import type { EntityAttributes, EntityEvent, EntityInput, RelationType, SignalPoint, TwinChange, TwinWriter } from './types';

/** What the store needs from its owner: time, drop counting and the change stream. */
export interface GraphStoreHooks {
  now(): number;
  drop(reason: string, count?: number): void;
  /** Whether anyone listens; changes are only built when true. */
  listening(): boolean;
  emit(change: TwinChange): void;
}

/** The bounded graph store: entities, relations, signals and events, and every limit on them. */
export class GraphStore implements TwinWriter {
  readonly entities = new Map<string, EntityRecord>();
  readonly relations = new Map<string, RelationRecord>();
  signalCount = 0;
  historyPoints = 0;
  readonly journal = new ChangeJournal();

  constructor(
    private readonly limits: TwinLimitsConfig,
    private readonly history: { capacity: number; resolutionMs: number },
    private readonly hooks: GraphStoreHooks,
  ) {}

  hasEntity(id: string): boolean {
    return this.entities.has(id);
  }

  recordDrop(reason: string, count = 1): void {
    this.hooks.drop(reason, count);
  }

  upsertEntity(input: EntityInput): boolean {
    const now = this.hooks.now();
    const name = input.name ?? input.id.slice(input.id.indexOf(':') + 1);
    let rec = this.entities.get(input.id);
    let added = false;
    let changed = false;
    if (!rec) {
      if (this.entities.size >= this.limits.maxEntities) {
        this.hooks.drop('entity_limit');
        return false;
      }
      rec = new EntityRecord(input.id, input.type, input.level, name, now, now);
      this.entities.set(input.id, rec);
      added = true;
    } else {
      rec.lastSeen = now;
      if (rec.type !== input.type || rec.level !== input.level || (input.name !== undefined && rec.name !== name)) {
        rec.type = input.type;
        rec.level = input.level;
        rec.name = name;
        changed = true;
      }
    }
    if (input.attributes && this.mergeAttributes(rec, input.attributes)) changed = true;
    this.journal.entity(rec.id);
    if (added) this.emitEntity('entity.added', rec);
    else if (changed) this.emitEntity('entity.updated', rec);
    return true;
  }

  upsertRelation(from: string, to: string, type: RelationType, stats?: Record<string, number>): boolean {
    const id = relationId(from, to, type);
    const now = this.hooks.now();
    let rec = this.relations.get(id);
    if (!rec) {
      const source = this.entities.get(from);
      const target = this.entities.get(to);
      if (!source || !target) {
        this.hooks.drop('relation_unknown_entity');
        return false;
      }
      if (this.relations.size >= this.limits.maxRelations) {
        this.hooks.drop('relation_limit');
        return false;
      }
      rec = new RelationRecord(id, from, to, type, now, now);
      this.relations.set(id, rec);
      (source.relations ??= []).push(rec);
      if (source !== target) (target.relations ??= []).push(rec);
      if (stats) rec.stats = { ...stats };
      this.journal.relation(id);
      if (this.hooks.listening()) this.hooks.emit({ kind: 'relation.added', relation: relationView(rec), at: now });
      if (type === 'contains') this.setParent(target, from);
      return true;
    }
    // Touching an existing relation does not move the parent back: the newest `contains` wins.
    rec.lastSeen = now;
    if (stats) rec.stats = Object.assign(rec.stats ?? {}, stats);
    this.journal.relation(id);
    return true;
  }

  recordSignal(entityId: string, name: string, unit: string, kind: string, timeMs: number, value: number): boolean {
    if (!Number.isFinite(value) || !Number.isFinite(timeMs)) {
      this.hooks.drop('invalid_value');
      return false;
    }
    const rec = this.entities.get(entityId);
    if (!rec) {
      this.hooks.drop('signal_unknown_entity');
      return false;
    }
    let signal = rec.signals?.get(name);
    if (!signal) {
      signal = this.addSignal(rec, name, unit, kind);
      if (!signal) return false;
    } else if (signal.unit !== unit || signal.kind !== kind) {
      signal.unit = unit;
      signal.kind = kind;
    }
    const before = signal.length;
    if (signal.add(timeMs, value) === 'stale') {
      this.hooks.drop('signal_out_of_order');
      return false;
    }
    this.historyPoints += signal.length - before;
    this.journal.signal(rec, signal, timeMs);
    if (!(timeMs < signal.latestT)) {
      signal.latestT = timeMs;
      signal.latestV = value;
    }
    return true;
  }

  addEvent(entityId: string, event: EntityEvent): boolean {
    const rec = this.entities.get(entityId);
    if (!rec) {
      this.hooks.drop('event_unknown_entity');
      return false;
    }
    const log = (rec.events ??= new EventLog());
    const severity = severityOf(event.severityNumber, event.severityText);
    log.counts[severity] = (log.counts[severity] ?? 0) + 1;
    this.journal.event(entityId);
    if (!isWarnOrWorse(severity)) return true;
    const kept: EntityEvent = {
      t: event.t,
      severityNumber: event.severityNumber,
      severityText: event.severityText,
      message: this.truncate(event.message),
      attributes: this.limitAttributes(event.attributes),
    };
    log.latest.unshift(kept);
    if (log.latest.length > this.limits.maxEventsPerEntity) {
      log.latest.pop();
      this.hooks.drop('event_evicted');
    }
    if (this.hooks.listening()) this.hooks.emit({ kind: 'event.added', entity: entityId, event: kept, at: this.hooks.now() });
    return true;
  }

  setDesired(entityId: string, values: Record<string, number | string | boolean>): boolean {
    const rec = this.entities.get(entityId);
    if (!rec) return false;
    rec.desired = { ...rec.desired, ...values };
    this.journal.entity(entityId);
    this.emitEntity('entity.updated', rec);
    return true;
  }

  removeRelation(id: string): boolean {
    const rec = this.relations.get(id);
    if (!rec) return false;
    this.relations.delete(id);
    this.journal.removeRelation(id);
    const source = this.entities.get(rec.from);
    const target = this.entities.get(rec.to);
    if (source) detach(source, rec);
    if (target) detach(target, rec);
    if (this.hooks.listening()) this.hooks.emit({ kind: 'relation.removed', id, at: this.hooks.now() });
    if (rec.type === 'contains' && target && target.parent === rec.from) {
      const other = target.relations?.find((r) => r.type === 'contains' && r.to === target.id);
      this.setParent(target, other?.from);
    }
    return true;
  }

  removeEntity(id: string): boolean {
    const rec = this.entities.get(id);
    if (!rec) return false;
    for (const relation of [...(rec.relations ?? [])]) this.removeRelation(relation.id);
    for (const signal of rec.signals?.values() ?? []) this.historyPoints -= signal.length;
    this.signalCount -= rec.signals?.size ?? 0;
    this.entities.delete(id);
    this.journal.removeEntity(id);
    if (this.hooks.listening()) this.hooks.emit({ kind: 'entity.removed', id, at: this.hooks.now() });
    return true;
  }

  /** Sets buckets of a signal (restore, merged views), creating it on first use; false when refused. */
  putSignalPoints(entityId: string, name: string, unit: string, kind: string, points: readonly SignalPoint[]): boolean {
    const rec = this.entities.get(entityId);
    if (!rec) {
      this.hooks.drop('signal_unknown_entity');
      return false;
    }
    const signal = rec.signals?.get(name) ?? this.addSignal(rec, name, unit, kind);
    if (!signal) return false;
    signal.unit = unit;
    signal.kind = kind;
    const before = signal.length;
    for (const { t, v } of points) {
      if (!Number.isFinite(t) || !Number.isFinite(v) || signal.put(t, v) === 'stale') continue;
      if (!(t < signal.latestT)) {
        signal.latestT = Math.floor(t / signal.resolutionMs) * signal.resolutionMs;
        signal.latestV = v;
      }
    }
    this.historyPoints += signal.length - before;
    return true;
  }

  /** Replaces an entity's event counts and latest events (restore, merged views). */
  replaceEvents(entityId: string, countsBySeverity: Record<string, number>, latest: readonly EntityEvent[]): boolean {
    const rec = this.entities.get(entityId);
    if (!rec) return false;
    const log = (rec.events = new EventLog());
    Object.assign(log.counts, countsBySeverity);
    log.latest.push(...latest.slice(0, this.limits.maxEventsPerEntity));
    return true;
  }

  private addSignal(rec: EntityRecord, name: string, unit: string, kind: string): SignalRecord | undefined {
    if (name.length > this.limits.maxSignalNameLength) return this.refuse('signal_name_too_long');
    if ((rec.signals?.size ?? 0) >= this.limits.maxSignalsPerEntity) return this.refuse('entity_signal_limit');
    if (this.signalCount >= this.limits.maxSignals) return this.refuse('signal_limit');
    const signal = new SignalRecord(name, unit, kind, this.history.capacity, this.history.resolutionMs);
    (rec.signals ??= new Map()).set(name, signal);
    this.signalCount += 1;
    if (this.hooks.listening()) this.hooks.emit({ kind: 'signal.added', entity: rec.id, signal: name, at: this.hooks.now() });
    return signal;
  }

  private refuse(reason: string): undefined {
    this.hooks.drop(reason);
    return undefined;
  }

  private setParent(rec: EntityRecord, parent: string | undefined): void {
    if (rec.parent === parent) return;
    rec.parent = parent;
    this.journal.entity(rec.id);
    this.emitEntity('entity.updated', rec);
  }

  private mergeAttributes(rec: EntityRecord, attributes: EntityAttributes): boolean {
    let changed = false;
    const own = rec.attributes;
    for (const key in attributes) {
      const value = this.truncate(attributes[key]);
      if (Object.hasOwn(own, key)) {
        if (own[key] === value) continue;
      } else if (rec.attributeCount >= this.limits.maxAttributesPerEntity) {
        this.hooks.drop('attribute_limit');
        continue;
      } else {
        rec.attributeCount += 1;
      }
      own[key] = value;
      changed = true;
    }
    return changed;
  }

  private limitAttributes(attributes: EntityAttributes): EntityAttributes {
    const out: EntityAttributes = {};
    let count = 0;
    for (const key in attributes) {
      if (count++ >= this.limits.maxAttributesPerEntity) {
        this.hooks.drop('attribute_limit');
        continue;
      }
      out[key] = this.truncate(attributes[key]);
    }
    return out;
  }

  private truncate<T extends string | number | boolean>(value: T): T {
    if (typeof value !== 'string' || value.length <= this.limits.maxAttributeValueLength) return value;
    this.hooks.drop('attribute_truncated');
    return value.slice(0, this.limits.maxAttributeValueLength) as T;
  }

  private emitEntity(kind: 'entity.added' | 'entity.updated', rec: EntityRecord): void {
    if (this.hooks.listening()) this.hooks.emit({ kind, entity: entityView(rec), at: this.hooks.now() });
  }
}

function detach(rec: EntityRecord, relation: RelationRecord): void {
  const list = rec.relations;
  if (!list) return;
  const i = list.indexOf(relation);
  if (i >= 0) list.splice(i, 1);
}
