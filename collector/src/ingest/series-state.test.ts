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
});
