import type { Entity, EventState, Relation, SignalState, TwinDelta } from '../../model';

/**
 * A delta as sent to the writer thread. Posting a delta as it is costs a structured clone of
 * every signal object and its point objects on this thread (~15 ms for 12,000 signals / 15,000
 * points); most of it is the signals' four strings. Here points travel as one Float64Array
 * (t, v pairs, transferred, not copied), and each signal as a number: the packer gives every
 * (entity, name, unit, kind) a code and sends its strings once, the first time it is used.
 */
export interface PackedDelta {
  entities: Entity[];
  relations: Relation[];
  events: EventState[];
  removedEntities: string[];
  removedRelations: string[];
  /** New codes: code, then entity, name, unit and kind, five entries per signal. */
  defined: (number | string)[];
  /** Per signal of the delta: its code and its number of points. */
  signals: Uint32Array;
  /** The points of every signal in order: t, v, t, v, ... */
  points: Float64Array;
  /** Codes of removed entities' signals: the unpacker drops them once the delta is applied. */
  forgotten: number[];
}

interface Known {
  code: number;
  unit: string;
  kind: string;
}

export interface DeltaPacker {
  /** Packs `delta` (and the codes it defines: pack every delta, in the order they are sent); `transfer` lists the buffers to move. */
  pack(delta: TwinDelta): { packed: PackedDelta; transfer: ArrayBuffer[] };
}

export function createDeltaPacker(): DeltaPacker {
  const byEntity = new Map<string, Map<string, Known>>();
  let nextCode = 1;

  function codeOf(s: SignalState, defined: (number | string)[]): number {
    let names = byEntity.get(s.entity);
    if (!names) byEntity.set(s.entity, (names = new Map()));
    const known = names.get(s.name);
    if (known && known.unit === s.unit && known.kind === s.kind) return known.code;
    // A changed unit or kind gets a new code: codes are never reused, so none is ambiguous.
    const code = nextCode++;
    names.set(s.name, { code, unit: s.unit, kind: s.kind });
    defined.push(code, s.entity, s.name, s.unit, s.kind);
    return code;
  }

  return {
    pack(delta) {
      const forgotten: number[] = [];
      for (const id of delta.removedEntities ?? []) {
        for (const known of byEntity.get(id)?.values() ?? []) forgotten.push(known.code);
        byEntity.delete(id);
      }
      const list = delta.signals ?? [];
      let count = 0;
      for (const s of list) count += s.points.length;
      const signals = new Uint32Array(list.length * 2);
      const points = new Float64Array(count * 2);
      const defined: (number | string)[] = [];
      let at = 0;
      try {
        list.forEach((s, i) => {
          signals[i * 2] = codeOf(s, defined);
          signals[i * 2 + 1] = s.points.length;
          for (const p of s.points) {
            points[at++] = p.t;
            points[at++] = p.v;
          }
        });
      } catch (error) {
        // This delta is never sent: codes it defined would be unknown to the unpacker.
        for (let i = 0; i < defined.length; i += 5) {
          const names = byEntity.get(defined[i + 1] as string);
          if (names?.get(defined[i + 2] as string)?.code === defined[i]) names.delete(defined[i + 2] as string);
        }
        throw error;
      }
      const packed: PackedDelta = {
        entities: delta.entities ?? [],
        relations: delta.relations ?? [],
        events: delta.events ?? [],
        removedEntities: delta.removedEntities ?? [],
        removedRelations: delta.removedRelations ?? [],
        defined,
        signals,
        points,
        forgotten,
      };
      return { packed, transfer: [signals.buffer, points.buffer] };
    },
  };
}

export interface DeltaUnpacker {
  /** The delta `packed` was made from; registers the codes it defines. */
  unpack(packed: PackedDelta): TwinDelta;
  /** Drops the codes the delta marked forgotten (call after applying it). */
  forget(packed: PackedDelta): void;
}

export function createDeltaUnpacker(): DeltaUnpacker {
  const headers = new Map<number, Omit<SignalState, 'points'>>();
  return {
    unpack(packed) {
      const d = packed.defined;
      for (let i = 0; i < d.length; i += 5) {
        headers.set(d[i] as number, { entity: d[i + 1] as string, name: d[i + 2] as string, unit: d[i + 3] as string, kind: d[i + 4] as string });
      }
      const signals: SignalState[] = [];
      let at = 0;
      for (let i = 0; i < packed.signals.length; i += 2) {
        const header = headers.get(packed.signals[i]);
        if (!header) throw new Error(`packed delta: unknown signal code ${packed.signals[i]}`);
        const points = new Array(packed.signals[i + 1]);
        for (let p = 0; p < points.length; p++, at += 2) points[p] = { t: packed.points[at], v: packed.points[at + 1] };
        signals.push({ ...header, points });
      }
      const { entities, relations, events, removedEntities, removedRelations } = packed;
      return { entities, relations, signals, events, removedEntities, removedRelations };
    },
    forget(packed) {
      for (const code of packed.forgotten) headers.delete(code);
    },
  };
}
