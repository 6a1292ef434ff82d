import { syntheticDataCenterPhysics } from '../../physics';
import { runSimulation } from './run-simulation';
import { ScenarioTargetError } from './scenario-world';
import type { ServiceGraphPhysics } from '../services';
import type { Scenario } from '../scenario';
import type { SimulationContext } from './run-simulation';

const AT = Date.UTC(2025, 5, 1, 12);
const fit = { samples: 100, r2: 0.9, rmse: 1, source: 'fitted' as const };

/** One room of 2 × 2 racks of 4 servers at 30 % with two CRACs (N+1), and web → api on two of its servers (api: 8 cores, half busy at twice the load). */
function context(): SimulationContext {
  const physics = syntheticDataCenterPhysics({ at: AT, rooms: 1, rowsPerRoom: 2, racksPerRow: 2, serversPerRack: 4, utilization: 0.3 });
  const [h1, h2] = physics.servers;
  const services: ServiceGraphPhysics = {
    at: AT,
    hostBusyCores: {},
    services: [
      { id: 'service:web', instances: [{ id: 'instance:web/1', hostId: h1.id, cores: 4, up: true }], requestsPerSecond: 100, ownServiceSeconds: 0.01, serviceFit: fit, calls: [{ to: 'service:api', perRequest: 1 }], latencyMeanSeconds: 0.03, latencyP95Seconds: 0.06, errorRatio: 0, entry: true },
      { id: 'service:api', instances: [{ id: 'instance:api/1', hostId: h2.id, cores: 8, up: true }], requestsPerSecond: 100, ownServiceSeconds: 0.02, serviceFit: fit, calls: [], latencyMeanSeconds: 0.02, latencyP95Seconds: 0.04, errorRatio: 0, entry: false },
    ],
  };
  return {
    physics,
    services,
    relations: [
      { from: 'service:web', to: 'service:api', type: 'calls' },
      { from: 'service:web', to: 'instance:web/1', type: 'contains' },
      { from: 'instance:web/1', to: h1.id, type: 'runs_on' },
    ],
    siteId: 'site:dc',
    start: AT,
    gridCarbonGramsPerKwh: 400,
  };
}

const scenario = (changes: Scenario['changes'], extra: Partial<Scenario> = {}): Scenario => ({ horizon_seconds: 3600, step_seconds: 60, changes, ...extra });

describe('runSimulation', () => {
  it('changes nothing without changes: no series moves, no violation, the KPIs of the baseline', () => {
    const result = runSimulation(scenario([]), context());
    expect(result.series).toEqual([]);
    expect(result.violations).toEqual([]);
    expect(result.kpis.predicted).toEqual(result.kpis.baseline);
    expect(result.timestamps).toHaveLength(61);
    expect(result.timestamps[60]).toBe(AT + 3_600_000);
  });

  it('fails both CRACs of a room: every inlet passes 27 °C, with onsets, and the room and the units are affected', () => {
    const ctx = context();
    const result = runSimulation(scenario([{ type: 'fail', target: 'crac:dc/crac-1-1' }, { type: 'fail', target: 'crac:dc/crac-1-2', at: 600 }]), ctx);
    const inlets = result.violations.filter((v) => v.kind === 'inlet_above_recommended');
    expect(inlets.map((v) => v.entity).sort()).toEqual(ctx.physics.servers.map((s) => s.id).sort());
    expect(inlets.every((v) => v.onset > AT + 600_000 && v.baselineOnset === null)).toBe(true);
    expect(result.affected.entities).toEqual(expect.arrayContaining(['crac:dc/crac-1-1', 'crac:dc/crac-1-2', 'room:dc/room-1']));
    const load = result.series.find((s) => s.entity === 'crac:dc/crac-1-1' && s.signal === 'crac.load');
    expect(load?.predicted[1]).toBe(0);
    expect(result.kpis.predicted.peakInletCelsius).toBeGreaterThan(27);
    expect(result.kpis.predicted.coolingEnergyKwh).toBeLessThan(result.kpis.baseline.coolingEnergyKwh);
  });

  it('adds servers: the rack draws their idle power from when they are added', () => {
    const ctx = context();
    const rack = ctx.physics.racks[0].id;
    const result = runSimulation(scenario([{ type: 'add_hardware', rack, count: 2, at: 1200 }]), ctx);
    const power = result.series.find((s) => s.entity === rack && s.signal === 'rack.power');
    const idle = ctx.physics.servers[0].idleWatts;
    expect(power?.predicted[19]).toBeCloseTo(power?.baseline[19] as number, 9);
    expect((power?.predicted[20] as number) - (power?.baseline[20] as number)).toBeCloseTo(2 * idle, 6);
  });

  it('doubles the load: the services take twice the requests and their servers work harder', () => {
    const ctx = context();
    const result = runSimulation(scenario([{ type: 'scale_load', factor: 2 }]), ctx);
    const rate = result.series.find((s) => s.entity === 'service:api' && s.signal === 'service.requests_per_second');
    expect(rate?.predicted[1]).toBeCloseTo(200, 9);
    const cpu = result.series.find((s) => s.entity === ctx.physics.servers[1].id && s.signal === 'system.cpu.utilization');
    // api's instance: 100 → 200 requests/s at 0.02 core-s each on a 32-core server: +2 busy cores.
    expect((cpu?.predicted[1] as number) - (cpu?.baseline[1] as number)).toBeCloseTo(2 / ctx.physics.servers[1].cores, 6);
  });

  it('is deterministic for a seed, with ordered Monte Carlo bands and a breach radius', () => {
    const s = scenario([{ type: 'fail', target: 'crac:dc/crac-1-1' }, { type: 'breach', origin: 'service:web', probability: 1 }], { seed: 5, monte_carlo: { runs: 10 } });
    const a = runSimulation(s, context());
    expect(runSimulation(s, context())).toEqual(a);
    const banded = a.series.filter((x) => x.bands);
    expect(banded.length).toBeGreaterThan(0);
    for (const x of banded) x.predicted.forEach((_, k) => expect(x.bands!.p5[k] <= x.bands!.p50[k] && x.bands!.p50[k] <= x.bands!.p95[k]).toBe(true));
    expect(a.breach?.reached.map((r) => r.entity).sort()).toEqual(['instance:web/1', 'service:api', context().physics.servers[0].id].sort());
  });

  it('names a target the twin does not hold', () => {
    expect(() => runSimulation(scenario([{ type: 'fail', target: 'crac:dc/nope' }]), context())).toThrow(
      new ScenarioTargetError('changes[0].target: unknown host, rack, CRAC, PDU, instance or link "from->to" "crac:dc/nope"'),
    );
    expect(() => runSimulation(scenario([{ type: 'scale_load', target: 'service:nope', factor: 2 }]), context())).toThrow('changes[0].target: unknown service "service:nope"');
  });
});
