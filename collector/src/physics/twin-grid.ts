import type { TwinReader } from '../model';

/**
 * Signals of the twin on one common time grid (bucket starts, `stepMs` apart), so that series of
 * different entities line up sample by sample. Missing buckets are NaN; `held` fills them with
 * the last value seen (the first value before it), as an input held between readings.
 */
export interface TwinGrid {
  startMs: number;
  stepMs: number;
  /** Bucket starts in seconds since the grid start (what the fits integrate over). */
  seconds: number[];
  series(entity: string | undefined, name: string): Float64Array;
}

/** At most this many grid points per window: a 1 h window at 10 s is 360. */
const MAX_POINTS = 720;

export function createTwinGrid(twin: TwinReader, nowMs: number, windowSeconds: number, probe: { entity: string; name: string } | undefined): TwinGrid {
  const windowMs = windowSeconds * 1000;
  const stepMs = Math.max(resolutionOf(twin, probe, nowMs - windowMs, nowMs), Math.ceil(windowMs / MAX_POINTS));
  const startMs = Math.floor((nowMs - windowMs) / stepMs) * stepMs;
  const count = Math.floor((nowMs - startMs) / stepMs) + 1;
  const seconds = Array.from({ length: count }, (_, k) => (k * stepMs) / 1000);
  return {
    startMs,
    stepMs,
    seconds,
    series(entity, name) {
      const out = new Float64Array(count).fill(NaN);
      if (entity === undefined) return out;
      const points = twin.signalHistory({ entity, name, from: startMs, to: nowMs, stepMs })?.points ?? [];
      for (const p of points) {
        const k = Math.round((p.t - startMs) / stepMs);
        if (k >= 0 && k < count && Number.isFinite(p.v)) out[k] = p.v;
      }
      return out;
    },
  };
}

/** The median spacing of a probe signal's points (the twin's history resolution), 10 s without one. */
function resolutionOf(twin: TwinReader, probe: { entity: string; name: string } | undefined, from: number, to: number): number {
  const points = probe ? (twin.signalHistory({ entity: probe.entity, name: probe.name, from, to })?.points ?? []) : [];
  const gaps = points.slice(1).map((p, i) => p.t - points[i].t).filter((g) => g > 0).sort((a, b) => a - b);
  return gaps.length > 0 ? gaps[Math.floor(gaps.length / 2)] : 10_000;
}

/** Fills NaN with the previous value (leading NaN with the first value, all NaN with `fallback`). */
export function held(series: Float64Array, fallback: number): Float64Array {
  const out = Float64Array.from(series);
  let last = out.find((v) => v === v) ?? fallback;
  for (let k = 0; k < out.length; k++) {
    if (out[k] === out[k]) last = out[k];
    else out[k] = last;
  }
  return out;
}

/** The last finite value, or undefined. */
export function lastValue(series: Float64Array): number | undefined {
  for (let k = series.length - 1; k >= 0; k--) if (series[k] === series[k]) return series[k];
  return undefined;
}
