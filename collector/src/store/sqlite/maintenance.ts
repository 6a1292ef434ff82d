import type Database from 'better-sqlite3';
import type { RetentionClass } from '../config';
import { FALLBACK_RETENTION_CLASS, closedBefore, matchesGlob } from '../retention-classes';
import type { MaintenanceReport } from '../twin-store';
import { rawBlock, rollupBlock, rollupBlockSql } from './blocks';
import type { SignalPurge } from './signal-purge';

/** Removals are remembered this long for changesSince; a reader further behind reloads the state. */
const TOMBSTONE_KEEP_MS = 86_400_000;
const NO_MARK = Number.MIN_SAFE_INTEGER;

export interface MaintenanceSettings {
  classes: readonly RetentionClass[];
  /** How long after its end a rollup bucket may still change (rollupGraceMs). */
  graceMs: number;
}

export interface Maintenance {
  maintain(nowMs: number): MaintenanceReport;
  /** After an import: buckets already in the rollups table count as done (their raw points may be partly gone). */
  markRollupsDone(): void;
}

interface ClassGroup {
  /** Position and glob: marks of a class are forgotten when the config reorders or renames it. */
  key: string;
  cls: RetentionClass;
  /** JSON array of the class's signal ids, for `IN (SELECT value FROM json_each(...))`. */
  ids: string;
}

/**
 * Works per retention class, in bulk over the class's signals. Rollups, finest level first: the
 * finest from raw points, each coarser one from the level before it (avg weighted by count), so
 * a coarse bucket does not need raw points kept for its whole width. Marks remember, per class,
 * where rolling up and expiry stopped, so each pass reads only the blocks since the last one.
 * All in one transaction.
 */
export function createMaintenance(db: Database.Database, settings: MaintenanceSettings, purge: SignalPurge): Maintenance {
  const S = 'CAST(:step AS INTEGER)';
  const bucket = `(t / ${S}) * ${S}`;
  const inClass = 'signal_id IN (SELECT value FROM json_each(:ids))';
  const upsert = 'ON CONFLICT (step_ms, block, signal_id, t) DO UPDATE SET avg = excluded.avg, min = excluded.min, max = excluded.max, count = excluded.count';
  const insert = `INSERT INTO rollups (step_ms, block, signal_id, t, avg, min, max, count) SELECT ${S}, ${rollupBlockSql(bucket, S)}, signal_id, ${bucket} AS b`;
  const fromRaw = db.prepare(`${insert}, avg(v), min(v), max(v), count(*) FROM points
    WHERE block BETWEEN :lo AND :hi AND t >= :from AND t < :to AND ${inClass} GROUP BY signal_id, b ${upsert}`);
  const fromFiner = db.prepare(`${insert}, sum(avg * count) / sum(count), min(min), max(max), sum(count) FROM rollups
    WHERE step_ms = :finer AND block BETWEEN :lo AND :hi AND t >= :from AND t < :to AND ${inClass} GROUP BY signal_id, b ${upsert}`);
  const deleteRaw = db.prepare(`DELETE FROM points WHERE block BETWEEN :lo AND :hi AND t < :cut AND ${inClass}`);
  const deleteRollups = db.prepare(`DELETE FROM rollups WHERE step_ms = :step AND block BETWEEN :lo AND :hi AND t < :cut AND ${inClass}`);
  const deleteStep = db.prepare('DELETE FROM rollups WHERE step_ms = ?');
  const getMark = db.prepare('SELECT until_t FROM marks WHERE key = ?').pluck();
  const setMark = db.prepare('INSERT INTO marks (key, until_t) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET until_t = excluded.until_t');
  const lastBucket = db.prepare('SELECT max(t) FROM rollups WHERE step_ms = ?').pluck();
  const allSignals = db.prepare('SELECT id, name FROM signals').raw();
  const pruneTombstones = db.prepare('DELETE FROM tombstones WHERE at < ?');
  const keyed = [...settings.classes.map((cls, i) => ({ key: `${i}:${cls.signals}`, cls })), { key: 'fallback', cls: FALLBACK_RETENTION_CLASS }];

  function groups(): ClassGroup[] {
    const ids: number[][] = keyed.map(() => []);
    for (const [id, name] of allSignals.all() as [number, string][]) {
      const i = settings.classes.findIndex((cls) => matchesGlob(name, cls.signals));
      ids[i < 0 ? keyed.length - 1 : i].push(id);
    }
    return keyed.filter((_, i) => ids[i].length > 0).map((k) => ({ ...k, ids: JSON.stringify(ids[keyed.indexOf(k)]) }));
  }

  /** Runs `step` over [mark, until) and moves the mark; returns the rows it changed. */
  function advance(key: string, until: number, step: (from: number) => number): number {
    const from = (getMark.get(key) as number | undefined) ?? NO_MARK;
    if (until <= from) return 0;
    const changed = step(from);
    setMark.run(key, until);
    return changed;
  }

  function rollUp(g: ClassGroup, nowMs: number): number {
    let written = 0;
    g.cls.rollups.forEach((r, level) => {
      const step = r.stepSeconds * 1000;
      const to = closedBefore(nowMs, step, settings.graceMs);
      written += advance(`${g.key}|rollup|${step}`, to, (from) => {
        if (level === 0) return fromRaw.run({ step, lo: rawBlock(from), hi: rawBlock(to - 1), from, to, ids: g.ids }).changes;
        const finer = g.cls.rollups[level - 1].stepSeconds * 1000;
        const range = { lo: rollupBlock(from, finer), hi: rollupBlock(to - 1, finer) };
        return fromFiner.run({ step, finer, ...range, from, to, ids: g.ids }).changes;
      });
    });
    return written;
  }

  function expire(g: ClassGroup, nowMs: number): { raw: number; rollups: number } {
    const cutRaw = nowMs - g.cls.rawSeconds * 1000;
    const raw = advance(`${g.key}|raw`, cutRaw, (from) => deleteRaw.run({ lo: rawBlock(from), hi: rawBlock(cutRaw - 1), cut: cutRaw, ids: g.ids }).changes);
    let rollups = 0;
    for (const r of g.cls.rollups) {
      const step = r.stepSeconds * 1000;
      const cut = nowMs - r.keepSeconds * 1000;
      rollups += advance(`${g.key}|expire|${step}`, cut, (from) =>
        deleteRollups.run({ step, lo: rollupBlock(from, step), hi: rollupBlock(cut - 1, step), cut, ids: g.ids }).changes,
      );
    }
    return { raw, rollups };
  }

  /** Levels no class has any more (the config changed) would be kept forever otherwise. */
  function dropUnconfiguredSteps(): number {
    const configured = new Set(settings.classes.flatMap((cls) => cls.rollups.map((r) => r.stepSeconds * 1000)));
    return purge
      .heldSteps()
      .filter((step) => !configured.has(step))
      .reduce((n, step) => n + deleteStep.run(step).changes, 0);
  }

  const maintain = db.transaction((nowMs: number): MaintenanceReport => {
    const report: MaintenanceReport = { rolledUp: 0, rawDeleted: 0, rollupsDeleted: dropUnconfiguredSteps() };
    for (const g of groups()) {
      report.rolledUp += rollUp(g, nowMs);
      const expired = expire(g, nowMs);
      report.rawDeleted += expired.raw;
      report.rollupsDeleted += expired.rollups;
    }
    pruneTombstones.run(nowMs - TOMBSTONE_KEEP_MS);
    return report;
  });

  function markRollupsDone(): void {
    for (const { key, cls } of keyed) {
      for (const r of cls.rollups) {
        const step = r.stepSeconds * 1000;
        const last = lastBucket.get(step) as number | null;
        if (last !== null) setMark.run(`${key}|rollup|${step}`, last + step);
      }
    }
  }

  return { maintain: (nowMs) => maintain(nowMs), markRollupsDone };
}
