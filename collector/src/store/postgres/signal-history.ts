import { classOf, signalSourceFor } from '../retention-classes';
import type { PgContext } from './pg-context';
import type { SignalPoint } from '../../model';
import type { SignalRangeQuery } from '../twin-store';

/** Raw buckets merged over collectors: summed for rates and counts, averaged otherwise. */
const MERGED_RAW = `SELECT p.t, CASE WHEN s.summed THEN sum(p.v) ELSE avg(p.v) END AS v
  FROM points p JOIN signals s ON s.id = p.signal_id
  WHERE s.entity = $1 AND s.name = $2 AND p.t >= $3 AND p.t <= $4
  GROUP BY p.t, s.summed`;

/** Rollup buckets that overlap [from, to] (a bucket starting before `from` still covers part of it). */
const ROLLUP = `SELECT t, avg AS v FROM rollups
  WHERE entity = $1 AND signal = $2 AND step_ms = $5 AND t + step_ms > $3 AND t <= $4`;

/**
 * A signal's history: raw points while the range is within raw retention, else the finest rollup
 * whose keep covers `from` (see signalSourceFor), averaged per `stepMs` bucket when asked.
 */
export async function querySignal(ctx: PgContext, query: SignalRangeQuery): Promise<SignalPoint[]> {
  const cls = classOf(query.name, ctx.retention);
  const source = signalSourceFor(cls, query.from, ctx.clock.now());
  const inner = source.kind === 'raw' ? MERGED_RAW : ROLLUP;
  const params: unknown[] = [query.entity, query.name, Math.floor(query.from), Math.floor(query.to)];
  if (source.kind === 'rollup') params.push(source.stepMs);
  let sql: string;
  if (query.stepMs !== undefined && query.stepMs > 0) {
    params.push(Math.floor(query.stepMs));
    const step = `$${params.length}::bigint`;
    sql = `SELECT (floor(b.t::float8 / ${step}) * ${step})::bigint AS t, avg(b.v) AS v FROM (${inner}) b GROUP BY 1 ORDER BY 1`;
  } else {
    sql = `SELECT b.t, b.v FROM (${inner}) b ORDER BY b.t`;
  }
  const result = await ctx.pool.query<SignalPoint>(sql, params);
  return result.rows.map((r) => ({ t: r.t, v: r.v }));
}
