import type { LatencySample } from '../shop';

/** A duration to record `count` times. */
export interface WeightedSample {
  durationSeconds: number;
  error: boolean;
  count: number;
}

/**
 * Spreads a step's request counts over its sampled latencies so that a histogram built from them
 * counts every request: the successful requests over the successful samples, the failed ones over
 * the failed samples, each as evenly as whole numbers allow. Without a failed sample a failure
 * takes `errorDurationSeconds` (the callers' timeout); without a successful sample the successes
 * take the failed samples' durations. Without any sample nothing is recorded (no duration known).
 */
export function weightedSamples(requests: number, errors: number, samples: readonly LatencySample[], errorDurationSeconds: number): WeightedSample[] {
  const total = Math.max(0, Math.round(requests));
  const failed = Math.min(total, Math.max(0, Math.round(errors)));
  if (total === 0 || samples.length === 0) return [];
  const ok = samples.filter((s) => !s.error).map((s) => s.durationSeconds);
  const bad = samples.filter((s) => s.error).map((s) => s.durationSeconds);
  return [
    ...spread(total - failed, ok.length > 0 ? ok : bad, false),
    ...spread(failed, bad.length > 0 ? bad : [errorDurationSeconds], true),
  ];
}

function spread(count: number, durations: readonly number[], error: boolean): WeightedSample[] {
  if (count === 0) return [];
  const base = Math.floor(count / durations.length);
  const extra = count % durations.length;
  const out: WeightedSample[] = [];
  durations.forEach((durationSeconds, i) => {
    const n = base + (i < extra ? 1 : 0);
    if (n > 0) out.push({ durationSeconds, error, count: n });
  });
  return out;
}
