import { initialDataCenterState, pue, stepDataCenter } from './step-data-center';
import { syntheticDataCenterPhysics } from './synthetic-data-center';
import type { CracControl, CracPhysics, DataCenterInputs, DataCenterPhysics, DataCenterState, ServerPhysics } from './types';

const T0 = 1_700_000_000_000;
const prior = () => ({ samples: 0, r2: null, rmse: null, source: 'prior' as const });

/** One room, one rack, one server, one CRAC far from its capacity; the room at its equilibrium. */
function tiny(overrides: { server?: Partial<ServerPhysics>; crac?: Partial<CracPhysics> } = {}): DataCenterPhysics {
  const server: ServerPhysics = {
    id: 'host:h1', rackId: 'rack:r1', roomId: 'room:a', cores: 8, idleWatts: 100, peakWatts: 300, powerFit: prior(),
    inletTauSeconds: 120, inletFit: prior(), recirculation: { 'rack:r1': 0.002 }, utilization: 0.5, powerWatts: 200,
    inletCelsius: 18.4, up: true, ...overrides.server,
  };
  const crac: CracPhysics = {
    id: 'crac:c1', roomId: 'room:a', capacityWatts: 10_000, airflowWattsPerKelvin: 900, setpointCelsius: 18, fanSpeedRatio: 1,
    failed: false, fanPowerWatts: 500, copAtSetpoint: 3, copPerKelvin: 0.1, powerFit: prior(), supplyCelsius: 18, powerWatts: 0,
    ...overrides.crac,
  };
  // Equilibrium of C dT/dt = P − G (T − 18) − U (T − 25) with P = 200, G = 900, U = 100.
  const ret = (200 + 900 * 18 + 100 * 25) / 1000;
  return {
    at: T0,
    servers: [server],
    racks: [{ id: 'rack:r1', roomId: 'room:a', pduIds: [], cracIds: ['crac:c1'] }],
    cracs: [crac],
    rooms: [{ id: 'room:a', thermalMassJoulesPerKelvin: 50_000, envelopeWattsPerKelvin: 100, ambientCelsius: 25, returnCelsius: ret, massFit: prior(), rackIds: ['rack:r1'], cracIds: ['crac:c1'] }],
    pdus: [],
  };
}

const inputs = (utilization: Record<string, number>, extra: Partial<DataCenterInputs> = {}): DataCenterInputs => ({ utilization, up: {}, cracs: {}, ...extra });

function run(physics: DataCenterPhysics, state: DataCenterState, given: DataCenterInputs, dt: number, steps: number): DataCenterState {
  let s = state;
  for (let k = 0; k < steps; k++) s = stepDataCenter(physics, s, given, dt);
  return s;
}

describe('the inlet lag', () => {
  it.each([[1], [7], [60]])('follows 1 − e^(−t/τ) after a power step, whatever the step (dt = %s s)', (dt) => {
    const physics = tiny();
    const start = initialDataCenterState(physics);
    // u 0.5 → 1: +100 W on the rack; the supply stays at the setpoint (unit below capacity), so the target rises by D·ΔP = 0.2 K.
    let state = start;
    for (let k = 1; k <= 1260 / dt; k++) {
      state = stepDataCenter(physics, state, inputs({ 'host:h1': 1 }), dt);
      const t = k * dt;
      const target = 18 + 0.002 * 300;
      const expected = target + (18.4 - target) * Math.exp(-t / 120);
      expect(state.inletCelsius['host:h1']).toBeCloseTo(expected, 10);
    }
    expect(state.t).toBe(T0 + 1_260_000);
  });

  it('reaches 1 − e^−1 of the change after one τ', () => {
    const physics = tiny();
    const after = stepDataCenter(physics, initialDataCenterState(physics), inputs({ 'host:h1': 1 }), 120);
    expect((after.inletCelsius['host:h1'] - 18.4) / 0.2).toBeCloseTo(1 - Math.exp(-1), 12);
  });
});

describe('the room', () => {
  it('answers a heat step with its first-order closed form, τ = C / (ΣG + U)', () => {
    const physics = tiny();
    const t0 = physics.rooms[0].returnCelsius;
    const equilibrium = (300 + 900 * 18 + 100 * 25) / 1000;
    const tau = 50_000 / (900 + 100);
    let state = initialDataCenterState(physics);
    for (let k = 1; k <= 40; k++) {
      state = stepDataCenter(physics, state, inputs({ 'host:h1': 1 }), 3);
      expect(state.returnCelsius['room:a']).toBeCloseTo(equilibrium + (t0 - equilibrium) * Math.exp(-(3 * k) / tau), 10);
    }
    expect(state.cracLoadWatts['crac:c1']).toBeCloseTo(900 * (state.returnCelsius['room:a'] - 18), 9);
    expect(state.cracSupplyCelsius['crac:c1']).toBeCloseTo(18, 12);
  });

  it('closes the energy balance over a run with load changes, saturation and a failure (1e-9 relative)', () => {
    const physics = syntheticDataCenterPhysics({ at: T0, rooms: 2, rowsPerRoom: 2, racksPerRow: 3, serversPerRack: 5, utilization: 0.3 });
    const start = initialDataCenterState(physics);
    let state = start;
    const ids = physics.servers.map((s) => s.id);
    for (let k = 0; k < 200; k++) {
      const u = Object.fromEntries(ids.map((id, i) => [id, 0.5 + 0.5 * Math.sin(k / 7 + i)]));
      const cracs: Record<string, CracControl> = k > 60 ? { 'crac:dc/crac-1-1': { setpointCelsius: 18, fanSpeedRatio: 1, failed: true }, 'crac:dc/crac-2-1': { setpointCelsius: 22, fanSpeedRatio: 0.3, failed: false }, 'crac:dc/crac-2-2': { setpointCelsius: 18, fanSpeedRatio: 1, failed: true } } : {};
      state = stepDataCenter(physics, state, inputs(u, { cracs }), 13);
    }
    const stored = physics.rooms.reduce((sum, r) => sum + r.thermalMassJoulesPerKelvin * (state.returnCelsius[r.id] - start.returnCelsius[r.id]), 0);
    const energy = state.energy ?? { itJoules: NaN, removedJoules: 0, envelopeJoules: 0 };
    expect(energy.itJoules).toBeGreaterThan(4e7);
    expect(Math.abs(energy.itJoules - energy.removedJoules - energy.envelopeJoules - stored) / energy.itJoules).toBeLessThan(1e-9);
    // Alone in its room, the throttled unit saturated at its capacity at 30 % fan speed.
    expect(state.cracLoadWatts['crac:dc/crac-2-1']).toBeCloseTo(0.3 * physics.cracs[2].capacityWatts, 6);
  });
});

describe('the data center', () => {
  it('keeps a steady state steady and starts where the observations are', () => {
    const physics = syntheticDataCenterPhysics({ at: T0, rooms: 2, rowsPerRoom: 2, racksPerRow: 4, serversPerRack: 6, utilization: 0.4 });
    const start = initialDataCenterState(physics);
    for (const s of physics.servers) {
      expect(start.serverPowerWatts[s.id]).toBeCloseTo(s.powerWatts, 9);
      expect(start.inletCelsius[s.id]).toBe(s.inletCelsius);
    }
    for (const c of physics.cracs) expect(start.cracPowerWatts[c.id]).toBeCloseTo(c.powerWatts, 9);
    const end = run(physics, start, inputs({}), 10, 360);
    for (const s of physics.servers) expect(end.inletCelsius[s.id]).toBeCloseTo(s.inletCelsius, 9);
    for (const r of physics.rooms) expect(end.returnCelsius[r.id]).toBeCloseTo(r.returnCelsius, 9);
    expect(end.coolingPowerWatts).toBeCloseTo(start.coolingPowerWatts, 6);
    expect(end.t).toBe(T0 + 3_600_000);
  });

  it('lets a failed unit move air and remove nothing: its supply is the return air, its power the fan', () => {
    const physics = tiny();
    const failed = stepDataCenter(physics, initialDataCenterState(physics), inputs({}, { cracs: { 'crac:c1': { setpointCelsius: 18, fanSpeedRatio: 0.5, failed: true } } }), 10);
    expect(failed.cracLoadWatts['crac:c1']).toBe(0);
    expect(failed.cracSupplyCelsius['crac:c1']).toBe(failed.returnCelsius['room:a']);
    expect(failed.supplyCelsius['room:a']).toBe(failed.returnCelsius['room:a']);
    expect(failed.cracPowerWatts['crac:c1']).toBeCloseTo(500 * 0.125, 12);
  });

  it('charges the compressor Q / COP at the supply temperature', () => {
    const physics = tiny();
    const state = initialDataCenterState(physics);
    const load = 900 * (physics.rooms[0].returnCelsius - 18);
    expect(state.cracPowerWatts['crac:c1']).toBeCloseTo(500 + load / 3, 9);
    // A warmer setpoint (the return air is at 19.1 °C): the unit supplies 18.5 °C at COP 3 + 0.1 · 0.5.
    const warm = stepDataCenter(physics, state, inputs({}, { cracs: { 'crac:c1': { setpointCelsius: 18.5, fanSpeedRatio: 1, failed: false } } }), 1);
    const warmLoad = 900 * (warm.returnCelsius['room:a'] - 18.5);
    expect(warmLoad).toBeGreaterThan(300);
    expect(warm.cracPowerWatts['crac:c1']).toBeCloseTo(500 + warmLoad / 3.05, 9);
    expect(pue(state)).toBeCloseTo((200 + 500 + load / 3) / 200, 12);
  });

  it.each([
    ['up at full load', { 'host:h1': true }, 1, 300],
    ['down: its standby draw', { 'host:h1': false }, 1, 7],
    ['utilization clamped to 1', {}, 3, 300],
  ])('draws idle + (peak − idle)·u + offset when %s', (_case, up, u, watts) => {
    const physics = tiny({ server: { standbyWatts: 7 } });
    expect(stepDataCenter(physics, initialDataCenterState(physics), inputs({ 'host:h1': u }, { up }), 1).serverPowerWatts['host:h1']).toBe(watts);
  });

  it('starts a server added in an edited copy from its observed values and steps it', () => {
    const physics = tiny();
    const state = initialDataCenterState(physics);
    const added: ServerPhysics = { ...physics.servers[0], id: 'host:h2', up: false, utilization: 0 };
    const edited = { ...physics, servers: [...physics.servers, added] };
    const next = stepDataCenter(edited, state, inputs({ 'host:h2': 1 }, { up: { 'host:h2': true } }), 10);
    expect(next.serverPowerWatts).toEqual({ 'host:h1': 200, 'host:h2': 300 });
    expect(next.rackPowerWatts).toEqual({ 'rack:r1': 500 });
    expect(next.inletCelsius['host:h2']).toBeGreaterThan(18.4);
  });

  it('refuses a negative step', () => {
    const physics = tiny();
    expect(() => stepDataCenter(physics, initialDataCenterState(physics), inputs({}), -1)).toThrow('dtSeconds: must be a finite number >= 0, got -1');
  });

  it('returns NaN for the PUE when no IT power is drawn', () => {
    const physics = tiny();
    expect(pue({ ...initialDataCenterState(physics), itPowerWatts: 0 })).toBeNaN();
  });
});
