import { SignalRing } from './signal-ring';
import type {
  Entity,
  EntityAttributes,
  EntityEvent,
  EventSummary,
  Level,
  Relation,
  RelationType,
  SignalSummary,
} from './types';

/**
 * The store's private records. They are classes with fixed fields (one hidden class each, no
 * closures) and allocate their optional parts (signals, relations, events, desired) only on first
 * use, so an entity with a few attributes and two relations stays well under 1 KB.
 */

export class SignalRecord extends SignalRing {
  latestT = NaN;
  latestV = NaN;
  /** The first bucket written since the last flush; NaN when nothing was (see ChangeJournal). */
  dirtyFrom = NaN;

  constructor(
    readonly name: string,
    public unit: string,
    public kind: string,
    capacity: number,
    resolutionMs: number,
  ) {
    super(capacity, resolutionMs);
  }
}

export class EventLog {
  readonly counts: Record<string, number> = {};
  /** Newest first. */
  readonly latest: EntityEvent[] = [];
}

export class RelationRecord {
  stats: Record<string, number> | undefined = undefined;

  constructor(
    readonly id: string,
    readonly from: string,
    readonly to: string,
    readonly type: RelationType,
    public firstSeen: number,
    public lastSeen: number,
  ) {}
}

export class EntityRecord {
  attributes: EntityAttributes = {};
  attributeCount = 0;
  parent: string | undefined = undefined;
  desired: Record<string, number | string | boolean> | undefined = undefined;
  signals: Map<string, SignalRecord> | undefined = undefined;
  /** Relations in both directions. */
  relations: RelationRecord[] | undefined = undefined;
  events: EventLog | undefined = undefined;

  constructor(
    readonly id: string,
    public type: string,
    public level: Level,
    public name: string,
    public firstSeen: number,
    public lastSeen: number,
  ) {}
}

export function relationId(from: string, to: string, type: RelationType): string {
  return `${type}:${from}->${to}`;
}

/** A detached copy, safe to hand out and serialise. */
export function entityView(rec: EntityRecord): Entity {
  return {
    id: rec.id,
    type: rec.type,
    level: rec.level,
    name: rec.name,
    attributes: { ...rec.attributes },
    parent: rec.parent,
    desired: rec.desired ? { ...rec.desired } : {},
    firstSeen: rec.firstSeen,
    lastSeen: rec.lastSeen,
  };
}

export function relationView(rec: RelationRecord): Relation {
  return {
    id: rec.id,
    from: rec.from,
    to: rec.to,
    type: rec.type,
    stats: rec.stats ? { ...rec.stats } : {},
    firstSeen: rec.firstSeen,
    lastSeen: rec.lastSeen,
  };
}

export function signalSummaries(rec: EntityRecord): SignalSummary[] {
  if (!rec.signals) return [];
  const out: SignalSummary[] = [];
  for (const s of rec.signals.values()) {
    const latest = Number.isNaN(s.latestT) ? undefined : { t: s.latestT, v: s.latestV };
    out.push({ name: s.name, unit: s.unit, kind: s.kind, latest });
  }
  return out;
}

export function eventSummary(rec: EntityRecord): EventSummary {
  if (!rec.events) return { countsBySeverity: {}, latestErrors: [] };
  return {
    countsBySeverity: { ...rec.events.counts },
    latestErrors: rec.events.latest.map((e) => ({ ...e, attributes: { ...e.attributes } })),
  };
}
