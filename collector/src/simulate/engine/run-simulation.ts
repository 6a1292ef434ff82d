/**
 * A what-if simulation on the calibrated twin: the scenario beside the baseline (no change) over
 * the horizon, the signals the scenario moves, every violation with its onset (and whether the
 * baseline has it too), KPIs of both, the affected subgraph, the blast radius of a breach, and
 * optionally Monte Carlo bands over parameter uncertainty. Deterministic for a seed.
 */
import { solveServices } from '../services';
import { spreadBreach } from './breach';
import { computeKpis } from './kpis';
import { perturb } from './perturb';
import { runOnce } from './run-once';
import { compileScenario } from './scenario-world';
import { createSeededRandom } from './seeded-random';
import { findViolations, violationRules } from './violations';
import type { DataCenterPhysics } from '../../physics';
import type { ServiceGraphPhysics } from '../services';
import type { Scenario } from '../scenario';
import type { BreachSpread } from './breach';
import type { Kpis } from './kpis';
import type { Trajectory } from './run-once';
import type { Violation } from './violations';

export interface SimulationContext {
  physics: DataCenterPhysics;
  services: ServiceGraphPhysics;
  /** The twin's relations: the breach spreads along them, the affected subgraph keeps them. */
  relations: readonly { from: string; to: string; type: string }[];
  siteId: string;
  /** The start of the horizon, epoch ms (the calibration's time). */
  start: number;
  gridCarbonGramsPerKwh: number;
}

export interface PredictedSeries {
  entity: string;
  signal: string;
  unit: string;
  baseline: number[];
  predicted: number[];
  /** Monte Carlo percentiles of the predicted series, when asked for. */
  bands?: { p5: number[]; p50: number[]; p95: number[] };
}

export interface PredictedViolation extends Violation {
  /** When the baseline crosses the same limit, or null: the violation is the scenario's own. */
  baselineOnset: number | null;
}

export interface SimulationResult {
  start: number;
  stepSeconds: number;
  timestamps: number[];
  series: PredictedSeries[];
  violations: PredictedViolation[];
  kpis: { baseline: Kpis; predicted: Kpis; bands?: Record<string, { p5: number; p50: number; p95: number }> };
  affected: { entities: string[]; relations: { from: string; to: string; type: string }[] };
  breach?: BreachSpread;
  unmodelled: string[];
}

/** Most series a Monte Carlo run keeps bands for (the most changed first); the rest get none. */
export const MAX_BAND_SERIES = 200;

export function runSimulation(scenario: Scenario, context: SimulationContext): SimulationResult {
  const steps = Math.round(scenario.horizon_seconds / scenario.step_seconds);
  const options = { start: context.start, stepSeconds: scenario.step_seconds, steps, siteId: context.siteId };
  const baseBusy = baseBusyCores(context.physics, context.services);
  const baselineWorld = compileScenario({ ...scenario, changes: [] }, context.physics, context.services, baseBusy);
  const world = compileScenario(scenario, context.physics, context.services, baseBusy);
  const baseline = runOnce(baselineWorld, options);
  const predicted = runOnce(world, options);

  const changed = changedSeries(baseline, predicted, new Set(world.targets));
  const rules = violationRules(scenario, world.physics);
  const baselineViolations = findViolations(baseline, rules);
  const violations = findViolations(predicted, rules).map((v) => ({
    ...v,
    baselineOnset: baselineViolations.find((b) => b.kind === v.kind && b.entity === v.entity)?.onset ?? null,
  }));
  const kpiOf = (t: Trajectory) => computeKpis(t, context.siteId, scenario.step_seconds, context.gridCarbonGramsPerKwh, scenario);
  const result: SimulationResult = {
    start: context.start,
    stepSeconds: scenario.step_seconds,
    timestamps: predicted.timestamps,
    series: changed.map((key) => ({
      ...(predicted.meta.get(key) as { entity: string; signal: string; unit: string }),
      baseline: [...(baseline.values.get(key) ?? [])],
      predicted: [...(predicted.values.get(key) as Float64Array)],
    })),
    violations,
    kpis: { baseline: kpiOf(baseline), predicted: kpiOf(predicted) },
    affected: { entities: [], relations: [] },
    unmodelled: world.unmodelled,
  };
  const breach = scenario.changes.find((c) => c.type === 'breach');
  if (breach) {
    const random = createSeededRandom(scenario.seed ?? 1);
    result.breach = spreadBreach(breach.origin, breach.probability, breach.max_hops ?? 10, context.relations, scenario.monte_carlo?.runs ?? 200, random);
  }
  if (scenario.monte_carlo) addBands(result, scenario, context, options, changed);
  result.affected = affectedSubgraph(result, world.targets, context.relations);
  return result;
}

/** What each server's observed load leaves once the calibrated instances' busy cores are taken off. */
function baseBusyCores(physics: DataCenterPhysics, services: ServiceGraphPhysics): Record<string, number> {
  const solved = solveServices(services, { loadFactor: {}, siteLoadFactor: 1, instanceUp: {}, instanceCount: {}, serviceTimeFactor: {}, extraLatencySeconds: {}, edgeCapacityPerSecond: {} });
  const hostOf = new Map(services.services.flatMap((s) => s.instances.map((i) => [i.id, i.hostId] as const)));
  const busy: Record<string, number> = Object.fromEntries(physics.servers.map((s) => [s.id, s.utilization * s.cores]));
  for (const [instance, cores] of Object.entries(solved.instanceBusyCores)) {
    const host = hostOf.get(instance);
    if (host !== undefined && busy[host] !== undefined) busy[host] = Math.max(0, busy[host] - cores);
  }
  return busy;
}

/** Series the scenario moves (beyond rounding), and every series of an entity a change names. */
function changedSeries(baseline: Trajectory, predicted: Trajectory, targets: Set<string>): string[] {
  const moved: { key: string; size: number }[] = [];
  for (const [key, values] of predicted.values) {
    const base = baseline.values.get(key);
    let size = base === undefined ? Infinity : 0;
    if (base !== undefined) {
      for (let k = 0; k < values.length; k++) {
        const d = Math.abs(values[k] - base[k]);
        const scale = 1e-6 * Math.max(1, Math.abs(base[k]));
        if (d > scale && d > size) size = d / Math.max(1e-9, Math.abs(base[k]) || 1);
        if (Number.isNaN(values[k]) !== Number.isNaN(base[k])) size = Infinity;
      }
    }
    if (size > 0 || targets.has((predicted.meta.get(key) as { entity: string }).entity)) moved.push({ key, size });
  }
  return moved.sort((a, b) => b.size - a.size || (a.key < b.key ? -1 : 1)).map((m) => m.key);
}

/** Reruns the scenario with perturbed parameters and adds p5/p50/p95 bands to the series and KPIs. */
function addBands(result: SimulationResult, scenario: Scenario, context: SimulationContext, options: Parameters<typeof runOnce>[1], changed: string[]): void {
  const runs = scenario.monte_carlo?.runs ?? 0;
  if (runs === 0) return;
  const spread = scenario.monte_carlo?.parameter_spread ?? 0.1;
  const random = createSeededRandom((scenario.seed ?? 1) ^ 0x9e3779b9);
  const keys = changed.slice(0, MAX_BAND_SERIES);
  const banded = new Set(keys);
  // What the KPIs read is recorded too: the site's totals and every service's errors.
  const keep = (key: string) => banded.has(key) || key.startsWith(`${context.siteId}|`) || key.endsWith('|service.error_ratio');
  const length = result.timestamps.length;
  const samples = keys.map(() => new Float64Array(runs * length).fill(NaN));
  const kpiSamples: Record<string, number[]> = {};
  for (let r = 0; r < runs; r++) {
    const { physics, services } = perturb(context.physics, context.services, spread, random);
    const run = runOnce(compileScenario(scenario, physics, services, baseBusyCores(physics, services)), options, keep);
    keys.forEach((key, i) => {
      const values = run.values.get(key);
      if (values) samples[i].set(values, r * length);
    });
    const kpis = computeKpis(run, context.siteId, scenario.step_seconds, context.gridCarbonGramsPerKwh, scenario);
    for (const name of ['itEnergyKwh', 'coolingEnergyKwh', 'pue', 'carbonKg', 'peakInletCelsius'] as const) (kpiSamples[name] ??= []).push(kpis[name]);
  }
  const byKey = new Map(result.series.map((s) => [`${s.entity}|${s.signal}`, s]));
  const column = new Float64Array(runs);
  keys.forEach((key, i) => {
    const series = byKey.get(key);
    if (!series) return;
    const bands = { p5: new Array<number>(length), p50: new Array<number>(length), p95: new Array<number>(length) };
    for (let k = 0; k < length; k++) {
      for (let r = 0; r < runs; r++) column[r] = samples[i][r * length + k];
      [bands.p5[k], bands.p50[k], bands.p95[k]] = percentiles(column, [0.05, 0.5, 0.95]);
    }
    series.bands = bands;
  });
  result.kpis.bands = Object.fromEntries(
    Object.entries(kpiSamples).map(([name, xs]) => {
      const [p5, p50, p95] = percentiles(Float64Array.from(xs), [0.05, 0.5, 0.95]);
      return [name, { p5, p50, p95 }];
    }),
  );
}

/** Linear-interpolated percentiles of the present values, from one sort (NaN when none); `values` is reordered. */
export function percentiles(values: Float64Array, qs: readonly number[]): number[] {
  const xs = values.filter((v) => !Number.isNaN(v)).sort();
  return qs.map((q) => {
    if (xs.length === 0) return NaN;
    const pos = q * (xs.length - 1);
    const lo = Math.floor(pos);
    const hi = Math.ceil(pos);
    return xs[lo] + (xs[hi] - xs[lo]) * (pos - lo);
  });
}

/** The entities the scenario names or moves (and the breach reaches), and the relations among them. */
function affectedSubgraph(result: SimulationResult, targets: readonly string[], relations: SimulationContext['relations']): SimulationResult['affected'] {
  const entities = new Set([...targets, ...result.series.map((s) => s.entity), ...(result.breach?.reached.map((r) => r.entity) ?? [])]);
  if (result.breach) entities.add(result.breach.origin);
  return {
    entities: [...entities].sort(),
    relations: relations.filter((r) => entities.has(r.from) && entities.has(r.to)).map(({ from, to, type }) => ({ from, to, type })),
  };
}
