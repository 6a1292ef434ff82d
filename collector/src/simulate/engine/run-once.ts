/**
 * One run of a compiled scenario over the horizon: each step, the service model turns the load
 * into busy cores per instance, the servers' utilization follows (anchored on what was observed:
 * with no change, exactly the observed load), and the data-center physics advances. Every signal
 * the simulation predicts is recorded per step.
 */
import { createDataCenterRun } from '../../physics';
import { solveServices } from '../services';
import type { DataCenterPhysics, DataCenterRun } from '../../physics';
import type { ScenarioWorld, StepInputs } from './scenario-world';

export interface SeriesMeta {
  entity: string;
  signal: string;
  unit: string;
}

/** Predicted values per step (index 0 = the start) for every recorded signal, keyed `entity|signal`. */
export interface Trajectory {
  timestamps: number[];
  /** The warmest inlet over the run (kept even when the inlet series are not). */
  peakInletCelsius: number;
  meta: Map<string, SeriesMeta>;
  values: Map<string, Float64Array>;
}

export interface RunOptions {
  start: number;
  stepSeconds: number;
  steps: number;
  /** The site entity the totals (IT power, cooling power, PUE) are recorded on. */
  siteId: string;
}

/** `keep`, when given, names the series worth recording (`entity|signal`); the others are computed and dropped. */
export function runOnce(world: ScenarioWorld, options: RunOptions, keep?: (key: string) => boolean): Trajectory {
  const { start, stepSeconds, steps } = options;
  const run = createDataCenterRun(world.physics);
  const recorder = createRecorder(steps + 1, keep);
  const record = dataCenterRecorder(recorder, run, world.physics, options.siteId);
  const serviceSeries = world.services.services.map((s) => ({
    id: s.id,
    rate: recorder.series(s.id, 'service.requests_per_second', '{request}/s'),
    p95: recorder.series(s.id, 'service.latency_p95_seconds', 's'),
    errors: recorder.series(s.id, 'service.error_ratio', '1'),
    utilization: recorder.series(s.id, 'service.utilization', '1'),
  }));
  const prepare = preparer(world, run);
  for (let k = 0; k <= steps; k++) {
    const t = start + k * stepSeconds * 1000;
    const prepared = prepare(world.inputsAt(k * stepSeconds, t));
    run.utilization.set(prepared.utilization);
    run.up.set(prepared.up);
    run.setpointCelsius.set(prepared.setpoint);
    run.fanSpeedRatio.set(prepared.fan);
    run.failed.set(prepared.failed);
    if (k > 0) run.step(stepSeconds);
    record(k);
    for (let i = 0; i < run.inletCelsius.length; i++) if (run.inletCelsius[i] > recorder.peakInletCelsius) recorder.peakInletCelsius = run.inletCelsius[i];
    for (const s of serviceSeries) {
      const solved = prepared.services[s.id];
      if (solved === undefined) continue;
      s.rate[k] = solved.requestsPerSecond;
      s.p95[k] = solved.latencyP95Seconds;
      s.errors[k] = solved.errorRatio;
      s.utilization[k] = solved.utilization;
    }
    recorder.timestamps.push(t);
  }
  return recorder;
}

interface Prepared {
  utilization: Float64Array;
  up: Uint8Array;
  setpoint: Float64Array;
  fan: Float64Array;
  failed: Uint8Array;
  services: ReturnType<typeof solveServices>['services'];
}

/**
 * Turns the inputs in force into the run's arrays: the service model's busy cores per instance
 * onto the servers they run on (with no change, exactly the observed load), and the CRAC
 * controls. Inputs change only when a change comes into force, so each is prepared once.
 */
function preparer(world: ScenarioWorld, run: DataCenterRun): (inputs: StepInputs) => Prepared {
  const serverIndex = new Map(run.serverIds.map((id, i) => [id, i]));
  const coresOf = new Map(world.physics.servers.map((s) => [s.id, s.cores]));
  const cores = Float64Array.from(run.serverIds, (id) => coresOf.get(id) ?? 1);
  const cache = new WeakMap<StepInputs, Prepared>();
  return (inputs) => {
    const known = cache.get(inputs);
    if (known) return known;
    const solved = solveServices(world.services, inputs.services);
    const busy = Float64Array.from(run.serverIds, (id) => inputs.baseBusyCores[id] ?? 0);
    for (const [instance, busyCores] of Object.entries(solved.instanceBusyCores)) {
      const i = serverIndex.get(inputs.instanceHost[instance]);
      if (i !== undefined) busy[i] += busyCores;
    }
    const up = Uint8Array.from(run.serverIds, (id) => (inputs.up[id] ? 1 : 0));
    const prepared: Prepared = {
      utilization: busy.map((b, i) => (up[i] === 1 ? Math.min(1, Math.max(0, b / cores[i])) : 0)),
      up,
      setpoint: Float64Array.from(run.cracIds, (id) => inputs.cracs[id].setpointCelsius),
      fan: Float64Array.from(run.cracIds, (id) => inputs.cracs[id].fanSpeedRatio),
      failed: Uint8Array.from(run.cracIds, (id) => (inputs.cracs[id].failed ? 1 : 0)),
      services: solved.services,
    };
    cache.set(inputs, prepared);
    return prepared;
  };
}

/** Writes one step of the run into its series; the series are looked up once. */
function dataCenterRecorder(recorder: Recorder, run: DataCenterRun, physics: DataCenterPhysics, siteId: string): (k: number) => void {
  const servers = run.serverIds.map((id) => ({
    power: recorder.series(id, 'hw.host.power', 'W'),
    cpu: recorder.series(id, 'system.cpu.utilization', '1'),
    inlet: recorder.series(id, 'inlet.temperature', 'Cel'),
  }));
  const racks = run.rackIds.map((id) => recorder.series(id, 'rack.power', 'W'));
  const cracs = run.cracIds.map((id) => ({
    power: recorder.series(id, 'hw.host.power', 'W'),
    supply: recorder.series(id, 'crac.supply.temperature', 'Cel'),
    load: recorder.series(id, 'crac.load', 'W'),
  }));
  const rooms = run.roomIds.map((id) => ({ ret: recorder.series(id, 'room.return.temperature', 'Cel'), supply: recorder.series(id, 'room.supply.temperature', 'Cel') }));
  const rackIndex = new Map(run.rackIds.map((id, j) => [id, j]));
  const pdus = physics.pdus.map((p) => ({ racks: p.rackIds.map((r) => rackIndex.get(r)).filter((j): j is number => j !== undefined), power: recorder.series(p.id, 'pdu.power', 'W') }));
  const it = recorder.series(siteId, 'it.power', 'W');
  const cooling = recorder.series(siteId, 'cooling.power', 'W');
  const pueSeries = recorder.series(siteId, 'pue', '1');
  return (k) => {
    servers.forEach((s, i) => {
      s.power[k] = run.serverPowerWatts[i];
      s.cpu[k] = run.up[i] === 1 ? run.utilization[i] : 0;
      s.inlet[k] = run.inletCelsius[i];
    });
    racks.forEach((series, j) => (series[k] = run.rackPowerWatts[j]));
    cracs.forEach((c, i) => {
      c.power[k] = run.cracPowerWatts[i];
      c.supply[k] = run.cracSupplyCelsius[i];
      c.load[k] = run.cracLoadWatts[i];
    });
    rooms.forEach((r, i) => {
      r.ret[k] = run.returnCelsius[i];
      r.supply[k] = run.supplyCelsius[i];
    });
    for (const p of pdus) p.power[k] = p.racks.reduce((sum, j) => sum + run.rackPowerWatts[j], 0);
    it[k] = run.itPowerWatts;
    cooling[k] = run.coolingPowerWatts;
    pueSeries[k] = run.itPowerWatts > 0 ? (run.itPowerWatts + run.coolingPowerWatts) / run.itPowerWatts : NaN;
  };
}

interface Recorder extends Trajectory {
  /** The series of a signal, created (NaN-filled) on first use. */
  series(entity: string, signal: string, unit: string): Float64Array;
}

function createRecorder(length: number, keep?: (key: string) => boolean): Recorder {
  const meta = new Map<string, SeriesMeta>();
  const values = new Map<string, Float64Array>();
  const dropped = new Float64Array(length);
  return {
    timestamps: [],
    peakInletCelsius: -Infinity,
    meta,
    values,
    series(entity, signal, unit) {
      const key = `${entity}|${signal}`;
      if (keep && !keep(key)) return dropped;
      let series = values.get(key);
      if (series === undefined) {
        series = new Float64Array(length).fill(NaN);
        values.set(key, series);
        meta.set(key, { entity, signal, unit });
      }
      return series;
    },
  };
}
