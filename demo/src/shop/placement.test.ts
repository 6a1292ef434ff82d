import { defaultShopCatalog } from './catalog';
import { operationOrder } from './flow';
import { chooseHost, defaultShopHosts, placeInstances, planMove } from './placement';

describe('placement', () => {
  const catalog = defaultShopCatalog();
  const hosts = defaultShopHosts();

  it('has the 84 hosts of DEMO.md', () => {
    expect(hosts).toHaveLength(84);
    expect([hosts[0].name, hosts[83].name]).toEqual(['r01-s1', 'r12-s7']);
  });

  it('spreads instances of a service over racks', () => {
    const placed = placeInstances(catalog, hosts);
    expect(placed.slice(0, 4)).toEqual([
      { id: 'frontend-1', service: 'frontend', host: 'r01-s1' },
      { id: 'frontend-2', service: 'frontend', host: 'r02-s1' },
      { id: 'frontend-3', service: 'frontend', host: 'r03-s1' },
      { id: 'catalog-1', service: 'catalog', host: 'r04-s1' },
    ]);
    for (const s of catalog.services) {
      const racks = placed.filter((p) => p.service === s.name).map((p) => p.host.slice(0, 3));
      expect(new Set(racks).size).toBe(racks.length);
    }
    expect(chooseHost(hosts, placed, 'frontend', () => 2)).toBe('r04-s3');
  });

  it('orders operations callers first', () => {
    const order = operationOrder(catalog).map((o) => `${o.service} ${o.operation}`);
    expect(order.indexOf('frontend POST /checkout')).toBeLessThan(order.indexOf('checkout POST /checkout'));
    expect(order.indexOf('checkout POST /checkout')).toBeLessThan(order.indexOf('shipping process orders'));
    expect(order).toHaveLength(12);
  });

  it.each([
    [0, []],
    [0.5, [{ instance: 'frontend-1', toHost: 'r02-s3' }]],
    [1, [{ instance: 'frontend-1', toHost: 'r02-s3' }, { instance: 'payment-1', toHost: 'r02-s4' }]],
  ])('plans moving %p of a rack\'s instances onto the least used hosts of another', (fraction, expected) => {
    const placed = placeInstances(catalog, hosts);
    const cores = (s: string) => catalog.services.find((x) => x.name === s)?.coresPerInstance ?? 0;
    expect(planMove(hosts, placed, { fromRack: 'r01', toRack: 'r02', fraction }, cores)).toEqual(expected);
  });

  it('refuses to move onto a rack without hosts', () => {
    expect(() => planMove(hosts, placeInstances(catalog, hosts), { fromRack: 'r01', toRack: 'r13', fraction: 1 }, () => 1)).toThrow("shop placement: no hosts in rack 'r13'");
  });
});
