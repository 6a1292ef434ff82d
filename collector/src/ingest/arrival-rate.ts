import { createSeriesState } from './series-state';
import type { Clock } from '../model';

/** What `count` reports for one key. */
export interface ArrivalCount {
  /** Items counted since the key was first seen (or last evicted). */
  total: number;
  /** Items per second since the previous batch of this key; undefined on the first batch. */
  perSecond: number | undefined;
}

/**
 * Counts items (log records, spans) per key as batches arrive, by the injected clock: the rate is
 * the batch's count over the time since the key's previous batch. Exporters send batches every
 * few seconds, so this follows the arrival rate closely without timers. Keys are bounded like
 * the cumulative series state; an evicted key starts over.
 */
export function createArrivalRate(clock: Clock, maxKeys: number, onEvict: () => void) {
  const state = createSeriesState<{ lastMs: number; total: number }>(maxKeys, onEvict);
  return {
    count(key: string, items: number): ArrivalCount {
      const now = clock.now();
      const previous = state.get(key);
      const total = (previous?.total ?? 0) + items;
      state.set(key, { lastMs: now, total });
      const elapsed = previous ? (now - previous.lastMs) / 1000 : 0;
      return { total, perSecond: elapsed > 0 ? items / elapsed : undefined };
    },
  };
}
