import type { SimulationResult } from '@twinops/datasource/src/api';

export interface Prediction {
  /** NaN when the baseline has no value there (e.g. a server the scenario adds). */
  baseline: number;
  predicted: number;
  unit: string;
}

export interface EntityViolation {
  kind: string;
  /** Epoch ms when the scenario first crosses the limit. */
  onset: number;
  /** When the baseline crosses it too, or null: the violation is the scenario's own. */
  baselineOnset: number | null;
  signal: string;
  limit: number;
  peak: number;
}

/** Where t falls among the steps: the step before it and the share of the way to the next. */
function locate(timestamps: number[], t: number): { i: number; f: number } {
  const last = timestamps.length - 1;
  if (!(t > timestamps[0])) {
    return { i: 0, f: 0 };
  }
  if (t >= timestamps[last]) {
    return { i: last, f: 0 };
  }
  let lo = 0;
  let hi = last;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (timestamps[mid] <= t) {
      lo = mid;
    } else {
      hi = mid;
    }
  }
  return { i: lo, f: (t - timestamps[lo]) / (timestamps[lo + 1] - timestamps[lo]) };
}

/** Linear between two steps; a missing end leaves the other end's value, both missing NaN. */
function valueAt(values: Array<number | null>, i: number, f: number): number {
  const a = values[i] ?? null;
  const b = f > 0 ? (values[i + 1] ?? null) : a;
  if (a === null && b === null) {
    return NaN;
  }
  if (a === null || b === null) {
    return (a ?? b) as number;
  }
  return a + (b - a) * f;
}

/**
 * Each changed series' values at epoch ms `t` (linear between steps, clamped to the horizon):
 * entity → signal → baseline and predicted. Series without a predicted value there are left out.
 */
export function predictionAt(result: SimulationResult, t: number): Map<string, Map<string, Prediction>> {
  const out = new Map<string, Map<string, Prediction>>();
  if (result.timestamps.length === 0) {
    return out;
  }
  const { i, f } = locate(result.timestamps, t);
  for (const s of result.series) {
    const predicted = valueAt(s.predicted, i, f);
    if (Number.isNaN(predicted)) {
      continue;
    }
    let signals = out.get(s.entity);
    if (!signals) {
      signals = new Map();
      out.set(s.entity, signals);
    }
    signals.set(s.signal, { baseline: valueAt(s.baseline, i, f), predicted, unit: s.unit });
  }
  return out;
}

/** The violations of each entity, earliest onset first (then by kind). */
export function violationsByEntity(result: SimulationResult): Map<string, EntityViolation[]> {
  const out = new Map<string, EntityViolation[]>();
  for (const v of result.violations) {
    const list = out.get(v.entity) ?? [];
    list.push({
      kind: v.kind,
      onset: v.onset,
      baselineOnset: v.baselineOnset,
      signal: v.signal,
      limit: v.limit,
      peak: v.peak,
    });
    out.set(v.entity, list);
  }
  for (const list of out.values()) {
    list.sort((a, b) => a.onset - b.onset || (a.kind < b.kind ? -1 : a.kind > b.kind ? 1 : 0));
  }
  return out;
}
