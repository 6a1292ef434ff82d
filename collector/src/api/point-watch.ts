import type { SignalPoint, TwinReader } from '../model';
import { ApiError } from './errors';

/** Signals one event stream may watch: each costs a lookup per check, so a stream cannot ask for the whole twin. */
export const MAX_WATCHED_SIGNALS = 100;

/** One signal a stream watches: `watch=<entity>|<signal>`. */
export interface WatchedSignal {
  entity: string;
  signal: string;
}

/**
 * The `watch` query values as signals, duplicates dropped; undefined when none were given.
 * The split is at the last `|`: entity ids are built from resource attributes and may hold any
 * character, while signal names are OpenTelemetry instrument names, which cannot hold a `|`.
 */
export function parseWatch(values: readonly string[] | undefined): WatchedSignal[] | undefined {
  if (values === undefined || values.length === 0) return undefined;
  const unique = new Map<string, WatchedSignal>();
  for (const value of values) {
    const bar = value.lastIndexOf('|');
    if (bar <= 0 || bar === value.length - 1) {
      throw new ApiError(400, 'bad_request', `watch: must be "<entity>|<signal>", got ${JSON.stringify(value)}`);
    }
    unique.set(value, { entity: value.slice(0, bar), signal: value.slice(bar + 1) });
  }
  if (unique.size > MAX_WATCHED_SIGNALS) {
    throw new ApiError(400, 'bad_request', `watch: at most ${MAX_WATCHED_SIGNALS} signals per stream, got ${unique.size}`);
  }
  return [...unique.values()];
}

/** The latest point of a signal, or undefined when the entity or signal is not (yet) in the twin. */
export type LatestPoint = (entity: string, signal: string) => SignalPoint | undefined;

/**
 * A lookup for one check of every stream: each watched entity is read from the twin once, however
 * many streams and signals watch it. The twin's read side has no single-signal reader, so this uses
 * getEntity, which copies the entity; one copy per entity per check stays cheap.
 */
export function latestPointLookup(twin: TwinReader): LatestPoint {
  const read = new Map<string, Map<string, SignalPoint>>();
  return (entity, signal) => {
    let latest = read.get(entity);
    if (!latest) {
      latest = new Map();
      for (const s of twin.getEntity(entity)?.signals ?? []) {
        if (s.latest) latest.set(s.name, s.latest);
      }
      read.set(entity, latest);
    }
    return latest.get(signal);
  };
}

/** One stream's watched signals and the time of the point last sent for each. */
export interface PointWatch {
  /** `signal.point` frames for the signals whose latest point is newer than the one last sent. */
  newFrames(latest: LatestPoint): string[];
}

export function createPointWatch(signals: readonly WatchedSignal[]): PointWatch {
  // -Infinity: the first check sends the current latest point, so a client sees a value at once.
  const sent = signals.map((s) => ({ ...s, t: Number.NEGATIVE_INFINITY }));
  return {
    newFrames(latest) {
      const frames: string[] = [];
      for (const watched of sent) {
        const point = latest(watched.entity, watched.signal);
        if (!point || !(point.t > watched.t)) continue;
        watched.t = point.t;
        const data = { entity: watched.entity, signal: watched.signal, t: point.t, v: point.v };
        frames.push(`event: signal.point\ndata: ${JSON.stringify(data)}\n\n`);
      }
      return frames;
    },
  };
}
