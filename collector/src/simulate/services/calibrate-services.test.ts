import { InMemoryMetricsRegistry, createTwin, defaultTwinModelConfig } from '../../model';
import type { Twin } from '../../model';
import { calibrateServices } from './calibrate-services';

const T0 = 1_700_000_000_000;
const BUCKETS = 30;
const rateAt = (i: number) => 100 + 5 * (i % 7);
const route = (status = 200) => `{http.request.method="GET",http.response.status_code="${status}",http.route="/"}`;

/**
 * user → frontend (1 instance on h1, 8 cores, 0.5 cores of batch beside it) → cart (2 calls per
 * request; 2 instances on h2, 8 cores) → PostgreSQL (virtual, 1 call per cart request). Spans
 * are sampled: their rates are a fixed fraction of the histograms'.
 */
function shop(options: { cartCores?: number; cart2StopsAt?: number } = {}): Twin {
  const twin = createTwin(defaultTwinModelConfig(), { clock: { now: () => T0 + BUCKETS * 10_000 }, metrics: new InMemoryMetricsRegistry() });
  const entity = (id: string, type: string, attributes: Record<string, number | boolean> = {}) => twin.upsertEntity({ id, type, level: 'system', attributes });
  entity('user', 'user', { virtual: true });
  entity('database:postgresql/shop', 'database', { virtual: true });
  entity('host:h1', 'host', { cores: 8 });
  entity('host:h2', 'host', { cores: 8 });
  for (const [service, instances] of [['frontend', ['frontend-1']], ['cart', ['cart-1', 'cart-2']]] as const) {
    entity(`service:${service}`, 'service');
    for (const i of instances) {
      entity(`instance:${i}`, 'instance', options.cartCores && service === 'cart' ? { cores: options.cartCores } : {});
      twin.upsertRelation(`service:${service}`, `instance:${i}`, 'contains');
      twin.upsertRelation(`instance:${i}`, service === 'frontend' ? 'host:h1' : 'host:h2', 'runs_on');
    }
  }
  twin.upsertRelation('user', 'service:frontend', 'calls');
  twin.upsertRelation('service:frontend', 'service:cart', 'calls');
  twin.upsertRelation('service:cart', 'database:postgresql/shop', 'database');
  const gauge = (id: string, name: string, t: number, v: number) => twin.recordSignal(id, name, '1', 'gauge', t, v);
  for (let i = 0; i < BUCKETS; i++) {
    const t = T0 + i * 10_000;
    const r = rateAt(i);
    const cart2 = options.cart2StopsAt === undefined || i < options.cart2StopsAt;
    gauge('instance:frontend-1', `http.server.request.duration.count.rate${route()}`, t, r);
    gauge('instance:frontend-1', `http.server.request.duration.mean${route()}`, t, 0.05);
    gauge('instance:cart-1', `http.server.request.duration.count.rate${route()}`, t, cart2 ? r : 2 * r);
    gauge('instance:cart-1', `http.server.request.duration.mean${route()}`, t, 0.01);
    gauge('instance:cart-2', `http.server.request.duration.count.rate${route()}`, t, cart2 ? r : 0);
    gauge('instance:cart-2', `http.server.request.duration.mean${route()}`, t, 0.01);
    gauge('host:h1', 'system.cpu.utilization', t, (0.5 + 0.01 * r) / 8);
    gauge('host:h2', 'system.cpu.utilization', t, (0.004 * 2 * r) / 8);
    gauge('service:frontend', 'service.requests_per_second', t, 2);
    gauge('service:frontend', 'service.latency_p95_seconds', t, 0.12);
    gauge('service:frontend', 'service.error_ratio', t, 0.01);
    gauge('service:frontend', 'edge.requests_per_second{to="service:cart",type="calls"}', t, 4);
    gauge('service:cart', 'service.requests_per_second', t, 4);
    gauge('service:cart', 'service.latency_p95_seconds', t, 0.03);
    gauge('service:cart', 'edge.requests_per_second{to="database:postgresql/shop",type="database"}', t, 4);
    gauge('user', 'edge.requests_per_second{to="service:frontend",type="calls"}', t, 2);
    gauge('database:postgresql/shop', 'service.requests_per_second', t, 4);
    gauge('database:postgresql/shop', 'service.latency_p50_seconds', t, 0.002 * Math.LN2);
    gauge('database:postgresql/shop', 'service.latency_p95_seconds', t, 0.006);
  }
  return twin;
}

const meanRate = Array.from({ length: BUCKETS }, (_, i) => rateAt(i)).reduce((s, r) => s + r, 0) / BUCKETS;
const calibrate = (twin: Twin) => calibrateServices(twin, { now: T0 + BUCKETS * 10_000, windowSeconds: BUCKETS * 10 });

describe('calibrateServices', () => {
  it('reads rates, call ratios, latencies and CPU cost from the twin', () => {
    const model = calibrate(shop());
    expect(model.services.map((s) => s.id)).toEqual(['service:frontend', 'service:cart', 'database:postgresql/shop']);
    const [frontend, cart, db] = model.services;
    expect(frontend).toMatchObject({
      instances: [{ id: 'instance:frontend-1', hostId: 'host:h1', cores: 8, up: true }],
      calls: [{ to: 'service:cart', perRequest: 2, type: 'calls' }],
      entry: true,
      queued: true,
    });
    expect([frontend.latencyMeanSeconds, frontend.latencyP95Seconds, frontend.errorRatio].map((v) => v.toFixed(12))).toEqual(['0.050000000000', '0.120000000000', '0.010000000000']);
    expect(frontend.requestsPerSecond).toBeCloseTo(meanRate, 9);
    expect(frontend.externalRequestsPerSecond).toBeCloseTo(meanRate, 9);
    expect(frontend.ownLatencySeconds).toBeCloseTo(0.05 - 2 * 0.01, 12);
    expect(frontend.ownServiceSeconds).toBeCloseTo(0.01, 9);
    expect(frontend.serviceFit).toMatchObject({ samples: BUCKETS, source: 'fitted' });
    expect(frontend.serviceFit.r2).toBeCloseTo(1, 9);
    // Two instances share h2's 8 cores; the host runs nothing else.
    expect(cart.instances.map((i) => i.cores)).toEqual([4, 4]);
    expect(cart.requestsPerSecond).toBeCloseTo(2 * meanRate, 9);
    expect(cart).toMatchObject({ entry: false, externalRequestsPerSecond: 0, calls: [{ to: 'database:postgresql/shop', perRequest: 1, type: 'database' }] });
    expect(cart.ownServiceSeconds).toBeCloseTo(0.004, 9);
    // 0.01 s minus one database call of mean p50 / ln 2 = 0.002 s.
    expect(cart.ownLatencySeconds).toBeCloseTo(0.008, 12);
    expect(db).toMatchObject({ instances: [], queued: false, ownServiceSeconds: 0, entry: false });
    expect(db.latencyP95Seconds).toBeCloseTo(0.006, 12);
    expect(db.latencyMeanSeconds).toBeCloseTo(0.002, 12);
    expect(db.requestsPerSecond).toBeCloseTo(2 * meanRate, 9);
    expect(model.hostBusyCores['host:h1']).toBeCloseTo(0.5, 9);
    expect(model.hostBusyCores['host:h2']).toBeCloseTo(0, 9);
  });

  it('takes instance cores from an attribute, and marks an instance that stopped serving as down', () => {
    const model = calibrate(shop({ cartCores: 2, cart2StopsAt: 27 }));
    expect(model.services[1].instances).toEqual([
      { id: 'instance:cart-1', hostId: 'host:h2', cores: 2, up: true },
      { id: 'instance:cart-2', hostId: 'host:h2', cores: 2, up: false },
    ]);
  });

  it('returns an empty model for an empty twin', () => {
    const twin = createTwin(defaultTwinModelConfig(), { clock: { now: () => T0 }, metrics: new InMemoryMetricsRegistry() });
    expect(calibrateServices(twin, { now: T0, windowSeconds: 60 })).toEqual({ at: T0, services: [], hostBusyCores: {} });
  });
});
