import type Database from 'better-sqlite3';
import { BLOCKS_CTE, blockRange } from './blocks';

type Held = { lo: number | null; hi: number | null };

export interface SignalPurge {
  /** Deletes every raw point and rollup of these signals (one index seek per block that holds rows). */
  purge(signalIds: number[]): void;
  /** The rollup steps present in the table, ascending. */
  heldSteps(): number[];
}

export function createSignalPurge(db: Database.Database): SignalPurge {
  const rawHeld = db.prepare('SELECT (SELECT min(block) FROM points) AS lo, (SELECT max(block) FROM points) AS hi');
  const rollupHeld = db.prepare(
    'SELECT (SELECT min(block) FROM rollups WHERE step_ms = :step) AS lo, (SELECT max(block) FROM rollups WHERE step_ms = :step) AS hi',
  );
  const nextStep = db.prepare('SELECT min(step_ms) FROM rollups WHERE step_ms > ?').pluck();
  const deletePoints = db.prepare(`${BLOCKS_CTE} DELETE FROM points WHERE block IN blocks AND signal_id = :id`);
  const deleteRollups = db.prepare(`${BLOCKS_CTE} DELETE FROM rollups WHERE step_ms = :step AND block IN blocks AND signal_id = :id`);
  const all = { lo: Number.MIN_SAFE_INTEGER, hi: Number.MAX_SAFE_INTEGER };

  function heldSteps(): number[] {
    const steps: number[] = [];
    // Walks the distinct leading key values with one seek each, instead of scanning the table.
    for (let step = nextStep.get(-1) as number | null; step !== null; step = nextStep.get(step) as number | null) steps.push(step);
    return steps;
  }

  return {
    heldSteps,
    purge(signalIds) {
      if (signalIds.length === 0) return;
      const raw = blockRange(all.lo, all.hi, rawHeld.get() as Held);
      for (const id of signalIds) if (raw) deletePoints.run({ ...raw, id });
      for (const step of heldSteps()) {
        const range = blockRange(all.lo, all.hi, rollupHeld.get({ step }) as Held);
        for (const id of signalIds) if (range) deleteRollups.run({ ...range, step, id });
      }
    },
  };
}
