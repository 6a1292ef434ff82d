import type Database from 'better-sqlite3';
import type { SignalState, TwinState } from '../../model';
import type { StoreChanges } from '../twin-store';
import { rawBlock } from './blocks';
import { entityFromRow, eventsFromRow, relationFromRow } from './rows';
import type { EntityRow, EventRow, RelationRow } from './rows';

export interface StateReader {
  /**
   * Entities, relations and events written after revision `afterRev` (-1: all), every signal
   * with its points at t >= sinceMs, in the contract order.
   */
  read(afterRev: number, sinceMs: number): TwinState;
  /**
   * changesSince for one collector: the cursor is the revision of the last writeDelta seen.
   * Signals come whole (points since sinceMs), changed or not: a superset, which the contract allows.
   */
  changesSince(cursor: string | undefined, sinceMs: number): StoreChanges;
}

interface SignalRow {
  id: number;
  entity: string;
  name: string;
  unit: string;
  kind: string;
}

export function createStateReader(db: Database.Database): StateReader {
  const entities = db.prepare('SELECT * FROM entities WHERE rev > ? ORDER BY id');
  const relations = db.prepare('SELECT * FROM relations WHERE rev > ? ORDER BY id');
  const signals = db.prepare('SELECT id, entity, name, unit, kind FROM signals ORDER BY entity, name');
  // Block order: each signal's points still come oldest first.
  const points = db.prepare('SELECT signal_id, t, v FROM points WHERE block >= ? AND t >= ?').raw();
  const events = db.prepare('SELECT entity, counts, latest FROM events WHERE rev > ? ORDER BY entity');
  const currentRev = db.prepare("SELECT value FROM meta WHERE key = 'rev'").pluck();
  const buried = db.prepare('SELECT kind, id FROM tombstones WHERE rev > ? ORDER BY id');

  function readSignals(sinceMs: number): SignalState[] {
    const byId = new Map<number, SignalState>();
    const out: SignalState[] = [];
    for (const row of signals.all() as SignalRow[]) {
      const state: SignalState = { entity: row.entity, name: row.name, unit: row.unit, kind: row.kind, points: [] };
      byId.set(row.id, state);
      out.push(state);
    }
    for (const [id, t, v] of points.iterate(rawBlock(Math.max(sinceMs, Number.MIN_SAFE_INTEGER)), sinceMs) as IterableIterator<[number, number, number]>) {
      byId.get(id)?.points.push({ t, v });
    }
    return out;
  }

  // A deferred transaction reads one consistent snapshot of the file.
  const read = db.transaction(
    (afterRev: number, sinceMs: number): TwinState => ({
      entities: (entities.all(afterRev) as EntityRow[]).map(entityFromRow),
      relations: (relations.all(afterRev) as RelationRow[]).map(relationFromRow),
      signals: readSignals(sinceMs),
      events: (events.all(afterRev) as EventRow[]).map(eventsFromRow),
    }),
  );

  const changes = db.transaction((afterRev: number, sinceMs: number): StoreChanges => {
    const state = read(afterRev, sinceMs);
    const tombs = buried.all(afterRev) as { kind: string; id: string }[];
    const removedEntities = tombs.filter((row) => row.kind === 'entity').map((row) => row.id);
    const removedRelations = tombs.filter((row) => row.kind === 'relation').map((row) => row.id);
    return { delta: { ...state, removedEntities, removedRelations }, cursor: String(currentRev.get()) };
  });

  return {
    read: (afterRev, sinceMs) => read(afterRev, sinceMs),
    changesSince(cursor, sinceMs) {
      const afterRev = cursor === undefined ? -1 : Number(cursor);
      if (!Number.isInteger(afterRev)) throw new Error(`not a cursor of this store: ${JSON.stringify(cursor)}`);
      return changes(afterRev, sinceMs);
    },
  };
}
