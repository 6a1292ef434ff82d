/** A bounded log of flagged points: a ring that drops the oldest event when full. */
import type { AnomalyEvent, AnomalyQuery } from './types';

export interface AnomalyLog {
  add(event: AnomalyEvent): void;
  /** Events within [from, to] matching the filters, newest first (by log order), at most `limit`. */
  query(query: AnomalyQuery): AnomalyEvent[];
  readonly size: number;
}

export function createAnomalyLog(capacity: number): AnomalyLog {
  const events: AnomalyEvent[] = [];
  let next = 0;
  return {
    add(event) {
      if (events.length < capacity) events.push(event);
      else events[next] = event;
      next = (next + 1) % capacity;
    },
    query({ from, to, entity, minScore, limit }) {
      const out: AnomalyEvent[] = [];
      // Newest is just before `next`; walk backwards over the ring.
      for (let k = 1; k <= events.length && out.length < limit; k++) {
        const e = events[(next - k + events.length * 2) % events.length];
        if (e.t < from || e.t > to) continue;
        if (entity !== undefined && e.entity !== entity) continue;
        if (minScore !== undefined && e.score < minScore) continue;
        out.push(e);
      }
      return out;
    },
    get size() {
      return events.length;
    },
  };
}
