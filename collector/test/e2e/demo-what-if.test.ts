/**
 * What-if against the demo's truth: after the twin has calibrated on the running demo, each
 * scenario is simulated in the twin (POST /api/v1/simulations), the same change is applied to
 * the demo, and the twin's predictions are compared with what the demo then does over the
 * horizon. The demo runs 60 simulated seconds per real second, so the 20 s horizon is 20
 * simulated minutes and a 5 s tolerance on violation onsets is 5 simulated minutes.
 * Targets (issue 8): inlet MAE ≤ 1 °C, power MAPE ≤ 5 %, services' p95 latency within 15 %, and
 * every violation the demo shows predicted within 5 simulated minutes (the double CRAC failure
 * makes the demo show some).
 */
import { writeFileSync } from 'node:fs';
import { renderInventoryYaml } from '@twinops/demo';
import type { RunningDemo } from '@twinops/demo';
import { ONE_SECOND_TWIN, useDemoTwin } from '../support/demo-twin';
import { sleep } from '../support/root-cause-probe';
import type { TestCollector } from '../support/test-collector';

const { twin, demo, inventoryFile } = useDemoTwin({
  seed: 41,
  config: {
    twin: { ...ONE_SECOND_TWIN.twin, history: { resolution_seconds: 1, retention_seconds: 900 } },
    simulate: { calibration_interval_seconds: 5, calibration_window_seconds: 300 },
  },
});

const HORIZON_SECONDS = 20;
const ONSET_TOLERANCE_MS = 5_000;

interface Series {
  entity: string;
  signal: string;
  predicted: number[];
}
interface Job {
  status: string;
  result: { start: number; stepSeconds: number; series: Series[]; violations: { kind: string; entity: string; onset: number }[] };
}
interface Physics {
  dataCenter: { servers: { id: string; inletCelsius: number; powerWatts: number }[]; racks: { id: string }[] };
  services: { services: { id: string; latencyP95Seconds: number }[] };
}
interface Sample {
  t: number;
  inlet: Map<string, number>;
  power: Map<string, number>;
  rackPower: Map<string, number>;
  p95: Map<string, number>;
}
export interface Accuracy {
  inletMaeCelsius: number;
  powerMape: number;
  p95Error: number;
  missedViolations: string[];
  demoViolations: number;
}

/** The scenario's prediction for a signal at time t (linear between steps), or `fallback` when the scenario leaves it unchanged. */
function predictor(job: Job, fallback: Map<string, number>) {
  const byKey = new Map(job.result.series.map((s) => [`${s.entity}|${s.signal}`, s.predicted]));
  return (entity: string, signal: string, t: number): number | undefined => {
    const series = byKey.get(`${entity}|${signal}`);
    if (!series) return fallback.get(`${entity}|${signal}`);
    const x = Math.min(series.length - 1, Math.max(0, (t - job.result.start) / (job.result.stepSeconds * 1000)));
    const k = Math.floor(x);
    return k + 1 < series.length ? series[k] + (series[k + 1] - series[k]) * (x - k) : series[k];
  };
}

function sampleTruth(d: RunningDemo): Sample {
  const truth = d.simulation.truth() as unknown as {
    world: { hosts: { name: string; sensedInletCelsius: number; powerWatts: number }[]; racks: { id: string; powerWatts: number }[] };
    services: { name: string; latencyP95Seconds: number | null }[];
  };
  return {
    t: Date.now(),
    inlet: new Map(truth.world.hosts.map((h) => [`host:${h.name}`, h.sensedInletCelsius])),
    power: new Map(truth.world.hosts.map((h) => [`host:${h.name}`, h.powerWatts])),
    rackPower: new Map(truth.world.racks.map((r) => [`rack:dc1/${r.id}`, r.powerWatts])),
    p95: new Map(truth.services.filter((s) => s.latencyP95Seconds !== null).map((s) => [`service:shop/${s.name}`, s.latencyP95Seconds as number])),
  };
}

/** Simulates `changes` in the twin, applies `apply` to the demo, samples the demo each second over the horizon and scores the prediction. */
async function compare(t: TestCollector, d: RunningDemo, changes: object[], apply: () => Promise<void>): Promise<Accuracy & { job: Job }> {
  const physics = (await t.getJson<Physics>('/api/v1/physics')).body;
  const { status, body: job } = await t.sendJson<Job>('/api/v1/simulations', { horizon_seconds: HORIZON_SECONDS, step_seconds: 1, changes });
  expect({ status, state: job.status }).toEqual({ status: 200, state: 'done' });
  await apply();
  const samples: Sample[] = [];
  while (Date.now() < job.result.start + HORIZON_SECONDS * 1000) {
    await sleep(1000);
    samples.push(sampleTruth(d));
  }
  const observed = new Map<string, number>([
    ...physics.dataCenter.servers.flatMap((s) => [[`${s.id}|inlet.temperature`, s.inletCelsius] as const, [`${s.id}|hw.host.power`, s.powerWatts] as const]),
    ...physics.services.services.map((s) => [`${s.id}|service.latency_p95_seconds`, s.latencyP95Seconds] as const),
  ]);
  const predict = predictor(job, observed);
  const inletErrors: number[] = [];
  const powerErrors: number[] = [];
  const demoOnsets = new Map<string, number>();
  for (const sample of samples) {
    for (const [host, inlet] of sample.inlet) {
      const p = predict(host, 'inlet.temperature', sample.t);
      if (p !== undefined) inletErrors.push(Math.abs(p - inlet));
      if (inlet > 27 && !demoOnsets.has(host)) demoOnsets.set(host, sample.t);
      const power = predict(host, 'hw.host.power', sample.t);
      const truePower = sample.power.get(host) as number;
      if (power !== undefined && truePower > 0) powerErrors.push(Math.abs(power - truePower) / truePower);
    }
    for (const [rack, watts] of sample.rackPower) {
      const p = predict(rack, 'rack.power', sample.t);
      if (p !== undefined && watts > 0) powerErrors.push(Math.abs(p - watts) / watts);
    }
  }
  // Each service is judged on its mean p95 over the horizon: one step's p95 is noisy.
  const p95Errors: number[] = [];
  for (const service of samples[0]?.p95.keys() ?? []) {
    const truth = mean(samples.map((s) => s.p95.get(service)).filter((v): v is number => v !== undefined));
    const predicted = mean(samples.map((s) => predict(service, 'service.latency_p95_seconds', s.t)).filter((v): v is number => v !== undefined));
    if (Number.isFinite(truth) && Number.isFinite(predicted)) p95Errors.push(Math.abs(predicted - truth) / truth);
  }
  const predictedOnsets = new Map(job.result.violations.filter((v) => v.kind === 'inlet_above_recommended').map((v) => [v.entity, v.onset]));
  const missedViolations = [...demoOnsets]
    .filter(([host, onset]) => !(predictedOnsets.has(host) && Math.abs((predictedOnsets.get(host) as number) - onset) <= ONSET_TOLERANCE_MS))
    .map(([host]) => host);
  return { job, inletMaeCelsius: mean(inletErrors), powerMape: mean(powerErrors), p95Error: mean(p95Errors), missedViolations, demoViolations: demoOnsets.size };
}

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
const figures = (a: Accuracy) => ({
  inletMaeCelsius: Number(a.inletMaeCelsius.toFixed(3)),
  powerMape: Number(a.powerMape.toFixed(4)),
  p95Error: Number(a.p95Error.toFixed(4)),
  demoViolations: a.demoViolations,
  missedViolations: a.missedViolations,
});
const withinTargets = (a: Accuracy) => a.inletMaeCelsius <= 1 && a.powerMape <= 0.05 && a.p95Error <= 0.15 && a.missedViolations.length === 0;

beforeAll(async () => {
  // Calibration, as at commissioning: normal operation, then a bump test — every CRAC's setpoint
  // 2 °C up for 20 simulated minutes and back — so that the inlets' lag and the recirculation have
  // a step to be fitted on (steady telemetry cannot tell a time constant).
  await sleep(45_000);
  const d = demo();
  const cracs = ['crac-a1', 'crac-a2', 'crac-b1', 'crac-b2'].map((crac) => ({ crac, celsius: setpointOf(d, crac) }));
  for (const { crac, celsius } of cracs) d.simulation.actuate({ action: 'crac_setpoint', crac, celsius: celsius + 2 });
  await sleep(20_000);
  for (const { crac, celsius } of cracs) d.simulation.actuate({ action: 'crac_setpoint', crac, celsius });
  await sleep(30_000);
}, 120_000);

let settleMs = 15_000;
afterEach(async () => {
  // The demo settles between scenarios (15 simulated minutes unless the scenario says more).
  await sleep(settleMs);
}, 60_000);

const cases: { name: string; settleMs?: number; violationsOnly?: boolean; changes: (d: RunningDemo) => object[]; apply: (d: RunningDemo) => (() => void) | Promise<() => void> }[] = [
  {
    name: 'raise a CRAC setpoint by 3 °C',
    changes: (d) => [{ type: 'set', target: 'crac:dc1/crac-b1', property: 'setpoint_celsius', value: setpointOf(d, 'crac-b1') + 3 }],
    apply: (d) => {
      const before = setpointOf(d, 'crac-b1');
      d.simulation.actuate({ action: 'crac_setpoint', crac: 'crac-b1', celsius: before + 3 });
      return () => d.simulation.actuate({ action: 'crac_setpoint', crac: 'crac-b1', celsius: before });
    },
  },
  {
    name: "scale the shop's load ×2",
    changes: () => [{ type: 'scale_load', factor: 2 }],
    apply: (d) => {
      d.simulation.actuate({ action: 'load_factor', factor: 2 });
      return () => d.simulation.actuate({ action: 'load_factor', factor: 1 });
    },
  },
  {
    name: 'fail a CRAC',
    changes: () => [{ type: 'fail', target: 'crac:dc1/crac-a1' }],
    apply: (d) => {
      const record = d.simulation.inject('crac_failure', 'crac-a1');
      return () => d.simulation.clear(record.id);
    },
  },
  {
    name: 'fail both CRACs of a room (inlets pass 27 °C)',
    // The room takes long to cool back down.
    settleMs: 45_000,
    // Beyond the five: it makes the demo show violations, whose onsets the twin must
    // predict; its inlets rise by 40 K, so it is not held to the 1 °C mean error.
    violationsOnly: true,
    changes: () => [{ type: 'fail', target: 'crac:dc1/crac-a1' }, { type: 'fail', target: 'crac:dc1/crac-a2' }],
    apply: (d) => {
      const records = ['crac-a1', 'crac-a2'].map((crac) => d.simulation.inject('crac_failure', crac));
      return () => records.forEach((record) => d.simulation.clear(record.id));
    },
  },
  {
    name: "move half a rack's load to another rack",
    changes: () => [{ type: 'move_workload', from: 'rack:dc1/r01', to: 'rack:dc1/r02', fraction: 0.5 }],
    apply: (d) => {
      d.simulation.actuate({ action: 'move_load', fromRack: 'r01', toRack: 'r02', fraction: 0.5 });
      return () => undefined;
    },
  },
  {
    name: 'add 8 servers to a rack',
    // The last case: nothing runs after it, so nothing waits for the demo to settle.
    settleMs: 0,
    changes: () => [{ type: 'add_hardware', rack: 'rack:dc1/r03', count: 8 }],
    apply: async (d) => {
      d.simulation.actuate({ action: 'add_servers', rack: 'r03', count: 8 });
      // As a DCIM export would: the new servers' rack reaches the twin through its inventory.
      writeFileSync(inventoryFile, renderInventoryYaml(d.simulation.layout, { speed: d.simulation.config.speed }));
      expect(await twin().collector.reloadInventory()).toEqual([]);
      return () => undefined;
    },
  },
];

function setpointOf(d: RunningDemo, crac: string): number {
  const truth = d.simulation.truth() as unknown as { world: { cracs: { id: string; setpointCelsius: number }[] } };
  return truth.world.cracs.find((c) => c.id === crac)?.setpointCelsius as number;
}

it.each(cases)('$name: the twin predicts what the demo does', async ({ changes, apply, settleMs: settle, violationsOnly }) => {
  settleMs = settle ?? 15_000;
  const d = demo();
  let revert: () => void = () => undefined;
  const accuracy = await compare(twin(), d, changes(d), async () => {
    revert = await apply(d);
  });
  revert();
  console.log(JSON.stringify(figures(accuracy)));
  if (violationsOnly) expect({ shown: accuracy.demoViolations > 0, ...figures(accuracy) }).toEqual({ shown: true, ...figures(accuracy), missedViolations: [] });
  else expect({ within: withinTargets(accuracy), ...figures(accuracy) }).toEqual({ within: true, ...figures(accuracy) });
}, 90_000);
