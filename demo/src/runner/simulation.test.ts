import { createSimulation } from './simulation';
import { isSimulationError } from './simulation-types';
import type { FaultSpec } from './fault-catalog';
import type { Simulation } from './simulation-types';

// A short settle keeps the tests fast; the physics' own tests cover settling.
const make = (seed = 1, faults: FaultSpec[] = [], stepSeconds = 5) =>
  createSimulation({ seed, settleSeconds: 600, faults, stepSeconds });
const run = (sim: Simulation, seconds: number) => sim.advanceTo(sim.nowSeconds() + seconds);
const errorOf = (f: () => unknown) => {
  try {
    f();
  } catch (error) {
    return isSimulationError(error) ? { code: error.code, message: error.message } : error;
  }
  return undefined;
};

describe('createSimulation', () => {
  it('steps world and shop together on the simulated clock', () => {
    const sim = make();
    expect(sim.latest()).toBeUndefined();
    const steps = run(sim, 60);
    expect(steps.map((s) => s.timeSeconds)).toEqual([5, 10, 15, 20, 25, 30, 35, 40, 45, 50, 55, 60]);
    const last = sim.latest();
    expect(last?.epochSeconds).toBe(1_704_067_200 + 60);
    expect(last?.sensors.hosts).toHaveLength(84);
    expect(last?.shop.instances.length).toBeGreaterThan(0);
    expect(sim.truth().world.timeSeconds).toBe(60);
    expect(sim.truth().world.totals.itPowerWatts).toBeGreaterThan(0);
  });

  it('is deterministic for a seed', () => {
    const a = make(42);
    const b = make(42);
    run(a, 120);
    run(b, 120);
    expect(a.truth()).toEqual(b.truth());
    expect(a.latest()?.sensors).toEqual(b.latest()?.sensors);
    const c = make(43);
    run(c, 120);
    expect(c.truth()).not.toEqual(a.truth());
  });

  it('injects scheduled faults at their simulated time, with their root cause', () => {
    const sim = make(1, [
      { fault: 'host_crash', target: 'r02-s3', atSeconds: 60 },
      { fault: 'crac_failure', target: 'crac-a1', atSeconds: 30 },
    ]);
    run(sim, 25);
    expect(sim.faults()).toEqual([]);
    expect(sim.truth().scheduled).toHaveLength(2);
    run(sim, 10);
    expect(sim.faults()).toEqual([{ id: 'f1', fault: 'crac_failure', target: 'crac-a1', rootCause: 'crac:dc1/crac-a1', since: 1_704_067_230 }]);
    run(sim, 30);
    expect(sim.faults().map((f) => [f.id, f.rootCause, f.since])).toEqual([
      ['f1', 'crac:dc1/crac-a1', 1_704_067_230],
      ['f2', 'host:r02-s3', 1_704_067_260],
    ]);
    expect(sim.truth().world.faults).toEqual(['crac_failure:crac-a1', 'host_crash:r02-s3']);
    expect(sim.truth().world.hosts.find((h) => h.name === 'r02-s3')?.up).toBe(false);
    expect(sim.truth().scheduled).toEqual([]);
  });

  it('rejects a scheduled fault on an unknown target at creation', () => {
    expect(errorOf(() => make(1, [{ fault: 'crac_failure', target: 'crac-z9', atSeconds: 0 }]))).toEqual({
      code: 'not_found',
      message: "fault 'crac_failure': unknown crac 'crac-z9'",
    });
  });

  it('a CRAC failure warms the racks it cooled; clearing it repairs the unit', () => {
    const sim = make(1, [], 30);
    run(sim, 60);
    const inlet = () => sim.truth().world.racks.find((r) => r.id === 'r01')?.inletCelsius ?? NaN;
    const before = inlet();
    const failA1 = sim.inject('crac_failure', 'crac-a1');
    const failA2 = sim.inject('crac_failure', 'crac-a2');
    run(sim, 900);
    expect(inlet()).toBeGreaterThan(before + 3);
    expect(sim.clear(failA1.id).fault).toBe('crac_failure');
    sim.clear(failA2.id);
    expect(sim.truth().world.cracs.filter((c) => c.failed)).toEqual([]);
    expect(sim.faults()).toEqual([]);
  });

  it('shop faults show in shop state and end when cleared', () => {
    const sim = make();
    const leak = sim.inject('memory_leak', 'cart');
    const slow = sim.inject('slow_database');
    expect(sim.inject('memory_leak', 'cart')).toEqual(leak);
    expect(sim.truth().shop.faults).toEqual([
      { kind: 'slow-database', target: 'postgresql', value: 5 },
      { kind: 'memory-leak', target: 'cart', value: 524288 },
    ]);
    sim.clear(slow.id);
    expect(sim.truth().shop.faults).toEqual([{ kind: 'memory-leak', target: 'cart', value: 524288 }]);
    expect(errorOf(() => sim.clear(slow.id))).toEqual({ code: 'not_found', message: "no fault in force with id 'f2'" });
  });

  it('a traffic spike ends by itself after 15 simulated minutes', () => {
    const sim = make(1, [], 30);
    sim.inject('traffic_spike');
    run(sim, 870);
    expect(sim.faults().map((f) => f.fault)).toEqual(['traffic_spike']);
    run(sim, 30);
    expect(sim.faults()).toEqual([]);
    expect(sim.truth().shop.faults).toEqual([]);
  });

  it.each([
    [() => make().inject('meteor'), 'invalid_argument', "unknown fault 'meteor': expected one of crac_failure, fan_failure, hot_spot, memory_leak, latency_regression, slow_database, traffic_spike, host_crash"],
    [() => make().inject('hot_spot', 'r99'), 'not_found', "fault 'hot_spot': unknown rack 'r99'"],
    [() => make().inject('fan_failure'), 'invalid_argument', "fault 'fan_failure' needs a host target, e.g. fan_failure:r01-s1"],
    [() => make().actuate({ action: 'migrate', instance: 'cart-9', toHost: 'r01-s1' }), 'not_found', "unknown instance 'cart-9'"],
    [() => make().actuate({ action: 'migrate', instance: 'cart-1', toHost: 'r99-s1' }), 'not_found', "unknown host 'r99-s1'"],
    [() => make().actuate({ action: 'scale', service: 'cart', instances: 0 }), 'invalid_argument', 'instances: must be an integer from 1 to 20, got 0'],
    [() => make().actuate({ action: 'restart', service: 'mailer' }), 'not_found', "unknown service 'mailer'"],
    [() => make().actuate({ action: 'crac_setpoint', crac: 'crac-a1', celsius: 50 }), 'invalid_argument', 'celsius: must be between 10 and 35, got 50'],
    [() => make().actuate({ action: 'crac_fan_speed', crac: 'crac-a9', ratio: 0.5 }), 'not_found', 'unknown crac "crac-a9"'],
    [() => make().actuate({ action: 'host_power', host: 'nope', on: true }), 'not_found', 'unknown host "nope"'],
  ])('rejects bad commands (%#)', (call, code, message) => {
    expect(errorOf(call)).toEqual({ code, message });
  });
});

describe('actuators', () => {
  it('crac-setpoint lowers the room supply after settling', () => {
    const sim = make(1, [], 30);
    run(sim, 60);
    const supply = () => sim.truth().world.rooms.find((r) => r.id === 'hall-a')?.supplyCelsius ?? NaN;
    const before = supply();
    sim.actuate({ action: 'crac_setpoint', crac: 'crac-a1', celsius: 14 });
    sim.actuate({ action: 'crac_setpoint', crac: 'crac-a2', celsius: 14 });
    run(sim, 1800);
    expect(supply()).toBeLessThan(before - 2);
    expect(sim.truth().world.cracs.find((c) => c.id === 'crac-a1')?.setpointCelsius).toBe(14);
  });

  it('crac-fan-speed and host-power change world state', () => {
    const sim = make();
    sim.actuate({ action: 'crac_fan_speed', crac: 'crac-b2', ratio: 0.4 });
    sim.actuate({ action: 'host_power', host: 'r07-s2', on: false });
    run(sim, 10);
    expect(sim.truth().world.cracs.find((c) => c.id === 'crac-b2')?.fanSpeedRatio).toBe(0.4);
    expect(sim.truth().world.hosts.find((h) => h.name === 'r07-s2')?.up).toBe(false);
  });

  it('host-power on ends a host crash', () => {
    const sim = make();
    sim.inject('host_crash', 'r01-s1');
    run(sim, 10);
    sim.actuate({ action: 'host_power', host: 'r01-s1', on: true });
    expect(sim.faults()).toEqual([]);
    expect(sim.truth().world.hosts.find((h) => h.name === 'r01-s1')?.up).toBe(true);
  });

  it('migrate moves an instance to another host', () => {
    const sim = make();
    sim.actuate({ action: 'migrate', instance: 'cart-1', toHost: 'r11-s6' });
    const [first] = run(sim, 5);
    expect(sim.truth().shop.instances.find((i) => i.id === 'cart-1')?.host).toBe('r11-s6');
    expect(first.shop.events.map((e) => e.kind)).toEqual(['migrate']);
  });

  it('scale changes the instance count', () => {
    const sim = make();
    const count = () => sim.truth().shop.instances.filter((i) => i.service === 'checkout').length;
    expect(count()).toBe(2);
    sim.actuate({ action: 'scale', service: 'checkout', instances: 5 });
    expect(count()).toBe(5);
    sim.actuate({ action: 'scale', service: 'checkout', instances: 1 });
    expect(count()).toBe(1);
  });

  it('restart clears a memory leak', () => {
    const sim = make();
    sim.inject('memory_leak', 'cart');
    run(sim, 300);
    const memory = () => sim.truth().shop.instances.find((i) => i.id === 'cart-1')?.memoryBytes ?? NaN;
    expect(memory()).toBe(192 * 1024 ** 2 + 300 * 512 * 1024);
    sim.actuate({ action: 'restart', service: 'cart' });
    expect(memory()).toBe(192 * 1024 ** 2);
    expect(sim.faults()).toEqual([]);
    run(sim, 60);
    expect(memory()).toBe(192 * 1024 ** 2);
  });
});
