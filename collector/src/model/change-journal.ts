import type { EntityRecord, SignalRecord } from './twin-records';

/**
 * What changed in the graph store since the last flush, for the store to save. Off until a
 * persistence layer starts it (nothing would ever drain it otherwise). Marks cost one set
 * insertion per entity or relation write, and one flag test per signal point: a signal is
 * listed once, with the first bucket written since the last flush.
 */
export class ChangeJournal {
  tracking = false;
  readonly entities = new Set<string>();
  readonly relations = new Set<string>();
  readonly events = new Set<string>();
  readonly signals: { entity: EntityRecord; signal: SignalRecord }[] = [];
  readonly removedEntities = new Set<string>();
  readonly removedRelations = new Set<string>();

  entity(id: string): void {
    if (!this.tracking) return;
    this.entities.add(id);
    this.removedEntities.delete(id);
  }

  relation(id: string): void {
    if (!this.tracking) return;
    this.relations.add(id);
    this.removedRelations.delete(id);
  }

  event(entityId: string): void {
    if (this.tracking) this.events.add(entityId);
  }

  /** A point at `t` was written; later writes in this flush are never older (history is append-only). */
  signal(entity: EntityRecord, signal: SignalRecord, t: number): void {
    if (!this.tracking || !Number.isNaN(signal.dirtyFrom)) return;
    signal.dirtyFrom = Math.floor(t / signal.resolutionMs) * signal.resolutionMs;
    this.signals.push({ entity, signal });
  }

  removeEntity(id: string): void {
    if (!this.tracking) return;
    this.entities.delete(id);
    this.events.delete(id);
    this.removedEntities.add(id);
  }

  removeRelation(id: string): void {
    if (!this.tracking) return;
    this.relations.delete(id);
    this.removedRelations.add(id);
  }

  clear(): void {
    this.entities.clear();
    this.relations.clear();
    this.events.clear();
    for (const { signal } of this.signals) signal.dirtyFrom = NaN;
    this.signals.length = 0;
    this.removedEntities.clear();
    this.removedRelations.clear();
  }
}
