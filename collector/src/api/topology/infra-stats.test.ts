import { createShopTwin, LEGACY_AT, RECENT, T0 } from '../test-support/shop-twin';
import { NOW } from '../test-support/test-app';
import { indexInfra } from './infra-index';
import { infraStats } from './infra-stats';

const MAX_AGE_MS = 120_000;
const PAST = LEGACY_AT + 30_000;

function setup() {
  const { twin, setTime } = createShopTwin();
  setTime(T0);
  const component = (id: string, owner: string, attributes: Record<string, string>) => {
    twin.upsertEntity({ id, type: 'hw', level: 'component', name: id, attributes });
    twin.upsertRelation(owner, id, 'contains');
  };
  // A CPU sensor first: only the inlet rule, not the order, may pick the inlet.
  component('hw:web-3/web-3-cpu', 'host:web-3', { 'hw.type': 'temperature', 'hw.sensor_location': 'cpu' });
  component('hw:web-3/web-3-inlet', 'host:web-3', { 'hw.type': 'temperature', 'hw.sensor_location': 'inlet' });
  component('hw:web-4/web-4-inlet', 'host:web-4', { 'hw.type': 'temperature' });
  component('hw:c2/c2-supply', 'crac:ams1/c2', { 'hw.type': 'temperature', 'hw.sensor_location': 'supply' });
  twin.upsertEntity({ id: 'k8s_node:gpu-1', type: 'k8s_node', level: 'asset', name: 'gpu-1', attributes: {} });
  component('hw:gpu-1/gpu-1-inlet', 'k8s_node:gpu-1', { 'hw.type': 'temperature' });
  setTime(NOW);
  const record = (entity: string, name: string, t: number, v: number) => twin.recordSignal(entity, name, 'W', 'gauge', t, v);
  for (const [t, scale] of [
    [LEGACY_AT, 0],
    [RECENT, 1],
  ]) {
    record('host:web-3', 'hw.host.power', t, 200 + 50 * scale);
    record('hw:web-3/web-3-cpu', 'hw.temperature', t, 60);
    record('hw:web-3/web-3-inlet', 'hw.temperature', t, 21.5 + 1.75 * scale);
    record('crac:ams1/c2', 'hw.host.power', t, 3000 + 500 * scale);
    record('hw:c2/c2-supply', 'hw.temperature', t, 17 + 1.5 * scale);
    record('pdu:ams1/p1', 'hw.host.power', t, 400 + 80.5 * scale);
    record('hw:gpu-1/gpu-1-inlet', 'hw.temperature', t, 25);
  }
  // web-4 has read power only long ago: now its rack's sum is unknown, at PAST it is known.
  record('host:web-4', 'hw.host.power', LEGACY_AT, 180);
  record('hw:web-4/web-4-inlet', 'hw.temperature', RECENT, 24);
  const stats = (id: string, atMs = NOW, present = atMs === NOW) => {
    const topology = twin.topology();
    const node = topology.nodes.find((n) => n.id === id)!;
    return infraStats(twin, indexInfra(topology, atMs), node, { atMs, maxAgeMs: MAX_AGE_MS, present });
  };
  return { twin, stats, record };
}

describe('infraStats', () => {
  it.each([
    ['host:web-3', { inlet_celsius: 23.25, power_watts: 250 }],
    ['host:web-4', { inlet_celsius: 24 }],
    ['k8s_node:gpu-1', { inlet_celsius: 25 }],
    ['rack:ams1/r12', {}],
    ['crac:ams1/c2', { supply_celsius: 18.5, power_watts: 3500 }],
    ['pdu:ams1/p1', { power_watts: 480.5 }],
    ['room:ams1/hall-a', {}],
    ['hw:web-3/web-3-inlet', {}],
  ])('now: %s reads %j (points older than the max age are no reading)', (id, expected) => {
    expect(setup().stats(id)).toEqual(expected);
  });

  it.each([
    ['host:web-3', { inlet_celsius: 21.5, power_watts: 200 }],
    ['host:web-4', { power_watts: 180 }],
    ['rack:ams1/r12', { power_watts: 380 }],
    ['crac:ams1/c2', { supply_celsius: 17, power_watts: 3000 }],
    ['pdu:ams1/p1', { power_watts: 400 }],
  ])('at a past moment: %s reads %j from the history', (id, expected) => {
    expect(setup().stats(id, PAST)).toEqual(expected);
  });

  it('sums the rack hosts once all of them read', () => {
    const { stats, record } = setup();
    record('host:web-4', 'hw.host.power', RECENT, 230);
    expect(stats('rack:ams1/r12')).toEqual({ power_watts: 480 });
  });

  it("takes a rack's own meter over its hosts' sum", () => {
    const { twin, stats, record } = setup();
    twin.upsertEntity({ id: 'rack:ams1/r12', type: 'rack', level: 'asset', attributes: {} });
    record('rack:ams1/r12', 'hw.host.power', RECENT, 512);
    expect(stats('rack:ams1/r12')).toEqual({ power_watts: 512 });
    expect(stats('rack:ams1/r12', PAST)).toEqual({ power_watts: 380 });
  });

  it("gives a rack the capacity its inventory rates it for", () => {
    const { twin, stats, record } = setup();
    twin.upsertEntity({ id: 'rack:ams1/r12', type: 'rack', level: 'asset', attributes: { capacity_watts: 5000 } });
    record('host:web-4', 'hw.host.power', RECENT, 230);
    expect(stats('rack:ams1/r12')).toEqual({ power_watts: 480, capacity_watts: 5000 });
  });

  it('reads nothing for a rack without hosts', () => {
    const { twin, stats } = setup();
    twin.upsertEntity({ id: 'rack:ams1/r13', type: 'rack', level: 'asset', attributes: {} });
    expect(stats('rack:ams1/r13')).toEqual({});
  });
});
