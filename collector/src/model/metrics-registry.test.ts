import { InMemoryMetricsRegistry } from './metrics-registry';

describe('InMemoryMetricsRegistry histograms', () => {
  it('reads back cumulative buckets, sum and count of weighted observations', () => {
    const registry = new InMemoryMetricsRegistry();
    const h = registry.histogram('x_seconds', 'X.', ['a'], [0.1, 1]);
    h.observe({ a: '1' }, 0.05);
    h.observe({ a: '1' }, 0.5, 2);
    h.observe({ a: '1' }, 5, 0.5);
    expect(registry.get('x_seconds_bucket', { a: '1', le: '0.1' })).toBe(1);
    expect(registry.get('x_seconds_bucket', { a: '1', le: '1' })).toBe(3);
    expect(registry.get('x_seconds_bucket', { a: '1', le: '+Inf' })).toBe(3.5);
    expect(registry.get('x_seconds_sum', { a: '1' })).toBe(3.55);
    expect(registry.get('x_seconds_count', { a: '1' })).toBe(3.5);
    expect(registry.get('x_seconds_count', { a: '2' })).toBe(0);
  });

  it('feeds the same series through a bound handle', () => {
    const registry = new InMemoryMetricsRegistry();
    const h = registry.histogram('x_seconds', 'X.', ['a'], [0.1, 1]);
    h.bind({ a: '1' }).observe(0.5, 2);
    h.observe({ a: '1' }, 0.05);
    expect(registry.get('x_seconds_bucket', { a: '1', le: '1' })).toBe(3);
    expect(registry.get('x_seconds_count', { a: '1' })).toBe(3);
  });
});

describe('InMemoryMetricsRegistry gauges', () => {
  it('sets and removes a series', () => {
    const registry = new InMemoryMetricsRegistry();
    const gauge = registry.gauge('g');
    gauge.set({ k: 'a' }, 3);
    expect([registry.has('g', { k: 'a' }), registry.get('g', { k: 'a' })]).toEqual([true, 3]);
    gauge.remove({ k: 'a' });
    expect([registry.has('g', { k: 'a' }), registry.get('g', { k: 'a' })]).toEqual([false, 0]);
  });
});
