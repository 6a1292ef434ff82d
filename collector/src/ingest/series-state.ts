/**
 * A bounded map of per-series state (the previous cumulative point of each series), kept in
 * least-recently-updated order: `set` moves a key to the end, and past `maxItems` the key at the
 * head (updated longest ago) is evicted and reported, so the owner can count it.
 */
export interface SeriesState<T> {
  get(key: string): T | undefined;
  set(key: string, value: T): void;
  readonly size: number;
}

export function createSeriesState<T>(maxItems: number, onEvict: () => void): SeriesState<T> {
  const items = new Map<string, T>();
  // One long-lived iterator finds the head. A fresh `keys().next()` per eviction rescans the
  // deleted slots V8 leaves at the front of the table until it compacts, which made a flood of
  // distinct series (a million service names) take minutes; this one passes each slot once.
  // Everything it has passed is deleted, so its next key is always the oldest live one.
  let head = items.keys();
  const evictOldest = (): void => {
    let next = head.next();
    if (next.done) {
      // Not reached while more than maxItems keys are live after it; a finished iterator would
      // stay finished even as keys arrive, so start over rather than trust it.
      head = items.keys();
      next = head.next();
    }
    items.delete(next.value as string);
    onEvict();
  };
  return {
    get: (key) => items.get(key),
    set(key, value) {
      items.delete(key);
      items.set(key, value);
      if (items.size > maxItems) evictOldest();
    },
    get size() {
      return items.size;
    },
  };
}
