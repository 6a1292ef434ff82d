import { InMemoryMetricsRegistry, createTwin, defaultTwinModelConfig } from '../model';
import { calibrateDataCenter } from './calibrate-data-center';
import { initialDataCenterState, stepDataCenter } from './step-data-center';
import type { Twin } from '../model';
import type { CracControl, DataCenterPhysics, ServerPhysics } from './types';

/**
 * A synthetic twin generated from known parameters: one room, two rows of two racks, three
 * servers per rack, two CRACs. The truth is stepped by the physics itself with every input held
 * over each 10 s bucket (the fits' convention); meters and sensors get seeded Gaussian noise.
 */
const T0 = 1_700_000_000_000;
const STEPS = 360;
const RACKS = ['rack:dc/r1', 'rack:dc/r2', 'rack:dc/r3', 'rack:dc/r4'];
const POSITIONS = ['A-1', 'A-2', 'B-1', 'B-2'];
const ROWS = ['row:dc/hall/a', 'row:dc/hall/a', 'row:dc/hall/b', 'row:dc/hall/b'];
const prior = () => ({ samples: 0, r2: null, rmse: null, source: 'prior' as const });

/** Known D (K/kW) by rack distance: own rack, row neighbour, facing rack, diagonal. */
const D_KELVIN_PER_KILOWATT = [1.2, 0.4, 0.2, 0.1];
const distance = (a: number, b: number) => (a === b ? 0 : Math.floor(a / 2) === Math.floor(b / 2) ? 1 : a % 2 === b % 2 ? 2 : 3);

function truth(): DataCenterPhysics {
  const servers: ServerPhysics[] = [];
  RACKS.forEach((rackId, r) => {
    for (let s = 1; s <= 3; s++) {
      const recirculation = Object.fromEntries(RACKS.map((other, j) => [other, (D_KELVIN_PER_KILOWATT[distance(r, j)] * (0.8 + 0.2 * s)) / 1000]));
      servers.push({
        id: `host:r${r + 1}-s${s}`, rackId, roomId: 'room:dc/hall', cores: 16, idleWatts: 100 + 10 * s, peakWatts: 300 + 20 * s + 10 * r,
        powerFit: prior(), inletTauSeconds: 120 + 40 * s + 30 * r, inletFit: prior(), recirculation, utilization: 0.3, powerWatts: 0,
        inletCelsius: 19, up: true, inletOffsetCelsius: 0.1 * s,
      });
    }
  });
  const crac = (id: string) => ({
    id, roomId: 'room:dc/hall', capacityWatts: 10_000, airflowWattsPerKelvin: 600, setpointCelsius: 18, fanSpeedRatio: 1, failed: false,
    fanPowerWatts: 600, copAtSetpoint: 3.2, copPerKelvin: 0.15, powerFit: prior(), supplyCelsius: 18, powerWatts: 0,
  });
  return {
    at: T0, servers, racks: RACKS.map((id) => ({ id, roomId: 'room:dc/hall', pduIds: ['pdu:dc/p1'], cracIds: ['crac:dc/c1', 'crac:dc/c2'] })),
    cracs: [crac('crac:dc/c1'), crac('crac:dc/c2')],
    // The mass the calibration assumes (60 s · (ΣG + U)): the return estimate is then exact.
    rooms: [{ id: 'room:dc/hall', thermalMassJoulesPerKelvin: 60 * 1300, envelopeWattsPerKelvin: 100, ambientCelsius: 25, returnCelsius: 21, massFit: prior(), rackIds: RACKS, cracIds: ['crac:dc/c1', 'crac:dc/c2'] }],
    pdus: [{ id: 'pdu:dc/p1', capacityWatts: 20_000, rackIds: RACKS, powerWatts: 0 }],
  };
}

/** Park–Miller with Box–Muller: deterministic noise. */
function noise(seed: number): () => number {
  let state = seed;
  const uniform = () => (state = (state * 48271) % 2147483647) / 2147483647;
  return () => Math.sqrt(-2 * Math.log(uniform())) * Math.cos(2 * Math.PI * uniform());
}

function layout(twin: Twin): void {
  const add = (id: string, type: string, level: 'asset' | 'component' | 'enterprise', attributes: Record<string, string | number> = {}) => twin.upsertEntity({ id, type, level, attributes });
  add('site:dc', 'site', 'enterprise');
  add('room:dc/hall', 'room', 'asset');
  twin.upsertRelation('site:dc', 'room:dc/hall', 'contains');
  for (const row of new Set(ROWS)) {
    add(row, 'row', 'asset');
    twin.upsertRelation('room:dc/hall', row, 'contains');
  }
  RACKS.forEach((rack, r) => {
    add(rack, 'rack', 'asset', { position: POSITIONS[r] });
    twin.upsertRelation(ROWS[r], rack, 'contains');
    for (let s = 1; s <= 3; s++) {
      const name = `r${r + 1}-s${s}`;
      // Nameplate deliberately off from the truth: the fit must move away from it.
      add(`host:${name}`, 'host', 'asset', { cores: 16, idle_power_watts: 90, peak_power_watts: 400 });
      twin.upsertRelation(rack, `host:${name}`, 'contains');
      add(`hw:${name}/${name}-inlet`, 'hw', 'component', { 'hw.type': 'temperature', 'hw.sensor_location': 'inlet' });
      twin.upsertRelation(`host:${name}`, `hw:${name}/${name}-inlet`, 'contains');
    }
  });
  for (const c of ['c1', 'c2']) {
    add(`crac:dc/${c}`, 'crac', 'asset', { capacity_watts: 10_000, supply_setpoint_celsius: 18, airflow_cubic_metres_per_second: 0.5 });
    twin.upsertRelation('room:dc/hall', `crac:dc/${c}`, 'contains');
    RACKS.forEach((rack) => twin.upsertRelation(`crac:dc/${c}`, rack, 'cools'));
    add(`hw:${c}/${c}-supply`, 'hw', 'component', { 'hw.type': 'temperature', 'hw.sensor_location': 'supply' });
    add(`hw:${c}/${c}-fan`, 'hw', 'component', { 'hw.type': 'fan' });
    twin.upsertRelation(`crac:dc/${c}`, `hw:${c}/${c}-supply`, 'contains');
    twin.upsertRelation(`crac:dc/${c}`, `hw:${c}/${c}-fan`, 'contains');
  }
  add('pdu:dc/p1', 'pdu', 'asset', { capacity_watts: 20_000 });
  RACKS.forEach((rack) => twin.upsertRelation('pdu:dc/p1', rack, 'powers'));
}

/** Utilization: slow per-host waves plus steps, so racks move independently; setpoint 18 → 20.5 → 18 and c2's fan slowed for a while. */
function inputsAt(k: number, physics: DataCenterPhysics) {
  const utilization = Object.fromEntries(physics.servers.map((s, i) => [s.id, Math.min(1, Math.max(0, 0.45 + 0.35 * Math.sin(k / (9 + 3 * i) + i) + (k % (40 + 7 * i) < 15 ? 0.2 : 0)))]));
  const setpointCelsius = k >= 120 && k < 220 ? 20.5 : 18;
  const cracs: Record<string, CracControl> = {
    'crac:dc/c1': { setpointCelsius, fanSpeedRatio: 1, failed: false },
    'crac:dc/c2': { setpointCelsius, fanSpeedRatio: k >= 60 && k < 160 ? 0.7 : 1, failed: false },
  };
  return { utilization, up: {}, cracs };
}

function syntheticTwin(): { twin: Twin; now: number; physics: DataCenterPhysics } {
  const physics = truth();
  const now = T0 + (STEPS - 1) * 10_000;
  const twin = createTwin(defaultTwinModelConfig(), { clock: { now: () => now }, metrics: new InMemoryMetricsRegistry() });
  layout(twin);
  const gauss = noise(7);
  let state = initialDataCenterState(physics);
  for (let k = 0; k < STEPS; k++) {
    const t = T0 + k * 10_000;
    const inputs = inputsAt(k, physics);
    const at = stepDataCenter(physics, state, inputs, 0);
    for (const s of physics.servers) {
      const name = s.id.slice('host:'.length);
      twin.recordSignal(s.id, 'hw.host.power', 'W', 'gauge', t, at.serverPowerWatts[s.id] + gauss());
      twin.recordSignal(s.id, 'system.cpu.utilization', '1', 'gauge', t, inputs.utilization[s.id]);
      twin.recordSignal(`hw:${name}/${name}-inlet`, 'hw.temperature', 'Cel', 'gauge', t, at.inletCelsius[s.id] + 0.05 * gauss());
    }
    for (const c of ['c1', 'c2']) {
      const id = `crac:dc/${c}`;
      twin.recordSignal(id, 'hw.host.power', 'W', 'gauge', t, at.cracPowerWatts[id] + gauss());
      twin.recordSignal(`hw:${c}/${c}-supply`, 'hw.temperature', 'Cel', 'gauge', t, at.cracSupplyCelsius[id] + 0.05 * gauss());
      twin.recordSignal(`hw:${c}/${c}-fan`, 'hw.fan.speed_ratio', '1', 'gauge', t, inputs.cracs[id].fanSpeedRatio);
    }
    twin.recordSignal('pdu:dc/p1', 'hw.host.power', 'W', 'gauge', t, at.itPowerWatts);
    state = stepDataCenter(physics, state, inputs, 10);
  }
  // The truth's return air at the latest sample, for the estimate.
  const latest = stepDataCenter(physics, state, inputsAt(STEPS, physics), 0);
  return { twin, now, physics: { ...physics, rooms: [{ ...physics.rooms[0], returnCelsius: latest.returnCelsius['room:dc/hall'] }] } };
}

describe('calibrating the data center from a synthetic twin', () => {
  const { twin, now, physics: known } = syntheticTwin();
  const fitted = calibrateDataCenter(twin, { now, windowSeconds: 3600 });
  const server = (id: string) => fitted.servers.find((s) => s.id === id) as ServerPhysics;

  it('finds the layout: racks, rooms, CRACs and PDUs with their relations', () => {
    expect(fitted.servers.map((s) => s.id)).toEqual(known.servers.map((s) => s.id));
    expect(fitted.racks).toEqual(RACKS.map((id) => ({ id, roomId: 'room:dc/hall', pduIds: ['pdu:dc/p1'], cracIds: ['crac:dc/c1', 'crac:dc/c2'] })));
    expect(fitted.rooms.map((r) => [r.id, r.rackIds, r.cracIds])).toEqual([['room:dc/hall', RACKS, ['crac:dc/c1', 'crac:dc/c2']]]);
    expect(fitted.pdus.map((p) => [p.id, p.capacityWatts, p.rackIds])).toEqual([['pdu:dc/p1', 20_000, RACKS]]);
    expect(fitted.at).toBe(now);
  });

  it('recovers each server power line within 2 W', () => {
    for (const k of known.servers) {
      const s = server(k.id);
      expect(Math.abs(s.idleWatts - k.idleWatts)).toBeLessThan(2);
      expect(Math.abs(s.peakWatts - k.peakWatts)).toBeLessThan(2);
      expect(s.powerFit).toMatchObject({ samples: STEPS, source: 'fitted' });
      expect(s.powerFit.r2).toBeGreaterThan(0.999);
    }
  });

  // The rows' error is mostly the split between racks whose loads moved together (own-rack coefficients are 1.0..1.7 K/kW).
  it('recovers inlet time constants within 5 %, the heat-distribution rows within 0.2 K/kW and the offsets within 0.15 K', () => {
    for (const k of known.servers) {
      const s = server(k.id);
      expect(Math.abs(s.inletTauSeconds / k.inletTauSeconds - 1)).toBeLessThan(0.05);
      for (const rack of RACKS) expect(Math.abs(s.recirculation[rack] - k.recirculation[rack]) * 1000).toBeLessThan(0.2);
      expect(Math.abs((s.inletOffsetCelsius ?? 0) - (k.inletOffsetCelsius ?? 0))).toBeLessThan(0.15);
      expect(s.inletFit.source).toBe('fitted');
      expect(s.inletFit.rmse).toBeLessThan(0.08);
    }
  });

  it('gives a server too new to fit its rack mates’ lag and recirculation', () => {
    const rack = RACKS[0];
    twin.upsertEntity({ id: 'host:r1-s9', type: 'host', level: 'asset', attributes: { cores: 16, idle_power_watts: 90, peak_power_watts: 400 } });
    twin.upsertRelation(rack, 'host:r1-s9', 'contains');
    twin.upsertEntity({ id: 'hw:r1-s9/r1-s9-inlet', type: 'hw', level: 'component', attributes: { 'hw.type': 'temperature', 'hw.sensor_location': 'inlet' } });
    twin.upsertRelation('host:r1-s9', 'hw:r1-s9/r1-s9-inlet', 'contains');
    // Three readings: too few for a fit of its own.
    for (const k of [2, 1, 0]) twin.recordSignal('hw:r1-s9/r1-s9-inlet', 'hw.temperature', 'Cel', 'gauge', now - k * 10_000, 21);
    const grown = calibrateDataCenter(twin, { now, windowSeconds: 3600 });
    const added = grown.servers.find((s) => s.id === 'host:r1-s9') as ServerPhysics;
    const mates = grown.servers.filter((s) => s.rackId === rack && s.id !== 'host:r1-s9');
    expect(added.inletFit.source).toBe('prior');
    expect(added.inletTauSeconds).toBe(mates.map((s) => s.inletTauSeconds).sort((a, b) => a - b)[mates.length >> 1]);
    for (const r of RACKS) expect(added.recirculation[r]).toBeCloseTo(mates.reduce((sum, s) => sum + s.recirculation[r], 0) / mates.length, 12);
  });

  it('recovers the CRACs: setpoint, COP line, fan power, and the room return within 0.05 K', () => {
    for (const c of fitted.cracs) {
      expect(c).toMatchObject({ capacityWatts: 10_000, airflowWattsPerKelvin: 600, fanSpeedRatio: 1, failed: false });
      expect(Math.abs(c.setpointCelsius - 18)).toBeLessThan(0.05);
      expect(Math.abs(c.copAtSetpoint - 3.2)).toBeLessThan(0.05);
      expect(Math.abs(c.copPerKelvin - 0.15)).toBeLessThan(0.03);
      expect(Math.abs(c.fanPowerWatts - 600)).toBeLessThan(10);
      expect(c.powerFit.source).toBe('fitted');
    }
    expect(Math.abs(fitted.rooms[0].returnCelsius - known.rooms[0].returnCelsius)).toBeLessThan(0.05);
  });

  it('starts where the observations are, and a scenario without changes stays there', () => {
    const start = initialDataCenterState(fitted);
    for (const s of fitted.servers) {
      expect(start.serverPowerWatts[s.id]).toBeCloseTo(s.powerWatts, 9);
      expect(start.inletCelsius[s.id]).toBe(s.inletCelsius);
    }
    for (const c of fitted.cracs) expect(start.cracPowerWatts[c.id]).toBeCloseTo(c.powerWatts, 9);
    let state = start;
    for (let k = 0; k < 30; k++) state = stepDataCenter(fitted, state, { utilization: {}, up: {}, cracs: {} }, 10);
    // The inlets were still settling after the last load change: they keep moving, by less than 0.5 K.
    for (const s of fitted.servers) expect(Math.abs(state.inletCelsius[s.id] - s.inletCelsius)).toBeLessThan(0.5);
  });
});
