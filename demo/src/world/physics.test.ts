import { AIR_HEAT_CAPACITY_JOULES_PER_CUBIC_METRE_KELVIN, AMBIENT_CELSIUS, ENVELOPE_CONDUCTANCE_WATTS_PER_KELVIN } from './crac';
import { createDataCenterLayout } from './layout';
import { settle, stepWorld } from './physics';
import { STANDBY_POWER_WATTS } from './server-power';
import { recirculationKelvin } from './thermal';
import { worldTruth } from './truth';
import { applyWorldEvent } from './world-events';
import { coldWorldState, createWorldModel, hostThrottleFactor, hostUp } from './world-state';
import type { WorldInputs } from './physics';
import type { WorldState } from './world-state';

const model = createWorldModel(createDataCenterLayout());
const { layout } = model;
const uniform = (u: number): WorldInputs => ({ hostLoad: new Map(layout.hosts.map((h) => [h.name, { cpuUtilization: u }])) });
const typical = uniform(0.4);
const settled = settle(coldWorldState(model), typical);
const roomHosts = (room: string) => layout.hosts.filter((h) => h.roomId === room).map((h) => h.index);
const run = (state: WorldState, seconds: number, dt = 1) => {
  let s = state;
  for (let t = 0; t < seconds; t += dt) s = stepWorld(s, typical, dt);
  return s;
};

describe('steady state', () => {
  const truth = worldTruth(settled);

  it('holds the supply at the setpoint and each inlet at supply + recirculation (closed form)', () => {
    const rackPower = truth.racks.map((r) => r.powerWatts);
    settled.hosts.forEach((h, i) => expect(h.inletCelsius).toBeCloseTo(18 + recirculationKelvin(model.kernel, i, rackPower), 6));
    truth.cracs.forEach((c) => expect(c.supplyCelsius).toBeCloseTo(18, 12));
    truth.rooms.forEach((r) => expect(r.supplyCelsius).toBeCloseTo(18, 12));
  });

  it('recirculates more into higher slots and row-end racks', () => {
    const inlet = (name: string) => truth.hosts.find((h) => h.name === name)?.inletCelsius as number;
    expect(inlet('r02-s7')).toBeGreaterThan(inlet('r02-s1'));
    expect(inlet('r01-s4')).toBeGreaterThan(inlet('r02-s4'));
    expect(truth.racks[0].maxInletCelsius).toBeCloseTo(22.25, 2);
  });

  it('balances energy: IT power = heat removed by the CRACs + envelope loss', () => {
    layout.rooms.forEach((room, r) => {
      const it = roomHosts(room.id).reduce((sum, i) => sum + settled.hosts[i].powerWatts, 0);
      const removed = truth.cracs.filter((c) => c.room === room.id).reduce((sum, c) => sum + c.loadWatts, 0);
      const envelope = ENVELOPE_CONDUCTANCE_WATTS_PER_KELVIN * (truth.rooms[r].returnCelsius - AMBIENT_CELSIUS);
      expect(truth.rooms[r].itPowerWatts).toBeCloseTo(it, 9);
      expect(removed + envelope).toBeCloseTo(it, 6);
      // Return air from the closed form (P + G·T_set + U·T_amb) / (G + U).
      const g = 2 * AIR_HEAT_CAPACITY_JOULES_PER_CUBIC_METRE_KELVIN * 0.75;
      const u = ENVELOPE_CONDUCTANCE_WATTS_PER_KELVIN;
      expect(truth.rooms[r].returnCelsius).toBeCloseTo((it + g * 18 + u * AMBIENT_CELSIUS) / (g + u), 6);
    });
    expect(truth.totals.itPowerWatts).toBeCloseTo(truth.pdus.reduce((sum, p) => sum + p.loadWatts, 0), 9);
  });

  it.each([0.2, 0.4, 0.7])('has a plausible PUE at utilization %p', (u) => {
    const { pue, itPowerWatts, coolingPowerWatts } = worldTruth(settle(settled, uniform(u), 3600)).totals;
    expect(pue).toBeGreaterThan(1.2);
    expect(pue).toBeLessThan(1.8);
    expect(pue).toBeCloseTo((itPowerWatts + coolingPowerWatts) / itPowerWatts, 12);
  });
});

describe('first-order lags', () => {
  it('moves each inlet 1 − e^−1 of a supply stepWorld after one rack time constant, exactly', () => {
    const raised = applyWorldEvent(settled, { kind: 'crac_setpoint', crac: 'crac-a1', celsius: 20 });
    const both = applyWorldEvent(raised, { kind: 'crac_setpoint', crac: 'crac-a2', celsius: 20 });
    for (const rack of layout.racks.filter((r) => r.roomId === 'hall-a').slice(0, 2)) {
      const after = run(both, rack.inletTimeConstantSeconds);
      // Against a run without the stepWorld, so that any residual settling cancels out.
      const control = run(settled, rack.inletTimeConstantSeconds);
      for (const i of rack.hostIndexes) {
        expect(after.hosts[i].inletCelsius - control.hosts[i].inletCelsius).toBeCloseTo(2 * (1 - Math.exp(-1)), 9);
      }
    }
  });
});

describe('faults', () => {
  const failed = applyWorldEvent(settled, { kind: 'crac_failure', crac: 'crac-a1' });
  const final = settle(failed, typical);

  it('raises the inlets of the failed CRAC room with the lag, and not the other room', () => {
    const tau = layout.racks[1].inletTimeConstantSeconds;
    const atTau = run(failed, tau, 5);
    const host = layout.racks[1].hostIndexes[6];
    const rise = final.hosts[host].inletCelsius - settled.hosts[host].inletCelsius;
    expect(rise).toBeGreaterThan(4);
    expect(run(failed, 5, 5).hosts[host].inletCelsius - settled.hosts[host].inletCelsius).toBeLessThan(0.05 * rise);
    // The room's own thermal mass adds to the rack lag, so a little under 63 % is done after τ.
    const fraction = (atTau.hosts[host].inletCelsius - settled.hosts[host].inletCelsius) / rise;
    expect(fraction).toBeGreaterThan(0.5);
    expect(fraction).toBeLessThan(1 - Math.exp(-1));
    for (const i of roomHosts('hall-b')) expect(final.hosts[i].inletCelsius).toBeCloseTo(settled.hosts[i].inletCelsius, 6);
    const truth = worldTruth(final);
    expect(truth.cracs.map((c) => [c.id, c.failed, Math.round(c.loadWatts)])).toEqual([
      ['crac-a1', true, 0],
      ['crac-a2', false, 9202],
      ['crac-b1', false, 4843],
      ['crac-b2', false, 4843],
    ]);
    expect(truth.faults).toEqual(['crac_failure:crac-a1']);
  });

  it('lets the supply rise above the setpoint when the load exceeds the capacity left', () => {
    let s = applyWorldEvent(settled, { kind: 'crac_fan_speed', crac: 'crac-b1', ratio: 0.3 });
    s = settle(applyWorldEvent(s, { kind: 'crac_fan_speed', crac: 'crac-b2', ratio: 0.3 }), typical);
    const truth = worldTruth(s);
    expect(truth.cracs[2].loadWatts).toBeCloseTo(14000 * 0.3, 9);
    expect(truth.rooms[1].supplyCelsius).toBeGreaterThan(19);
  });

  it('throttles a host whose fan failed under load, and only that host', () => {
    const s = settle(applyWorldEvent(settled, { kind: 'fan_failure', host: 'r05-s4' }), typical, 1800);
    expect(hostThrottleFactor(s, 'r05-s4')).toBeLessThan(0.9);
    expect(s.hosts[model.hostIndex.get('r05-s4') as number].cpuCelsius).toBeGreaterThan(85);
    expect(s.hosts.filter((h) => h.throttleFactor < 1)).toHaveLength(1);
    expect(worldTruth(s).hosts[model.hostIndex.get('r05-s4') as number].fanSpeedRatio).toBe(0);
  });

  it('drops a crashed host to standby power until it is powered on', () => {
    const crashed = stepWorld(applyWorldEvent(settled, { kind: 'host_crash', host: 'r09-s2' }), typical, 1);
    expect(hostUp(crashed, 'r09-s2')).toBe(false);
    expect(worldTruth(crashed).hosts[model.hostIndex.get('r09-s2') as number]).toMatchObject({ up: false, powerWatts: STANDBY_POWER_WATTS, utilization: 0 });
    const back = stepWorld(applyWorldEvent(crashed, { kind: 'host_power', host: 'r09-s2', on: true }), typical, 1);
    expect(hostUp(back, 'r09-s2')).toBe(true);
    expect(worldTruth(back).faults).toEqual([]);
  });
});

describe('stepWorld', () => {
  it('is pure and deterministic', () => {
    const before = JSON.stringify(worldTruth(settled));
    const a = worldTruth(stepWorld(settled, typical, 60));
    expect(JSON.stringify(worldTruth(settled))).toBe(before);
    expect(worldTruth(stepWorld(settled, typical, 60))).toEqual(a);
    expect(JSON.parse(JSON.stringify(a))).toEqual(a);
    expect(a.timeSeconds).toBeCloseTo(14_460, 9);
  });

  it.each([
    [{ kind: 'host_crash', host: 'r99-s1' }, 'unknown host "r99-s1"'],
    [{ kind: 'crac_failure', crac: 'crac-z1' }, 'unknown crac "crac-z1"'],
    [{ kind: 'crac_setpoint', crac: 'crac-a1', celsius: 50 }, 'crac_setpoint.celsius: must be between 10 and 35, got 50'],
    [{ kind: 'crac_fan_speed', crac: 'crac-a1', ratio: 1.5 }, 'crac_fan_speed.ratio: must be between 0 and 1, got 1.5'],
  ] as const)('rejects %j', (event, message) => {
    expect(() => applyWorldEvent(settled, event)).toThrow(message);
  });

  it('rejects a negative dt', () => {
    expect(() => stepWorld(settled, typical, -1)).toThrow('dtSeconds: must be >= 0, got -1');
  });
});
