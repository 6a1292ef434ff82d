import { createRandom } from '../random';
import type { ServiceName } from './catalog';
import { createShop, defaultShopConfig } from './shop';
import type { Shop } from './shop';
import type { ShopStep, ShopWorld, SpanPlan } from './shop-types';

const MONDAY = 1704067200;
const PEAK = 20 * 3600;
const healthy: ShopWorld = { hostUp: () => true, throttle: () => 1 };
const make = (seed = 1) => createShop(defaultShopConfig(MONDAY), { random: createRandom(seed) });
const run = (shop: Shop, steps: number, world: ShopWorld = healthy, dt = 10): ShopStep[] =>
  Array.from({ length: steps }, (_, i) => shop.step(PEAK + i * dt, dt, world));
const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
const requests = (s: ShopStep, service: ServiceName, op?: string) =>
  sum(s.instances.filter((i) => i.service === service).flatMap((i) => i.operations.filter((o) => !op || o.operation === op).map((o) => o.requests)));
const errors = (s: ShopStep, service: ServiceName) => sum(s.instances.filter((i) => i.service === service).flatMap((i) => i.operations.map((o) => o.errors)));
const p95 = (steps: ShopStep[], service: ServiceName) => {
  const xs = steps.flatMap((s) => s.instances.filter((i) => i.service === service).flatMap((i) => i.operations.flatMap((o) => o.latencySamples.map((l) => l.durationSeconds)))).sort((a, b) => a - b);
  return xs[Math.floor(xs.length * 0.95)];
};

describe('createShop', () => {
  it('is deterministic for a seed', () => {
    expect(run(make(7), 5)).toEqual(run(make(7), 5));
    expect(run(make(8), 1)[0].entryRequests).not.toEqual(run(make(7), 1)[0].entryRequests);
  });

  it('conserves requests down the call graph (callee = Σ callers × ratio)', () => {
    const steps = run(make(2), 200);
    const total = (f: (s: ShopStep) => number) => sum(steps.map(f));
    const home = total((s) => s.entryRequests['GET /']);
    const product = total((s) => s.entryRequests['GET /product/:id']);
    const checkout = total((s) => s.entryRequests['POST /checkout']);
    const near = (actual: number, expected: number) => expect(Math.abs(actual / expected - 1)).toBeLessThan(0.02);
    near(total((s) => requests(s, 'recommendation')), home + product);
    near(total((s) => requests(s, 'catalog', 'GET /products/:id')), product);
    near(total((s) => requests(s, 'cart', 'GET /cart')), 0.3 * home + checkout);
    near(total((s) => requests(s, 'shipping')), checkout);
    near(total((s) => s.dependencies.find((d) => d.name === 'postgresql')?.requests ?? 0), home + 0.7 * product + 2 * checkout);
  });

  it('reports host load by the utilization law U = X·S / cores, plus memory', () => {
    const shop = make(3);
    const [s] = run(shop, 1);
    const fe = s.instances.find((i) => i.id === 'frontend-1');
    const load = shop.hostLoad().get(fe?.host ?? '');
    const rate = sum(fe?.operations.map((o) => o.requests) ?? []) / 10;
    expect(load?.cpuUtilization).toBeGreaterThan(0);
    expect(load?.cpuUtilization).toBeCloseTo((rate * 0.02) / 32, 2);
    expect(load?.memoryBytes).toBe(4 * 1024 ** 3 + 256 * 1024 ** 2);
  });

  it('plans traces with kinds and peer attributes', () => {
    const [s] = run(make(4), 1);
    const all: SpanPlan[] = [];
    const walk = (span: SpanPlan) => { all.push(span); span.children.forEach(walk); };
    s.traces.forEach((t) => walk(t.root));
    const ops = ['GET /', 'GET /product/:id', 'POST /cart', 'POST /checkout'];
    expect(s.traces.map((t) => t.root.name)).toEqual(ops.flatMap((op) => [op, op, op, op]));
    // Four traces per entry operation of the step's requests: each stands for a quarter of them.
    expect(s.traces.map((t) => t.samplingProbability)).toEqual(s.traces.map((t) => 4 / s.entryRequests[t.root.name]));
    expect(s.traces.every((t) => t.samplingProbability < 1)).toBe(true);
    expect(all.find((x) => x.attributes['db.system.name'] === 'postgresql')?.attributes['db.namespace']).toBe('shop');
    expect(all.find((x) => x.kind === 'PRODUCER')?.attributes['messaging.destination.name']).toBe('orders');
    expect(all.find((x) => x.kind === 'CONSUMER')?.service).toBe('shipping');
    expect(all.find((x) => x.attributes['server.address'] === 'api.payments.example')?.attributes['server.port']).toBe(443);
    for (const x of all) expect(x.endOffsetSeconds).toBeGreaterThanOrEqual(x.startOffsetSeconds);
  });

  it('saturation raises latency and errors (traffic spike)', () => {
    const base = run(make(5), 10);
    const spiked = make(5);
    spiked.trafficSpike(2.5, 1000);
    const hot = run(spiked, 10);
    expect(p95(hot, 'frontend')).toBeGreaterThan(2 * p95(base, 'frontend'));
    expect(sum(hot.map((s) => errors(s, 'frontend')))).toBeGreaterThan(10 * (1 + sum(base.map((s) => errors(s, 'frontend')))));
    expect(spiked.faults()).toEqual([{ kind: 'traffic-spike', target: 'frontend', value: 2.5 }]);
    run(spiked, 100);
    expect(spiked.faults()).toEqual([]);
  });

  it('latency regression and slow database lengthen latencies', () => {
    const base = run(make(6), 5);
    const reg = make(6);
    reg.latencyRegression('recommendation', 3);
    expect(p95(run(reg, 5), 'recommendation')).toBeGreaterThan(2 * p95(base, 'recommendation'));
    const db = make(6);
    db.slowDatabase(20);
    expect(p95(run(db, 5), 'catalog')).toBeGreaterThan(2 * p95(base, 'catalog'));
  });

  it('memory leak grows memory; restart clears it; OOM restarts past the limit', () => {
    const shop = make(7);
    shop.memoryLeak('cart', 1024 * 1024);
    run(shop, 10);
    expect(shop.instances().find((i) => i.id === 'cart-1')?.memoryBytes).toBe(192 * 1024 ** 2 + 100 * 1024 ** 2);
    shop.restart('cart');
    expect(shop.instances().find((i) => i.id === 'cart-1')?.memoryBytes).toBe(192 * 1024 ** 2);
    const oom = run(shop, 60).flatMap((s) => s.events).filter((e) => e.kind === 'oom-restart');
    expect(oom.map((e) => e.instance)).toEqual(['cart-1', 'cart-2']);
  });

  it('hot spot loads the rack hosts', () => {
    const shop = make(8);
    shop.hotSpot('r05');
    run(shop, 1);
    for (let s = 1; s <= 7; s++) expect(shop.hostLoad().get(`r05-s${s}`)?.cpuUtilization).toBeGreaterThanOrEqual(0.8);
    expect(() => shop.hotSpot('r99')).toThrow("shop: unknown rack 'r99'");
  });

  it('a crashed host fails its instances until migrated; callers see errors', () => {
    const shop = make(9);
    const victim = shop.instances().find((i) => i.service === 'catalog')?.host as string;
    const world: ShopWorld = { hostUp: (h) => h !== victim, throttle: () => 1 };
    const down = run(shop, 3, world);
    expect(down[0].events.some((e) => e.kind === 'crash')).toBe(true);
    expect(down[2].instances.find((i) => i.id === 'catalog-1')?.up).toBe(false);
    expect(errors(down[2], 'frontend')).toBeGreaterThan(0.2 * requests(down[2], 'frontend', 'GET /'));
    shop.migrate('catalog-1', 'r12-s7');
    const after = run(shop, 1, world)[0];
    expect(after.instances.find((i) => i.id === 'catalog-1')).toMatchObject({ host: 'r12-s7', up: true });
    expect(errors(after, 'frontend')).toBeLessThan(0.01 * requests(after, 'frontend'));
  });

  it('scale adds and removes instances; throttling slows a host', () => {
    const shop = make(10);
    shop.scale('recommendation', 4);
    expect(shop.instances().filter((i) => i.service === 'recommendation').map((i) => i.id)).toEqual(['recommendation-1', 'recommendation-2', 'recommendation-3', 'recommendation-4']);
    const [s] = run(shop, 1);
    expect(s.instances.filter((i) => i.service === 'recommendation').every((i) => sum(i.operations.map((o) => o.requests)) > 0)).toBe(true);
    shop.scale('recommendation', 1);
    expect(shop.instances().filter((i) => i.service === 'recommendation')).toHaveLength(1);
    expect(() => shop.scale('cart', 0)).toThrow('shop: instances must be a positive integer, got 0');
    const cool = run(make(11), 1)[0].instances.find((i) => i.id === 'frontend-1')?.utilization ?? 0;
    const hot = run(make(11), 1, { hostUp: () => true, throttle: () => 0.8 })[0].instances.find((i) => i.id === 'frontend-1')?.utilization ?? 0;
    expect(hot / cool).toBeCloseTo(1.25, 6);
  });

  describe('actuators for what-if comparisons', () => {
    const entries = (steps: ShopStep[]) => sum(steps.map((st) => sum(Object.values(st.entryRequests))));

    it('multiplies entry requests by the site and entry-service load factors until set back to 1', () => {
      // In lockstep with an untouched shop of the same seed: the load noise is the same in both.
      const base = make(4);
      const shop = make(4);
      const ratio = () => entries(run(shop, 20)) / entries(run(base, 20));
      shop.setLoadFactor(2);
      expect(shop.loadFactors()).toEqual({ site: 2, services: {} });
      expect(ratio()).toBeCloseTo(2, 1);
      shop.setLoadFactor(3, 'frontend');
      expect(shop.loadFactors()).toEqual({ site: 2, services: { frontend: 3 } });
      expect(ratio()).toBeCloseTo(6, 1);
      shop.setLoadFactor(1);
      shop.setLoadFactor(1, 'frontend');
      expect(shop.loadFactors()).toEqual({ site: 1, services: {} });
      expect(ratio()).toBeCloseTo(1, 1);
    });

    it.each([
      [0, undefined, 'shop: load factor must be a positive number, got 0'],
      [Infinity, undefined, 'shop: load factor must be a positive number, got Infinity'],
      [2, 'cart', "shop: 'cart' is not an entry service (frontend)"],
    ])('rejects load factor %p for %p', (factor, service, message) => {
      expect(() => make().setLoadFactor(factor, service as ServiceName | undefined)).toThrow(message);
    });

    it('adds idle hosts that instances can move to, and moves a rack\'s load', () => {
      const shop = make(5);
      shop.addHost({ name: 'r01-s8', rack: 'r01', cores: 32, memoryBytes: 128 * 1024 ** 3 });
      expect(() => shop.addHost({ name: 'r01-s8', rack: 'r01', cores: 32, memoryBytes: 1 })).toThrow("shop: host 'r01-s8' exists");
      run(shop, 1);
      expect(shop.hostLoad().has('r01-s8')).toBe(false);
      expect(shop.moveLoad('r02', 'r01', 1)).toEqual([
        { instance: 'frontend-2', toHost: 'r01-s3' },
        { instance: 'payment-2', toHost: 'r01-s4' },
      ]);
      expect(shop.moveLoad('r01', 'r03', 0)).toEqual([]);
      shop.migrate('cart-1', 'r01-s8');
      const [s] = run(shop, 1);
      expect(s.events.map((e) => e.message)).toEqual(['frontend-2 moved from r02-s1 to r01-s3', 'payment-2 moved from r02-s2 to r01-s4', 'cart-1 moved from r09-s1 to r01-s8']);
      expect(shop.hostLoad().get('r01-s8')?.cpuUtilization).toBeGreaterThan(0);
      expect(shop.instances().filter((i) => i.host.startsWith('r02-'))).toEqual([]);
    });
  });
});
