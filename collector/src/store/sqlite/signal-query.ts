import type Database from 'better-sqlite3';
import type { Clock, SignalPoint } from '../../model';
import type { RetentionClass } from '../config';
import { classOf, signalSourceFor } from '../retention-classes';
import type { SignalRangeQuery } from '../twin-store';
import { BLOCKS_CTE, blockRange, rawBlock, rollupBlock } from './blocks';

export type SignalQueryFn = (query: SignalRangeQuery) => SignalPoint[];

type Held = { lo: number | null; hi: number | null };

/** Averages points per bucket of `stepMs` (bucket start = floor(t / step) x step); input and output oldest first. */
export function averagePerStep(points: SignalPoint[], stepMs: number): SignalPoint[] {
  const out: SignalPoint[] = [];
  let bucket = NaN;
  let sum = 0;
  let count = 0;
  for (const p of points) {
    const b = Math.floor(p.t / stepMs) * stepMs;
    if (b !== bucket) {
      if (count > 0) out.push({ t: bucket, v: sum / count });
      bucket = b;
      sum = 0;
      count = 0;
    }
    sum += p.v;
    count += 1;
  }
  if (count > 0) out.push({ t: bucket, v: sum / count });
  return out;
}

/** Raw points while the range start is within raw retention, else the rollup level chosen by signalSourceFor. */
export function createSignalQuery(db: Database.Database, classes: readonly RetentionClass[], clock: Clock): SignalQueryFn {
  const signalId = db.prepare('SELECT id FROM signals WHERE entity = ? AND name = ?').pluck();
  const rawHeld = db.prepare('SELECT (SELECT min(block) FROM points) AS lo, (SELECT max(block) FROM points) AS hi');
  const rollupHeld = db.prepare(
    'SELECT (SELECT min(block) FROM rollups WHERE step_ms = :step) AS lo, (SELECT max(block) FROM rollups WHERE step_ms = :step) AS hi',
  );
  const raw = db.prepare(
    `${BLOCKS_CTE} SELECT t, v FROM points WHERE block IN blocks AND signal_id = :id AND t >= :from AND t <= :to ORDER BY t`,
  );
  // Buckets that overlap [from, to]: one starting before `from` still holds part of the range.
  const rollup = db.prepare(
    `${BLOCKS_CTE} SELECT t, avg AS v FROM rollups
     WHERE step_ms = :step AND block IN blocks AND signal_id = :id AND t > :from - :step AND t <= :to ORDER BY t`,
  );

  function rawPoints(id: number, from: number, to: number): SignalPoint[] {
    const range = blockRange(rawBlock(from), rawBlock(to), rawHeld.get() as Held);
    return range ? (raw.all({ ...range, id, from, to }) as SignalPoint[]) : [];
  }

  function rollupPoints(id: number, step: number, from: number, to: number): SignalPoint[] {
    const range = blockRange(rollupBlock(from - step, step), rollupBlock(to, step), rollupHeld.get({ step }) as Held);
    return range ? (rollup.all({ ...range, id, step, from, to }) as SignalPoint[]) : [];
  }

  return (query) => {
    const id = signalId.get(query.entity, query.name) as number | undefined;
    if (id === undefined || query.to < query.from) return [];
    const source = signalSourceFor(classOf(query.name, classes), query.from, clock.now());
    const points =
      source.kind === 'raw' ? rawPoints(id, query.from, query.to) : rollupPoints(id, source.stepMs, query.from, query.to);
    return query.stepMs && query.stepMs > 0 ? averagePerStep(points, query.stepMs) : points;
  };
}
