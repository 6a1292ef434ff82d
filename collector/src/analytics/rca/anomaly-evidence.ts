/** Robust anomaly scores of one signal around a symptom time, and when its anomaly began. */
import { present, robustLevel } from './robust-stats';
import type { MetricSeries } from './types';

/**
 * Signed robust z of every sample (NaN where missing). With enough reference samples the
 * reference sets level and scale; an offset the signal already carried in every sample before
 * `at` is then taken off wherever that shrinks a sample's |z|, so a signal
 * that sat slightly off its reference all along (another day's traffic) does not look like it
 * moved at the incident. Without a usable reference the samples before `at` are the reference;
 * with fewer than `minReferenceSamples` present there either, every score is NaN (no evidence).
 */
export function scoreSeries(series: MetricSeries, reference: MetricSeries | undefined, at: number, minReferenceSamples: number): number[] {
  const before = series.values.filter((_, i) => series.timestamps[i] < at);
  const fromReference = reference !== undefined && present(reference.values).length >= minReferenceSamples;
  const baseline = fromReference ? reference.values : before;
  if (present(baseline).length < minReferenceSamples) return series.values.map(() => NaN);
  const { level, scale } = robustLevel(baseline);
  const z = series.values.map((v) => (v - level) / scale);
  if (!fromReference) return z;
  const offset = persistentOffset(z.filter((_, i) => series.timestamps[i] < at && !Number.isNaN(z[i])));
  return offset === 0 ? z : z.map((zi) => (Math.abs(zi - offset) < Math.abs(zi) ? zi - offset : zi));
}

/**
 * The shift every pre-symptom sample shares: the one nearest zero when all lie on the same side,
 * else 0. A signal that only began to move before the symptom (0.4 then 15) keeps its rise.
 */
function persistentOffset(before: readonly number[]): number {
  if (before.length === 0 || !(before.every((z) => z > 0) || before.every((z) => z < 0))) return 0;
  return before.reduce((a, b) => (Math.abs(b) < Math.abs(a) ? b : a));
}

/** Index of the first sample at or after `at` (the last sample when all are earlier; -1 when empty). */
export function firstIndexAtOrAfter(timestamps: readonly number[], at: number): number {
  const i = timestamps.findIndex((t) => t >= at);
  return i >= 0 ? i : timestamps.length - 1;
}

/**
 * The sample to analyse for a symptom: the first at or after `at` where the symptom's own score
 * crosses the threshold (the alert time may precede the visible change by a sample), else the
 * first at or after `at`.
 */
export function analysisIndex(timestamps: readonly number[], symptomScores: readonly number[], at: number, threshold: number): number {
  const first = firstIndexAtOrAfter(timestamps, at);
  for (let i = Math.max(first, 0); i < symptomScores.length; i++) if (Math.abs(symptomScores[i]) >= threshold) return i;
  return first;
}

/**
 * When the anomalous run holding sample `index` began: `onset` is its first sample's timestamp,
 * `after` the last calm sample's before it (-Infinity when the run opens the series), so the
 * change itself happened in (after, onset]. Both NaN when that sample is not anomalous.
 */
export function onsetOf(timestamps: readonly number[], scores: readonly number[], index: number, threshold: number): { onset: number; after: number } {
  if (!(Math.abs(scores[index]) >= threshold)) return { onset: NaN, after: NaN };
  let start = index;
  while (start > 0 && Math.abs(scores[start - 1]) >= threshold) start--;
  return { onset: timestamps[start], after: start > 0 ? timestamps[start - 1] : -Infinity };
}

/**
 * The |z| a signal holds from sample `index` through the next present one (just `index`'s when
 * it is the last): a cause lasts into its effect, a one-sample spike of a sparse tail quantile
 * does not. 0 when `index` is missing.
 */
export function heldStrength(scores: readonly number[], index: number): number {
  if (index < 0 || Number.isNaN(scores[index])) return 0;
  let next = index + 1;
  while (next < scores.length && Number.isNaN(scores[next])) next++;
  return next < scores.length ? Math.min(Math.abs(scores[index]), Math.abs(scores[next])) : Math.abs(scores[index]);
}

/**
 * Where a series most likely changed level: the split with the largest CUSUM statistic
 * |mean after − mean before|·√(k(n−k)/n), at least `minBefore` present samples before it and
 * one after. Returns the index (into `values`) of the first sample after the split, or -1 when
 * there are too few samples. NaN values are skipped.
 */
export function changePoint(values: readonly number[], minBefore: number): number {
  const at = values.flatMap((v, i) => (Number.isNaN(v) ? [] : [i]));
  const n = at.length;
  if (n < minBefore + 1) return -1;
  const total = at.reduce((s, i) => s + values[i], 0);
  let before = 0;
  let best = -1;
  let bestStat = -1;
  for (let k = 1; k < n; k++) {
    before += values[at[k - 1]];
    if (k < minBefore) continue;
    const stat = Math.abs((total - before) / (n - k) - before / k) * Math.sqrt((k * (n - k)) / n);
    if (stat > bestStat) {
      bestStat = stat;
      best = at[k];
    }
  }
  return best;
}

/**
 * When a symptom seen at `at` began, judged without a reference: its largest change of level
 * before `at` splits the samples into a calm reference and the incident, and the onset is the
 * start of the anomalous run around that change. `at` itself when the samples are too few or
 * nothing there stands out from the calm part.
 */
export function symptomOnset(series: MetricSeries, at: number, minReferenceSamples: number, threshold: number): number {
  const upTo = indexAtTime(series.timestamps, at);
  const split = changePoint(series.values.slice(0, upTo + 1), minReferenceSamples);
  if (split < 0) return at;
  const scores = scoreSeries(series, undefined, series.timestamps[split], minReferenceSamples);
  for (let i = split; i <= upTo; i++) if (Math.abs(scores[i]) >= threshold) return onsetOf(series.timestamps, scores, i, threshold).onset;
  return at;
}

/** The sample of `series` at timestamp `t`, or the index of the nearest earlier one (-1 if none). */
export function indexAtTime(timestamps: readonly number[], t: number): number {
  let found = -1;
  for (let i = 0; i < timestamps.length && timestamps[i] <= t; i++) found = i;
  return found;
}
