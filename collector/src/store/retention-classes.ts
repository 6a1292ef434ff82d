import { compileGlob } from '../config';
import type { RetentionClass } from './config';

/** What a signal no class matches gets: raw points for two days, no rollups. */
export const FALLBACK_RETENTION_CLASS: RetentionClass = { signals: '*', rawSeconds: 172_800, rollups: [] };

const matchers = new Map<string, (name: string) => boolean>();

/** Whether a signal name matches a class's glob; each glob is compiled once. */
export function matchesGlob(name: string, glob: string): boolean {
  let match = matchers.get(glob);
  if (!match) matchers.set(glob, (match = compileGlob(glob)));
  return match(name);
}

/** The retention class of a signal: the first class whose `signals` glob matches its name. */
export function classOf(name: string, classes: readonly RetentionClass[]): RetentionClass {
  return classes.find((cls) => matchesGlob(name, cls.signals)) ?? FALLBACK_RETENTION_CLASS;
}

/**
 * How long after a rollup bucket ends it is still left open: the newest raw bucket is re-sent
 * (averaged further) until the flush after it closes, so a rollup waits one raw bucket plus one
 * flush interval before it reads the raw points.
 */
export function rollupGraceMs(flushIntervalSeconds: number, resolutionMs: number): number {
  return flushIntervalSeconds * 1000 + resolutionMs;
}

/** The start of the first rollup bucket of `stepMs` that is not closed at `nowMs`: every bucket before it is. */
export function closedBefore(nowMs: number, stepMs: number, graceMs: number): number {
  return Math.floor((nowMs - graceMs) / stepMs) * stepMs;
}

/** Where a range starting at `fromMs` is read: raw points, else the finest rollup whose keep covers it, else the coarsest. */
export type SignalSource = { kind: 'raw' } | { kind: 'rollup'; stepMs: number };

export function signalSourceFor(cls: RetentionClass, fromMs: number, nowMs: number): SignalSource {
  if (fromMs >= nowMs - cls.rawSeconds * 1000 || cls.rollups.length === 0) return { kind: 'raw' };
  const covering = cls.rollups.find((rollup) => fromMs >= nowMs - rollup.keepSeconds * 1000);
  const chosen = covering ?? cls.rollups[cls.rollups.length - 1];
  return { kind: 'rollup', stepMs: chosen.stepSeconds * 1000 };
}
