import { InMemoryMetricsRegistry, createTwin, defaultTwinModelConfig } from '../model';
import { NOW, createTestApp } from './test-support/test-app';

/** frontend calls cart; cart slows down two buckets before frontend does. */
function slowCart() {
  const twin = createTwin(defaultTwinModelConfig(), { clock: { now: () => NOW }, metrics: new InMemoryMetricsRegistry() });
  twin.upsertEntity({ id: 'service:frontend', type: 'service', level: 'system' });
  twin.upsertEntity({ id: 'service:cart', type: 'service', level: 'system' });
  twin.upsertRelation('service:frontend', 'service:cart', 'calls');
  for (let i = 0; i < 60; i++) {
    const t = NOW - 600_000 + i * 10_000;
    twin.recordSignal('service:cart', 'latency', 's', 'gauge', t, 0.05 + 0.001 * Math.sin(i) + (i >= 40 ? 0.2 : 0));
    twin.recordSignal('service:frontend', 'latency', 's', 'gauge', t, 0.1 + 0.001 * Math.sin(i) + (i >= 42 ? 0.2 : 0));
  }
  return createTestApp({ twin });
}

describe('GET /api/v1/rca and /api/v1/correlations', () => {
  it('ranks the callee that slowed first, with the path and the moment it began', async () => {
    const { app } = slowCart();
    const res = await app.inject('/api/v1/rca?entity=service%3Afrontend&signal=latency&window=10m');
    expect(res.statusCode).toBe(200);
    const [first, second] = res.json().items;
    expect(first).toMatchObject({ entity: 'service:cart', path: ['service:cart', 'service:frontend'], anomalous: true, onset: NOW - 200_000 });
    expect(second).toMatchObject({ entity: 'service:frontend', explainedBy: 'service:cart' });
  });

  it('lists the signals that moved with one, with the lead', async () => {
    const { app } = slowCart();
    const res = await app.inject('/api/v1/correlations?entity=service%3Afrontend&signal=latency&from=now-10m&maxLag=30s');
    expect(res.json().items[0]).toMatchObject({ entity: 'service:cart', signal: 'latency', lag: 20_000 });
  });

  it.each([
    ['/api/v1/rca?entity=service%3Anowhere&signal=latency', 404, 'entity "service:nowhere" not found'],
    ['/api/v1/rca?entity=service%3Acart&signal=cpu', 404, 'signal "cpu" not found on entity "service:cart"'],
    ['/api/v1/rca?entity=service%3Acart&signal=latency&window=2d', 400, 'window: must be at most 24h, got "2d"'],
    ['/api/v1/correlations?entity=service%3Acart&signal=latency&from=now&to=now-1h', 400, `from: must not be after to (${NOW - 3_600_000}), got ${NOW}`],
  ])('%s answers %i', async (url, status, message) => {
    const { app } = slowCart();
    const res = await app.inject(url);
    expect([res.statusCode, res.json().error.message]).toEqual([status, message]);
  });
});
