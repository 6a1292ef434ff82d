import { classOf, closedBefore, rollupGraceMs } from '../retention-classes';
import { inTransaction } from './pg-context';
import type { PgContext } from './pg-context';
import type { PoolClient } from 'pg';
import type { RetentionClass } from '../config';
import type { MaintenanceReport } from '../twin-store';

/** Distinct from the migration lock: collectors maintaining at once take turns. */
const MAINTENANCE_LOCK = 0x7477_696f;
/** Removals older than this are forgotten: a collector that has not synced for a day reloads. */
const TOMBSTONE_KEEP = '1 day';

/** The finest rollup from raw points merged over collectors, one row per closed bucket not yet rolled up. */
const FROM_RAW = `INSERT INTO rollups (entity, signal, step_ms, t, avg, min, max, count)
  SELECT entity, signal, $2::bigint, floor(t::float8 / $2) * $2, avg(v), min(v), max(v), count(*)
  FROM (SELECT s.entity, s.name AS signal, p.t, CASE WHEN s.summed THEN sum(p.v) ELSE avg(p.v) END AS v
        FROM signals s JOIN points p ON p.signal_id = s.id
        WHERE s.name = ANY($1::text[]) AND p.t >= $3 AND p.t < $4
        GROUP BY s.entity, s.name, p.t, s.summed) merged
  GROUP BY entity, signal, floor(t::float8 / $2)
  ON CONFLICT DO NOTHING`;

/** A coarser rollup from the finer one below it: count-weighted mean, extremes, total count. */
const FROM_FINER = `INSERT INTO rollups (entity, signal, step_ms, t, avg, min, max, count)
  SELECT entity, signal, $2::bigint, floor(t::float8 / $2) * $2, sum(avg * count) / sum(count), min(min), max(max), sum(count)
  FROM rollups WHERE signal = ANY($1::text[]) AND step_ms = $5 AND t >= $3 AND t < $4
  GROUP BY entity, signal, floor(t::float8 / $2)
  ON CONFLICT DO NOTHING`;

/**
 * Rolls up closed buckets (each once: a bucket already there is left alone), then deletes raw
 * points beyond their class's raw retention and rollups beyond their keep. Runs under an advisory
 * lock, so collectors sharing the store do not do the work twice at the same moment.
 */
export async function maintain(ctx: PgContext, flushIntervalSeconds: number, nowMs: number): Promise<MaintenanceReport> {
  return inTransaction(ctx.pool, async (client) => {
    await client.query('SELECT pg_advisory_xact_lock($1)', [MAINTENANCE_LOCK]);
    const report: MaintenanceReport = { rolledUp: 0, rawDeleted: 0, rollupsDeleted: 0 };
    const names = await client.query<{ name: string }>('SELECT DISTINCT name FROM signals UNION SELECT DISTINCT signal FROM rollups');
    const byClass = new Map<RetentionClass, string[]>();
    for (const { name } of names.rows) {
      const cls = classOf(name, ctx.retention);
      byClass.set(cls, [...(byClass.get(cls) ?? []), name]);
    }
    const graceMs = rollupGraceMs(flushIntervalSeconds, ctx.resolutionMs);
    for (const [cls, signals] of byClass) {
      report.rolledUp += await rollUp(client, cls, signals, nowMs, graceMs);
      const raw = await client.query('DELETE FROM points WHERE signal_id IN (SELECT id FROM signals WHERE name = ANY($1::text[])) AND t < $2', [signals, nowMs - cls.rawSeconds * 1000]);
      report.rawDeleted += raw.rowCount ?? 0;
      for (const rollup of cls.rollups) {
        const old = await client.query('DELETE FROM rollups WHERE signal = ANY($1::text[]) AND step_ms = $2 AND t < $3', [
          signals,
          rollup.stepSeconds * 1000,
          nowMs - rollup.keepSeconds * 1000,
        ]);
        report.rollupsDeleted += old.rowCount ?? 0;
      }
    }
    await client.query(`DELETE FROM tombstones WHERE removed_at < clock_timestamp() - interval '${TOMBSTONE_KEEP}'`);
    return report;
  });
}

/**
 * Each level reads only from where it stopped last time (a mark in `meta` per step), so a
 * maintenance pass costs what arrived since, not the whole raw retention.
 */
async function rollUp(client: PoolClient, cls: RetentionClass, signals: string[], nowMs: number, graceMs: number): Promise<number> {
  let written = 0;
  let finerStepMs = 0;
  for (const rollup of cls.rollups) {
    const stepMs = rollup.stepSeconds * 1000;
    const until = closedBefore(nowMs, stepMs, graceMs);
    const key = `rolled_up_before_${cls.signals}_${stepMs}`;
    const mark = await client.query<{ value: string }>('SELECT value FROM meta WHERE key = $1', [key]);
    const from = mark.rows.length > 0 ? Number(mark.rows[0].value) : Number.MIN_SAFE_INTEGER;
    if (until > from) {
      const result =
        finerStepMs === 0
          ? await client.query(FROM_RAW, [signals, stepMs, from, until])
          : await client.query(FROM_FINER, [signals, stepMs, from, until, finerStepMs]);
      written += result.rowCount ?? 0;
      await client.query('INSERT INTO meta (key, value) VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET value = excluded.value', [key, String(until)]);
    }
    finerStepMs = stepMs;
  }
  return written;
}
