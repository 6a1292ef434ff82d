import { createSimulation } from './simulation';
import { isSimulationError } from './simulation-types';
import type { Actuation, Simulation } from './simulation-types';

const make = () => createSimulation({ seed: 3, settleSeconds: 600, stepSeconds: 10 });
const run = (sim: Simulation, seconds: number) => sim.advanceTo(sim.nowSeconds() + seconds);
const errorOf = (f: () => unknown) => {
  try {
    f();
  } catch (error) {
    return isSimulationError(error) ? { code: error.code, message: error.message } : error;
  }
  return undefined;
};
const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

describe('capacity actuators', () => {
  it('add_servers: new idle hosts in the rack report sensors, draw power, heat the room and can take instances', () => {
    const sim = make();
    run(sim, 60);
    const before = sim.truth().world;
    const oldLayout = sim.layout;
    expect(sim.actuate({ action: 'add_servers', rack: 'r04', count: 2 })).toEqual({ hosts: ['r04-s8', 'r04-s9'] });
    expect(sim.layout).not.toBe(oldLayout);
    expect(sim.layout.racks[3].hostIndexes).toEqual([21, 22, 23, 24, 25, 26, 27, 84, 85]);
    expect(sim.layout.hosts[84]).toMatchObject({ name: 'r04-s8', rackId: 'r04', positionU: 3, model: { id: 'storage-2u' } });
    run(sim, 600);
    const step = sim.latest();
    expect(step?.sensors.hosts.map((h) => h.name).slice(-2)).toEqual(['r04-s8', 'r04-s9']);
    expect(step?.world.model.layout).toBe(sim.layout);
    const after = sim.truth().world;
    const added = after.hosts.filter((h) => h.name === 'r04-s8' || h.name === 'r04-s9');
    expect(added.map((h) => [h.rack, h.up, h.utilization])).toEqual([['r04', true, 0], ['r04', true, 0]]);
    added.forEach((h) => expect(h.powerWatts).toBeGreaterThan(130));
    const hallA = (w: typeof after) => w.rooms.find((r) => r.id === 'hall-a')?.itPowerWatts ?? 0;
    // Load varies a little between the two instants; the new servers' idle draw dominates.
    expect(hallA(after) - hallA(before)).toBeGreaterThan(0.8 * sum(added.map((h) => h.powerWatts)));
    sim.actuate({ action: 'migrate', instance: 'cart-1', toHost: 'r04-s9' });
    run(sim, 20);
    expect(sim.truth().world.hosts.find((h) => h.name === 'r04-s9')?.utilization).toBeGreaterThan(0);
  });

  it('load_factor: multiplies the entry requests until set back to 1, and shows in the truth', () => {
    const base = make();
    const sim = make();
    const entries = (s: Simulation, seconds: number) => sum(run(s, seconds).map((r) => sum(Object.values(r.shop.entryRequests))));
    expect(sim.actuate({ action: 'load_factor', factor: 1.5 })).toEqual({});
    expect(entries(sim, 120) / entries(base, 120)).toBeCloseTo(1.5, 1);
    sim.actuate({ action: 'load_factor', factor: 2, service: 'frontend' });
    expect(sim.truth().shop.loadFactors).toEqual({ site: 1.5, services: { frontend: 2 } });
    expect(entries(sim, 120) / entries(base, 120)).toBeCloseTo(3, 1);
    sim.actuate({ action: 'load_factor', factor: 1 });
    sim.actuate({ action: 'load_factor', factor: 1, service: 'frontend' });
    expect(sim.truth().shop.loadFactors).toEqual({ site: 1, services: {} });
    expect(entries(sim, 120) / entries(base, 120)).toBeCloseTo(1, 1);
  });

  it('move_load: migrates the share of a rack\'s instances to the other rack\'s hosts', () => {
    const sim = make();
    const onRack = (rack: string) => sim.truth().shop.instances.filter((i) => i.host.startsWith(`${rack}-`)).map((i) => i.id);
    expect(onRack('r01')).toEqual(['frontend-1', 'payment-1']);
    expect(sim.actuate({ action: 'move_load', fromRack: 'r01', toRack: 'r07', fraction: 0.5 })).toEqual({ moved: [{ instance: 'frontend-1', toHost: 'r07-s2' }] });
    expect(onRack('r01')).toEqual(['payment-1']);
    // recommendation-1 already runs on r07-s1; frontend-1 took r07-s2.
    expect(sim.actuate({ action: 'move_load', fromRack: 'r01', toRack: 'r07', fraction: 1 })).toEqual({ moved: [{ instance: 'payment-1', toHost: 'r07-s3' }] });
    expect(onRack('r01')).toEqual([]);
    expect(onRack('r07')).toEqual(['frontend-1', 'recommendation-1', 'payment-1']);
    const [first] = run(sim, 10);
    expect(first.shop.events.filter((e) => e.kind === 'migrate').map((e) => e.message)).toEqual([
      'frontend-1 moved from r01-s1 to r07-s2',
      'payment-1 moved from r01-s2 to r07-s3',
    ]);
  });

  it.each<[Actuation, string, string]>([
    [{ action: 'add_servers', rack: 'r13', count: 1 }, 'not_found', "unknown rack 'r13'"],
    [{ action: 'add_servers', rack: 'r01', count: 0 }, 'invalid_argument', 'count: must be a positive integer, got 0'],
    [{ action: 'add_servers', rack: 'r01', count: 15 }, 'invalid_argument', 'count: must be at most 14 (free places for storage-2u in rack r01), got 15'],
    [{ action: 'add_servers', rack: 'r01', count: 1, model: 'r01-s99' }, 'not_found', "unknown host 'r01-s99'"],
    [{ action: 'load_factor', factor: 0 }, 'invalid_argument', 'factor: must be a number > 0 and at most 100, got 0'],
    [{ action: 'load_factor', factor: 101 }, 'invalid_argument', 'factor: must be a number > 0 and at most 100, got 101'],
    [{ action: 'load_factor', factor: 2, service: 'mailer' }, 'not_found', "unknown service 'mailer'"],
    [{ action: 'load_factor', factor: 2, service: 'cart' }, 'invalid_argument', "service: must be an entry service (frontend), got 'cart'"],
    [{ action: 'move_load', fromRack: 'r00', toRack: 'r02', fraction: 1 }, 'not_found', "unknown rack 'r00'"],
    [{ action: 'move_load', fromRack: 'r01', toRack: 'r01', fraction: 1 }, 'invalid_argument', "to_rack: must differ from from_rack, got 'r01'"],
    [{ action: 'move_load', fromRack: 'r01', toRack: 'r02', fraction: 1.5 }, 'invalid_argument', 'fraction: must be between 0 and 1, got 1.5'],
  ])('rejects %j', (command, code, message) => {
    const sim = make();
    expect(errorOf(() => sim.actuate(command))).toEqual({ code, message });
    expect(sim.layout.hosts).toHaveLength(84);
  });
});
