import type { Entity, Twin } from '../model';
import type { TwinStore } from '../store';

/** Desired-state values: what an operator or a remediation wants an entity's settings to be. */
export type DesiredValues = Record<string, number | string | boolean>;

export interface DesiredState {
  /**
   * Merges values into an entity's desired state. Resolves once the new state and its audit
   * record are committed to the store, with the entity as it now is; undefined when the twin
   * does not know the entity (nothing is stored then).
   */
  set(entityId: string, values: DesiredValues, actor: string): Promise<Entity | undefined>;
  /** Reads every stored desired state and applies it (on start, and after pulling a shared store). */
  load(): Promise<void>;
  /** Stops following the twin. */
  close(): void;
}

const KIND = 'desired';

/**
 * Desired state is the user's, not telemetry's: a stored object per entity, committed before the
 * API answers, rather than part of the batched flush of twin state. An entity that is not in the
 * twin when its desired state is loaded (its telemetry was newer than the last flush before a
 * crash) gets it as soon as it reappears.
 */
export function createDesiredState(twin: Twin, store: TwinStore): DesiredState {
  const stored = new Map<string, DesiredValues>();
  const unsubscribe = twin.subscribe((change) => {
    if (change.kind !== 'entity.added') return;
    const values = stored.get(change.entity.id);
    if (values) twin.setDesired(change.entity.id, values);
  });
  return {
    async set(entityId, values, actor) {
      const current = twin.getEntity(entityId);
      if (!current) return undefined;
      const desired = { ...stored.get(entityId), ...current.desired, ...values };
      await store.putObject(KIND, entityId, desired);
      await store.appendAudit({ actor, action: 'desired.set', target: entityId, detail: { values } });
      stored.set(entityId, desired);
      twin.setDesired(entityId, values);
      return twin.getEntity(entityId);
    },
    async load() {
      for (const object of await store.listObjects(KIND)) {
        const values = object.value as DesiredValues;
        stored.set(object.id, values);
        if (twin.hasEntity(object.id)) twin.setDesired(object.id, values);
      }
    },
    close: unsubscribe,
  };
}
