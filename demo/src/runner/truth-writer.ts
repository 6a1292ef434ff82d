import { createWriteStream } from 'node:fs';
import type { Writable } from 'node:stream';
import type { SimulationTruth } from './simulation-types';

export interface TruthWriterConfig {
  path: string;
  /** One line per this many simulated seconds. */
  intervalSeconds: number;
  /** Lines waiting for the disk at most; beyond, lines are dropped (and counted) rather than held in memory. */
  maxQueuedLines: number;
}

export interface TruthWriterSettings {
  /** Opens the append stream; tests inject an in-memory one. */
  open?: (path: string) => Writable;
}

export interface TruthWriter {
  /**
   * Writes `{ t, truth }` when `intervalSeconds` have passed since the last line (t = simulated
   * Unix seconds); `truth` is only called then. Returns whether a line was queued.
   */
  record(epochSeconds: number, truth: () => SimulationTruth): boolean;
  stats(): { written: number; dropped: number; queued: number };
  close(): Promise<void>;
}

export function defaultTruthWriterConfig(path: string): TruthWriterConfig {
  // A minute of simulated time per line: a simulated day is 1440 lines (a few MB).
  return { path, intervalSeconds: 60, maxQueuedLines: 1000 };
}

/** Appends ground-truth snapshots as JSON lines, without ever blocking the simulation. */
export function createTruthWriter(config: TruthWriterConfig, settings: TruthWriterSettings = {}): TruthWriter {
  const stream = (settings.open ?? ((path) => createWriteStream(path, { flags: 'a' })))(config.path);
  let last = -Infinity;
  let written = 0;
  let dropped = 0;
  let queued = 0;
  let failure: Error | undefined;
  stream.on('error', (error: Error) => (failure = error));
  return {
    record(epochSeconds, truth) {
      if (epochSeconds - last < config.intervalSeconds) return false;
      last = epochSeconds;
      if (failure || queued >= config.maxQueuedLines) {
        dropped++;
        return false;
      }
      queued++;
      stream.write(`${JSON.stringify({ t: epochSeconds, truth: truth() })}\n`, () => queued--);
      written++;
      return true;
    },
    stats: () => ({ written, dropped, queued }),
    close: () =>
      new Promise<void>((resolve, reject) => {
        if (failure) return reject(failure);
        stream.end(() => (failure ? reject(failure) : resolve()));
      }),
  };
}
