import { createPrometheusRegistry } from './prometheus-registry';

describe('createPrometheusRegistry', () => {
  it('renders counters, gauges and observable gauges as exact Prometheus text', async () => {
    const registry = createPrometheusRegistry({ defaultMetrics: false });
    const requests = registry.counter('twinops_api_requests_total', 'API requests served.', ['route', 'status']);
    requests.inc({ route: '/api/v1/entities', status: '200' });
    requests.inc({ route: '/api/v1/entities', status: '200' }, 2);
    requests.inc({ route: 'unmatched', status: '404' });
    registry.counter('twinops_plain_total', 'A counter without labels.').inc();
    registry.gauge('twinops_queue_items', 'Items waiting.', ['queue']).set({ queue: 'spans' }, 7);
    let entities = 3;
    registry.observableGauge('twinops_twin_entities', 'Entities in the twin.', () => entities);
    entities = 5;

    expect(await registry.metrics()).toBe(
      [
        '# HELP twinops_api_requests_total API requests served.',
        '# TYPE twinops_api_requests_total counter',
        'twinops_api_requests_total{route="/api/v1/entities",status="200"} 3',
        'twinops_api_requests_total{route="unmatched",status="404"} 1',
        '',
        '# HELP twinops_plain_total A counter without labels.',
        '# TYPE twinops_plain_total counter',
        'twinops_plain_total 1',
        '',
        '# HELP twinops_queue_items Items waiting.',
        '# TYPE twinops_queue_items gauge',
        'twinops_queue_items{queue="spans"} 7',
        '',
        '# HELP twinops_twin_entities Entities in the twin.',
        '# TYPE twinops_twin_entities gauge',
        'twinops_twin_entities 5',
        '',
      ].join('\n'),
    );
    expect(registry.contentType).toBe('text/plain; version=0.0.4; charset=utf-8');
  });

  it('returns the same metric when a name is registered twice', async () => {
    const registry = createPrometheusRegistry({ defaultMetrics: false });
    const first = registry.counter('twinops_x_total', 'X.', ['kind']);
    const second = registry.counter('twinops_x_total', 'X.', ['kind']);
    expect(second).toBe(first);
    first.inc({ kind: 'a' });
    second.inc({ kind: 'a' });
    expect(registry.gauge('twinops_g', 'G.')).toBe(registry.gauge('twinops_g', 'G.'));
    expect(await registry.metrics()).toContain('twinops_x_total{kind="a"} 2\n');
  });

  it('removes a gauge series so it is no longer rendered', async () => {
    const registry = createPrometheusRegistry({ defaultMetrics: false });
    const gauge = registry.gauge('twinops_g', 'G.', ['k']);
    gauge.set({ k: 'a' }, 1);
    gauge.set({ k: 'b' }, 2);
    gauge.remove({ k: 'a' });
    expect(await registry.metrics()).toBe('# HELP twinops_g G.\n# TYPE twinops_g gauge\ntwinops_g{k="b"} 2\n');
  });

  it('lets a second observable gauge registration replace the reader', async () => {
    const registry = createPrometheusRegistry({ defaultMetrics: false });
    registry.observableGauge('twinops_o', 'O.', () => 1);
    registry.observableGauge('twinops_o', 'O.', () => 2);
    expect(await registry.metrics()).toBe('# HELP twinops_o O.\n# TYPE twinops_o gauge\ntwinops_o 2\n');
  });

  it('shows NaN for an observable gauge whose reader throws, and still renders the rest', async () => {
    const registry = createPrometheusRegistry({ defaultMetrics: false });
    registry.observableGauge('twinops_broken', 'Broken.', () => {
      throw new Error('boom');
    });
    registry.counter('twinops_ok_total', 'OK.').inc();
    // prom-client spells NaN "Nan"; Prometheus parses floats case-insensitively, so it reads as NaN.
    expect(await registry.metrics()).toBe(
      '# HELP twinops_broken Broken.\n# TYPE twinops_broken gauge\ntwinops_broken Nan\n\n' +
        '# HELP twinops_ok_total OK.\n# TYPE twinops_ok_total counter\ntwinops_ok_total 1\n',
    );
  });

  it.each([
    [
      'a gauge over a counter',
      (r: ReturnType<typeof createPrometheusRegistry>) => r.gauge('twinops_x_total', 'X.', ['kind']),
      'metric twinops_x_total is already registered as a counter with labels [kind]; cannot register it as a gauge with labels [kind]',
    ],
    [
      'other label names',
      (r: ReturnType<typeof createPrometheusRegistry>) => r.counter('twinops_x_total', 'X.', ['route']),
      'metric twinops_x_total is already registered as a counter with labels [kind]; cannot register it as a counter with labels [route]',
    ],
    [
      'an observable gauge over a counter',
      (r: ReturnType<typeof createPrometheusRegistry>) => r.observableGauge('twinops_x_total', 'X.', () => 1),
      'metric twinops_x_total is already registered as a counter with labels [kind]; cannot register it as a observable gauge with labels []',
    ],
  ])('refuses %s under the same name', (_case, register, message) => {
    const registry = createPrometheusRegistry({ defaultMetrics: false });
    registry.counter('twinops_x_total', 'X.', ['kind']);
    expect(() => register(registry)).toThrow(message);
  });

  it('adds the standard process and Node.js metrics by default', async () => {
    const text = await createPrometheusRegistry().metrics();
    expect(text).toContain('# TYPE process_resident_memory_bytes gauge\n');
    expect(text).toContain('# TYPE process_cpu_seconds_total counter\n');
    expect(text).toContain('# TYPE nodejs_eventloop_lag_seconds gauge\n');
    expect(text).toMatch(/^process_resident_memory_bytes \d+$/m);
  });
});

describe('weighted histograms', () => {
  it('renders cumulative buckets, sum and count, with weights and labels in declared order', async () => {
    const registry = createPrometheusRegistry({ defaultMetrics: false });
    const latency = registry.histogram('twinops_latency_seconds', 'Latency.', ['server', 'client'], [0.1, 0.5]);
    latency.observe({ client: 'a', server: 'b' }, 0.05);
    latency.observe({ client: 'a', server: 'b' }, 0.3, 2);
    latency.observe({ client: 'a', server: 'b' }, 0.5, 0.5);
    latency.observe({ client: 'a', server: 'b' }, 7);
    latency.observe({ client: 'c', server: 'b' }, 0.1, 4);
    latency.observe({ client: 'c', server: 'b' }, Number.NaN);
    latency.observe({ client: 'c', server: 'b' }, 1, 0);
    expect(registry.histogram('twinops_latency_seconds', 'Latency.', ['server', 'client'], [0.1, 0.5])).toBe(latency);
    expect(await registry.metrics()).toBe(
      [
        '# HELP twinops_latency_seconds Latency.',
        '# TYPE twinops_latency_seconds histogram',
        'twinops_latency_seconds_bucket{server="b",client="a",le="0.1"} 1',
        'twinops_latency_seconds_bucket{server="b",client="a",le="0.5"} 3.5',
        'twinops_latency_seconds_bucket{server="b",client="a",le="+Inf"} 4.5',
        'twinops_latency_seconds_sum{server="b",client="a"} 7.9',
        'twinops_latency_seconds_count{server="b",client="a"} 4.5',
        'twinops_latency_seconds_bucket{server="b",client="c",le="0.1"} 4',
        'twinops_latency_seconds_bucket{server="b",client="c",le="0.5"} 4',
        'twinops_latency_seconds_bucket{server="b",client="c",le="+Inf"} 4',
        'twinops_latency_seconds_sum{server="b",client="c"} 0.4',
        'twinops_latency_seconds_count{server="b",client="c"} 4',
        '',
      ].join('\n'),
    );
  });

  it('binds a series that appears at its first observation and is the same series observe feeds', async () => {
    const registry = createPrometheusRegistry({ defaultMetrics: false });
    const latency = registry.histogram('twinops_bound_seconds', 'Bound.', ['server', 'client'], [0.1]);
    const bound = latency.bind({ client: 'a', server: 'b' });
    bound.observe(Number.NaN);
    bound.observe(1, 0);
    expect(await registry.metrics()).toBe('# HELP twinops_bound_seconds Bound.\n# TYPE twinops_bound_seconds histogram\n');
    bound.observe(0.05);
    latency.observe({ server: 'b', client: 'a' }, 0.3, 2);
    bound.observe(0.2, 0.5);
    expect(await registry.metrics()).toBe(
      [
        '# HELP twinops_bound_seconds Bound.',
        '# TYPE twinops_bound_seconds histogram',
        'twinops_bound_seconds_bucket{server="b",client="a",le="0.1"} 1',
        'twinops_bound_seconds_bucket{server="b",client="a",le="+Inf"} 3.5',
        'twinops_bound_seconds_sum{server="b",client="a"} 0.75',
        'twinops_bound_seconds_count{server="b",client="a"} 3.5',
        '',
      ].join('\n'),
    );
  });

  it('refuses a histogram under a name already used by another kind', () => {
    const registry = createPrometheusRegistry({ defaultMetrics: false });
    registry.counter('twinops_h', 'H.', ['a']);
    expect(() => registry.histogram('twinops_h', 'H.', ['a'], [1])).toThrow(
      'metric twinops_h is already registered as a counter with labels [a]; cannot register it as a histogram with labels [a]',
    );
  });
});
