/**
 * The what-if engine's cost on a large twin: 1,000 servers in 50 racks over 2 rooms with 4 CRACs,
 * and 200 services (400 instances) in call chains, over a 1-hour horizon at 10 s steps (360
 * steps, the scenario and its baseline), then 100 Monte Carlo runs. Targets: under 1 s for one
 * simulation, under 10 s for the Monte Carlo runs; reported as time ÷ target.
 */
import { runSimulation } from '../src/simulate';
import { syntheticDataCenterPhysics } from '../src/physics';
import type { Scenario, SimulationContext } from '../src/simulate';

export interface SimulationBenchResult {
  servers: number;
  services: number;
  steps: number;
  /** Milliseconds for one simulation (scenario + baseline), best of the rounds. */
  simulationMs: number;
  /** Milliseconds for 100 Monte Carlo runs (with the scenario and baseline). */
  monteCarloMs: number;
  monteCarloRuns: number;
}

/** 1,000 servers (2 rooms × 5 rows × 5 racks × 20) and 200 services of two instances, in chains of ten. */
export function benchContext(): SimulationContext {
  const at = Date.UTC(2025, 0, 1);
  const physics = syntheticDataCenterPhysics({ at, rooms: 2, rowsPerRoom: 5, racksPerRow: 5, serversPerRack: 20, utilization: 0.3 });
  const fit = { samples: 360, r2: 0.95, rmse: 1, source: 'fitted' as const };
  const services = Array.from({ length: 200 }, (_, s) => ({
    id: `service:b/s${s}`,
    instances: [0, 1].map((n) => ({ id: `instance:b/s${s}/${n}`, hostId: physics.servers[(s * 2 + n) * 2].id, cores: 4, up: true })),
    requestsPerSecond: s % 10 === 0 ? 200 : 100,
    ownServiceSeconds: 0.005,
    serviceFit: fit,
    // Each service calls the next of its chain once per request.
    calls: s % 10 === 9 ? [] : [{ to: `service:b/s${s + 1}`, perRequest: 1 }],
    latencyMeanSeconds: 0.005 * (10 - (s % 10)),
    latencyP95Seconds: 0.012 * (10 - (s % 10)),
    errorRatio: 0,
    entry: s % 10 === 0,
  }));
  return {
    physics,
    services: { at, services, hostBusyCores: {} },
    relations: services.flatMap((s) => s.calls.map((c) => ({ from: s.id, to: c.to, type: 'calls' }))),
    siteId: 'site:dc',
    start: at,
    gridCarbonGramsPerKwh: 400,
  };
}

export const BENCH_SCENARIO: Scenario = {
  horizon_seconds: 3600,
  step_seconds: 10,
  seed: 7,
  changes: [
    { type: 'scale_load', factor: 1.5 },
    { type: 'fail', target: 'crac:dc/crac-1-1', at: 600 },
    { type: 'move_workload', from: 'rack:dc/r1-1-1', to: 'rack:dc/r1-1-2', fraction: 0.5, at: 1200 },
    { type: 'add_hardware', rack: 'rack:dc/r2-3-3', count: 8, at: 1800 },
  ],
};

export function runSimulationBench(options: { rounds?: number; monteCarloRuns?: number } = {}): SimulationBenchResult {
  const context = benchContext();
  const rounds = options.rounds ?? 3;
  const runs = options.monteCarloRuns ?? 100;
  let best = Infinity;
  for (let r = 0; r < rounds; r++) {
    const started = performance.now();
    runSimulation(BENCH_SCENARIO, context);
    best = Math.min(best, performance.now() - started);
  }
  const started = performance.now();
  runSimulation({ ...BENCH_SCENARIO, monte_carlo: { runs, parameter_spread: 0.1 } }, context);
  const monteCarloMs = performance.now() - started;
  return { servers: 1000, services: 200, steps: 360, simulationMs: best, monteCarloMs, monteCarloRuns: runs };
}
