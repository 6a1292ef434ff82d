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
  return {
    get: (key) => items.get(key),
    set(key, value) {
      items.delete(key);
      items.set(key, value);
      if (items.size > maxItems) {
        items.delete(items.keys().next().value as string);
        onEvict();
      }
    },
    get size() {
      return items.size;
    },
  };
}
