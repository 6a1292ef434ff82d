import { createSeriesState } from './series-state';

describe('createSeriesState', () => {
  it('evicts the least recently updated key beyond the cap and reports it', () => {
    let evicted = 0;
    const state = createSeriesState<number>(2, () => (evicted += 1));
    state.set('a', 1);
    state.set('b', 2);
    state.set('a', 3);
    state.set('c', 4);
    expect(evicted).toBe(1);
    expect(state.size).toBe(2);
    expect(state.get('b')).toBeUndefined();
    expect(state.get('a')).toBe(3);
    expect(state.get('c')).toBe(4);
  });

  it.each([1, 2, 50])('keeps least-recently-updated order through long churn with re-set keys (cap %i)', (max) => {
    let evicted = 0;
    const state = createSeriesState<number>(max, () => (evicted += 1));
    // Reference model: keys in least-recently-updated order, and what it evicted.
    let order: string[] = [];
    let modelEvicted = 0;
    for (let i = 0; i < 3_000; i++) {
      const key = i % 3 === 0 ? `hot-${i % 4}` : `key-${i}`;
      state.set(key, i);
      order = [...order.filter((k) => k !== key), key];
      if (order.length > max) {
        order.shift();
        modelEvicted += 1;
      }
    }
    expect([state.size, evicted]).toEqual([max, modelEvicted]);
    expect(order.map((k) => state.get(k) !== undefined)).toEqual(order.map(() => true));
  });
});
