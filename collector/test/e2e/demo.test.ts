/**
 * The demo and the collector together, as `npm start` runs them: the demo's inventory in the
 * collector, the demo's telemetry through the OpenTelemetry SDK into its OTLP receiver. The twin
 * must hold the whole data center and shop; a CRAC failure must heat its room's racks, with lag.
 */
import { useDemoTwin } from '../support/demo-twin';

interface Listing {
  total: number;
  items: { id: string }[];
}

const { twin, demo } = useDemoTwin({
  seed: 7,
  config: { twin: { service_graph: { window_seconds: 1, wait_seconds: 1 }, processes: { window_seconds: 1, trace_wait_seconds: 1 } } },
});

async function count(query: string): Promise<number> {
  return (await twin().getJson<Listing>(`/api/v1/entities?limit=1&${query}`)).body.total;
}

async function eventually(check: () => Promise<boolean>, seconds: number): Promise<void> {
  for (let i = 0; i < seconds * 4 && !(await check()); i++) await new Promise((resolve) => setTimeout(resolve, 250));
}

it('shows the whole data center and shop: inventory, hosts, services, instances and the service graph', async () => {
  const truth = demo().simulation.truth();
  const services = new Set(truth.shop.instances.map((i) => i.service));
  await eventually(async () => (await count('type=instance')) === truth.shop.instances.length && (await count('type=flow')) > 0, 30);

  expect(await count('type=rack')).toBe(12);
  expect(await count('type=crac')).toBe(4);
  expect(await count('type=pdu')).toBe(4);
  expect(await count('type=room')).toBe(2);
  // 84 servers from the inventory, all reporting; CRACs and PDUs report onto their inventory entities.
  expect(await count('type=host')).toBe(84);
  expect(await count('type=service')).toBe(services.size);
  expect(await count('type=instance')).toBe(truth.shop.instances.length);

  const { body } = await twin().getJson<{ edges: { source: string; target: string; type: string }[] }>('/api/v1/topology?view=services');
  const edges = new Set(body.edges.filter((e) => e.type !== 'part_of').map((e) => `${e.source} -${e.type}-> ${e.target}`));
  for (const edge of [
    'user -calls-> service:shop/frontend',
    'service:shop/frontend -calls-> service:shop/cart',
    'service:shop/frontend -calls-> service:shop/catalog',
    'service:shop/frontend -calls-> service:shop/checkout',
    'service:shop/checkout -calls-> service:shop/payment',
    'service:shop/checkout -messaging-> service:shop/shipping',
    'service:shop/catalog -database-> database:postgresql/shop',
  ]) {
    expect(edges).toContain(edge);
  }
});

it('sends the inlet temperatures it senses, and a CRAC failure heats its room only', async () => {
  const inlet = async (host: string) => {
    const { body } = await twin().getJson<{ signals: { name: string; latest?: { v: number } }[] }>(
      `/api/v1/entities/${encodeURIComponent(`hw:${host}/${host}-inlet`)}`,
    );
    return body.signals.find((s) => s.name === 'hw.temperature')?.latest?.v ?? NaN;
  };
  // r01 is cooled by crac-a1 and crac-a2 (hall-a); r07 by hall-b's units.
  const before = { hallA: await inlet('r01-s7'), hallB: await inlet('r07-s7') };
  expect(before.hallA).toBeGreaterThan(15);
  demo().simulation.inject('crac_failure', 'crac-a1');
  // Ten real seconds are ten simulated minutes at 60x: beyond the room's and racks' lags.
  await new Promise((resolve) => setTimeout(resolve, 10_000));
  const after = { hallA: await inlet('r01-s7'), hallB: await inlet('r07-s7') };
  expect(after.hallA - before.hallA).toBeGreaterThan(2);
  expect(Math.abs(after.hallB - before.hallB)).toBeLessThan(1);
  expect(demo().simulation.truth().faults.map((f) => f.rootCause)).toEqual(['crac:dc1/crac-a1']);
  // The failed unit's own telemetry reaches its inventory entity (the root cause named by the truth).
  const { body } = await twin().getJson<{ relations: { to: string }[] }>(`/api/v1/entities/${encodeURIComponent('crac:dc1/crac-a1')}`);
  expect(body.relations.map((r) => r.to)).toEqual(expect.arrayContaining(['rack:dc1/r01', expect.stringMatching(/^hw:crac-a1\//)]));
});
