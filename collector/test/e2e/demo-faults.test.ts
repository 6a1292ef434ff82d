/**
 * The demo's faults (all but the CRAC failure, which demo.test.ts covers) and its actuators, seen
 * from the twin: each is injected or called over the demo's HTTP API, as remediation would, and
 * must change the telemetry the collector holds by what the demo's physics and queueing predict.
 * Two demos in sequence keep the effects apart: one for the data center, one for the shop.
 */
import type { RunningDemo } from '@twinops/demo';
import { ONE_SECOND_TWIN, useDemoTwin } from '../support/demo-twin';
import type { TestCollector } from '../support/test-collector';

interface Detail {
  parent?: string;
  signals: { name: string; latest?: { t: number; v: number } }[];
  relations: { from: string; to: string; type: string; lastSeen: number }[];
  events: { countsBySeverity: Record<string, number>; latestErrors: { message: string }[] };
}

const MIB = 1024 * 1024;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
const mean = (values: number[]) => sum(values) / values.length;

/** Polls `read` until `done` holds or the deadline passes; returns the last value (assert on it). */
async function eventually<T>(read: () => Promise<T>, done: (value: T) => boolean, seconds: number): Promise<T> {
  const deadline = Date.now() + seconds * 1000;
  let value = await read();
  while (!done(value) && Date.now() < deadline) {
    await sleep(250);
    value = await read();
  }
  return value;
}

/** The demo's fault and actuator API, with its bearer token. */
async function call(demo: RunningDemo, path: string, body: Record<string, unknown>): Promise<{ status: number; body: { id?: string; rootCause?: string } }> {
  const response = await fetch(`${demo.apiUrl}${path}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${demo.token}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as { id?: string; rootCause?: string } };
}

function reader(twin: () => TestCollector) {
  const entity = async (id: string) => (await twin().getJson<Detail>(`/api/v1/entities/${encodeURIComponent(id)}`)).body;
  /** Latest value of a signal (NaN when absent); `name` may be a prefix ending in `{` to sum a family. */
  const latest = async (id: string, name: string) => {
    const signals = (await entity(id)).signals ?? [];
    const hits = signals.filter((s) => (name.endsWith('{') ? s.name.startsWith(name) : s.name === name) && s.latest);
    return hits.length === 0 ? NaN : sum(hits.map((s) => s.latest?.v ?? NaN));
  };
  /** Mean of a signal's points since `fromMs` (NaN when none); a `name` ending in `{` sums the family's means. */
  const meanSince = async (id: string, name: string, fromMs: number): Promise<number> => {
    if (name.endsWith('{')) {
      const names = ((await entity(id)).signals ?? []).map((s) => s.name).filter((n) => n.startsWith(name));
      return names.length === 0 ? NaN : sum(await Promise.all(names.map((n) => meanSince(id, n, fromMs))));
    }
    const query = new URLSearchParams({ entity: id, name, from: String(fromMs) });
    const { body } = await twin().getJson<{ points?: { v: number }[] }>(`/api/v1/signals?${query.toString()}`);
    return body.points && body.points.length > 0 ? mean(body.points.map((p) => p.v)) : NaN;
  };
  const total = async (query: string) => (await twin().getJson<{ total: number }>(`/api/v1/entities?limit=1&${query}`)).body.total;
  return { entity, latest, meanSince, total };
}

const faultsOf = (demo: RunningDemo) => demo.simulation.truth().faults.map((f) => `${f.fault} ${f.rootCause}`).sort();

describe('the data center: fan failure, host crash, hot spot, CRAC setpoint and fan speed, migration', () => {
  const { twin, demo } = useDemoTwin({ seed: 11, config: ONE_SECOND_TWIN });
  const { entity, latest } = reader(twin);
  const rack = (r: string) => [1, 2, 3, 4, 5, 6, 7].map((s) => `${r}-s${s}`);
  const each = (hosts: string[], read: (host: string) => Promise<number>) => Promise.all(hosts.map(read));
  const inlet = (h: string) => latest(`hw:${h}/${h}-inlet`, 'hw.temperature');
  const cpu = (h: string) => latest(`host:${h}`, 'system.cpu.utilization');
  const power = (h: string) => latest(`host:${h}`, 'hw.host.power');

  it('shows each fault and each actuator call in the telemetry, against the ground truth', async () => {
    const d = demo();
    // The CRAC's own entity id is the inventory's or a device host's: found as its fan's parent.
    const cracA1 = await eventually(async () => (await entity('hw:crac-a1/crac-a1-fan')).parent, (p) => p !== undefined, 20);
    const read = async () => ({
      hotInlets: await each(rack('r01'), inlet),
      hotCpu: await each(rack('r01'), cpu),
      hotPower: sum(await each(rack('r01'), power)),
      fanRpm: await latest('hw:r05-s4/r05-s4-fan', 'hw.fan.speed'),
      fanCpuCelsius: await latest('hw:r05-s4/r05-s4-cpu', 'hw.temperature'),
      crashPower: await power('r04-s2'),
      crashFailed: await latest('hw:r04-s2/r04-s2-enclosure', 'hw.status{hw.state="failed"}'),
      crashOk: await latest('hw:r04-s2/r04-s2-enclosure', 'hw.status{hw.state="ok"}'),
      supplyB1: await latest('hw:crac-b1/crac-b1-supply', 'hw.temperature'),
      fanA1Rpm: await latest('hw:crac-a1/crac-a1-fan', 'hw.fan.speed'),
      fanA1Ratio: await latest('hw:crac-a1/crac-a1-fan', 'hw.fan.speed_ratio'),
      powerA1: await latest(cracA1 ?? '', 'hw.host.power'),
      migrateFrom: await cpu('r07-s1'),
      migrateTo: await cpu('r07-s3'),
    });
    const before = await eventually(read, (v) => Object.values(v).flat().every(Number.isFinite), 20);

    const faults = await Promise.all([
      call(d, '/api/v1/faults', { fault: 'fan_failure', target: 'r05-s4' }),
      call(d, '/api/v1/faults', { fault: 'host_crash', target: 'r04-s2' }),
      call(d, '/api/v1/faults', { fault: 'hot_spot', target: 'r01' }),
    ]);
    expect(faults.map((f) => [f.status, f.body.rootCause])).toEqual([[201, 'host:r05-s4'], [201, 'host:r04-s2'], [201, 'rack:dc1/r01']]);
    const actuators = await Promise.all([
      call(d, '/api/v1/actuators/crac-setpoint', { crac: 'crac-b1', celsius: 24 }),
      call(d, '/api/v1/actuators/crac-fan-speed', { crac: 'crac-a1', ratio: 0.5 }),
      call(d, '/api/v1/actuators/migrate', { instance: 'recommendation-1', to_host: 'r07-s3' }),
    ]);
    expect(actuators.map((a) => a.status)).toEqual([200, 200, 200]);
    expect(faultsOf(d)).toEqual(['fan_failure host:r05-s4', 'host_crash host:r04-s2', 'hot_spot rack:dc1/r01']);

    // Thresholds from the demo's physics (world/*.ts):
    // - hot spot: batch work takes 80 % of every r01 core; 7 servers' dynamic power (2x140 + 3x310
    //   + 2x216 W) times the load curve at 0.8 (0.79) is +1.3 kW; recirculation (0.7 K/kW on its own
    //   rack, x1.4 at a row end, x0.5..1.4 by slot) lifts the rack's mean inlet ~1.5 K with a
    //   3-minute lag: > 1 K is reached within about one lag.
    // - fan failure: an idle compute-2u's 150 W through the heat sink's resistance with the fan
    //   stopped (0.27 K/W) instead of at its 30 % minimum (0.073 K/W): +30 K on the CPU sensor.
    // - host crash: a down server draws its 5 W standby (meter noise 2 W) and its BMC reports failed.
    // - setpoint: a unit below its capacity supplies its setpoint exactly (sensor noise 0.25 K).
    // - fan speed: the blower reads ratio x 1500 rpm; fan power 800 W x ratio^3 saves 700 W and the
    //   unit's share of the room's heat falls from 1/2 to 1/3, so its power falls by more than 500 W.
    // - migration: recommendation-1 keeps 192 req/s x 15 ms / 2 instances = 1.4 cores of the target's (0.045 of 32).
    const settled = (v: typeof before) =>
      mean(v.hotInlets) - mean(before.hotInlets) > 1 && v.fanCpuCelsius - before.fanCpuCelsius > 20 && Math.abs(v.supplyB1 - 24) < 0.75 &&
      v.crashPower < 15 && before.powerA1 - v.powerA1 > 500 && v.migrateTo > 0.02;
    const after = await eventually(read, settled, 30);

    // r01's 12-core servers: the frontend and payment instances on s1 and s2 keep ~1.4 cores busy.
    expect(Math.max(...before.hotCpu)).toBeLessThan(0.2);
    expect(Math.min(...after.hotCpu)).toBeGreaterThanOrEqual(0.8);
    expect(after.hotPower - before.hotPower).toBeGreaterThan(1000);
    expect(mean(after.hotInlets) - mean(before.hotInlets)).toBeGreaterThan(1);

    expect(before.fanRpm).toBeGreaterThan(4000);
    expect(after.fanRpm).toBe(0);
    expect(after.fanCpuCelsius - before.fanCpuCelsius).toBeGreaterThan(20);

    expect([before.crashOk, before.crashFailed, after.crashOk, after.crashFailed]).toEqual([1, 0, 0, 1]);
    expect(before.crashPower).toBeGreaterThan(100);
    expect(after.crashPower).toBeLessThan(15);

    expect(Math.abs(before.supplyB1 - 18)).toBeLessThan(0.75);
    expect(Math.abs(after.supplyB1 - 24)).toBeLessThan(0.75);
    expect([before.fanA1Ratio, before.fanA1Rpm, after.fanA1Ratio, after.fanA1Rpm]).toEqual([1, 1500, 0.5, 750]);
    expect(before.powerA1 - after.powerA1).toBeGreaterThan(500);

    expect(before.migrateFrom).toBeGreaterThan(0.02);
    expect(after.migrateFrom).toBe(0);
    expect(before.migrateTo).toBe(0);
    expect(after.migrateTo).toBeGreaterThan(0.02);

    const truth = d.simulation.truth();
    expect(truth.world.cracs.filter((c) => c.id === 'crac-b1' || c.id === 'crac-a1').map((c) => [c.id, c.setpointCelsius, c.fanSpeedRatio]))
      .toEqual([['crac-a1', 18, 0.5], ['crac-b1', 24, 1]]);
    expect(truth.shop.instances.find((i) => i.id === 'recommendation-1')?.host).toBe('r07-s3');
    expect(truth.shop.instances.find((i) => i.id === 'shipping-2')?.up).toBe(false);
  }, 60_000);

  it('relates the migrated instance to its new host, logs the crash on the instance it took down, and audits every call', async () => {
    const runsOn = (e: Detail) => new Map(e.relations.filter((r) => r.type === 'runs_on').map((r) => [r.to, r.lastSeen]));
    const moved = await eventually(
      () => entity('instance:shop/recommendation/recommendation-1'),
      (e) => (runsOn(e).get('host:r07-s3') ?? 0) > (runsOn(e).get('host:r07-s1') ?? 0) && (e.events.countsBySeverity.INFO ?? 0) > 0,
      10,
    );
    // The old relation stays until it ages out; the new one is the one the instance's telemetry renews.
    expect(runsOn(moved).get('host:r07-s3')).toBeGreaterThan(runsOn(moved).get('host:r07-s1') ?? 0);
    expect(moved.events.countsBySeverity.INFO).toBe(1);
    const down = await eventually(() => entity('instance:shop/shipping/shipping-2'), (e) => (e.events.countsBySeverity.FATAL ?? 0) > 0, 10);
    expect(down.events.latestErrors.map((e) => e.message)).toEqual(['shipping-2 down: host r04-s2 crashed']);

    const response = await fetch(`${demo().apiUrl}/api/v1/audit`, { headers: { authorization: `Bearer ${demo().token}` } });
    const { entries } = (await response.json()) as { entries: { caller: string; action: string; result: { status: number } }[] };
    expect(entries.map((e) => `${e.caller} ${e.action} ${e.result.status}`).sort()).toEqual([
      'demo actuator.crac-fan-speed 200',
      'demo actuator.crac-setpoint 200',
      'demo actuator.migrate 200',
      'demo fault.inject 201',
      'demo fault.inject 201',
      'demo fault.inject 201',
    ]);
  });
});

describe('the shop: memory leak and restart, latency regression, slow database, scale-out, traffic spike', () => {
  const { twin, demo } = useDemoTwin({ seed: 12, config: ONE_SECOND_TWIN });
  const { entity, latest, meanSince, total } = reader(twin);
  const frontends = ['frontend-1', 'frontend-2', 'frontend-3'].map((i) => `instance:shop/frontend/${i}`);
  const shipping = ['shipping-1', 'shipping-2'].map((i) => `instance:shop/shipping/${i}`);
  /** What frontend-1's HTTP client saw of a callee (pooled over all its instances): mean duration. */
  const clientMean = (callee: string) => `http.client.request.duration.mean{http.request.method="GET",http.response.status_code="200",server.address="${callee}",server.port="8080"}`;
  // Request rates per real second jitter with the export timing: they are averaged too.
  const requestRate = (id: string, fromMs: number) => meanSince(id, 'http.server.request.duration.count.rate{', fromMs);
  const memory = (id: string) => latest(id, 'process.memory.usage');
  /** recommendation-1's share of its service's requests (the shares are immune to skipped steps). */
  const recommendationShare = async (fromMs: number) => {
    const { items } = (await twin().getJson<{ items: { id: string }[] }>('/api/v1/entities?type=instance&name=recommendation')).body;
    const rates = await Promise.all(items.map((i) => requestRate(i.id, fromMs)));
    return rates[items.findIndex((i) => i.id.endsWith('/recommendation-1'))] / sum(rates);
  };

  it('shows each fault, and a restart and a scale-out change the telemetry', async () => {
    const d = demo();
    const read = async (fromMs: number) => ({
      shippingMemory: await Promise.all(shipping.map(memory)),
      cartMs: 1000 * (await meanSince(frontends[0], clientMean('cart'), fromMs)),
      catalogMs: 1000 * (await meanSince(frontends[0], clientMean('catalog'), fromMs)),
      recommendationShare: await recommendationShare(fromMs),
      recommendationInstances: await total('type=instance&name=recommendation'),
    });
    // Four seconds of history (four steps of the demo) to average the latency samples over.
    const startedAt = Date.now();
    const before = await eventually(() => read(startedAt), (v) => Object.values(v).flat().every(Number.isFinite) && Date.now() - startedAt > 4000, 20);

    const injected = await Promise.all([
      call(d, '/api/v1/faults', { fault: 'memory_leak', target: 'shipping' }),
      call(d, '/api/v1/faults', { fault: 'latency_regression', target: 'cart' }),
      call(d, '/api/v1/faults', { fault: 'slow_database' }),
      call(d, '/api/v1/actuators/scale', { service: 'recommendation', instances: 4 }),
    ]);
    expect(injected.map((r) => r.status)).toEqual([201, 201, 201, 200]);
    expect(faultsOf(d)).toEqual(['latency_regression service:shop/cart', 'memory_leak service:shop/shipping', 'slow_database database:postgresql/shop']);
    // Latencies are averaged from the second step after the calls: the first may straddle them.
    const from = Date.now() + 1500;
    const after = await eventually(
      () => read(from),
      (v) => Date.now() - from > 3000 && v.recommendationInstances === 4 && v.recommendationShare < 0.35 && Math.min(...v.shippingMemory) > 292 * MIB,
      20,
    );
    // Thresholds from the demo's shop (shop/catalog.ts, runner/fault-catalog.ts):
    // - memory leak: 512 KiB per simulated second is 30 MiB per real second at 60x; the 192 MiB
    //   instances pass +100 MiB in under 4 s, well before their 4x limit (OOM kill) at 19 s.
    // - latency regression: cart's CPU per request x3; its 4 ms of CPU is ~90 % of a GET /cart (the
    //   rest is Redis), and at ~5 % utilization queueing adds little: the mean more than doubles.
    // - slow database: PostgreSQL x5, 2 ms -> 10 ms per query; catalog's GET /products makes one and
    //   GET /products/:id 0.7, weighted 72:120 by the load, so frontend's calls take ~6.5 ms longer:
    //   more than 3 ms (half of it) allows for the samples' spread.
    // - scale-out 2 -> 4: round-robin gives each instance an equal share, 1/2 before and 1/4 after
    //   (new instances' first rate comes a step late, hence < 0.35 rather than 0.25).
    expect(Math.min(...after.shippingMemory)).toBeGreaterThan(292 * MIB);
    expect(Math.max(...after.shippingMemory)).toBeLessThan(4 * 192 * MIB);
    expect(after.cartMs / before.cartMs).toBeGreaterThan(2);
    expect(after.catalogMs - before.catalogMs).toBeGreaterThan(3);
    expect(after.recommendationInstances).toBe(4);
    expect(before.recommendationShare).toBeGreaterThan(0.45);
    expect(after.recommendationShare).toBeLessThan(0.35);
    expect(d.simulation.truth().shop.instances.filter((i) => i.service === 'recommendation')).toHaveLength(4);

    // A restart of shipping ends its leak: memory falls back to a fresh instance's and stays there.
    expect((await call(d, '/api/v1/actuators/restart', { service: 'shipping' })).status).toBe(200);
    expect(faultsOf(d)).toEqual(['latency_regression service:shop/cart', 'slow_database database:postgresql/shop']);
    const restartedAt = Date.now();
    const restarted = await eventually(
      async () => ({ memory: await Promise.all(shipping.map(memory)), events: (await entity('service:shop/shipping')).events }),
      (v) => Date.now() - restartedAt > 2000 && v.memory.every((m) => m === 192 * MIB) && (v.events.countsBySeverity.INFO ?? 0) > 0,
      10,
    );
    expect(restarted.memory).toEqual([192 * MIB, 192 * MIB]);
    expect(restarted.events.countsBySeverity.INFO).toBe(1);

    // A spike multiplies the shoppers by 2.5 for 15 simulated minutes (15 s here). CPU per request
    // is fixed, so the frontend hosts' busy cores follow the arrivals while below saturation (34 %
    // of the frontend's cores at this hour, 85 % in the spike); the load's own noise (10 %,
    // five-minute correlation) keeps the ratio of 3-second means above 1.9.
    const frontendHosts = d.simulation.truth().shop.instances.filter((i) => i.service === 'frontend').map((i) => `host:${i.host}`);
    const frontendCpu = async (fromMs: number) => sum(await Promise.all(frontendHosts.map((id) => meanSince(id, 'system.cpu.utilization', fromMs))));
    const calm = await frontendCpu(restartedAt);
    const spike = await call(d, '/api/v1/faults', { fault: 'traffic_spike' });
    expect([spike.status, spike.body.rootCause]).toEqual([201, 'service:shop/frontend']);
    const spikeFrom = Date.now() + 1500;
    const spiked = await eventually(() => frontendCpu(spikeFrom), (cpu) => Date.now() - spikeFrom > 3000 && cpu / calm > 1.9, 10);
    expect(spiked / calm).toBeGreaterThan(1.9);
    expect(faultsOf(d)).toContain('traffic_spike service:shop/frontend');
  }, 60_000);
});
