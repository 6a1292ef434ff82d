/**
 * Time blocks: the leading column of the points and rollups keys. A delta writes the newest
 * points of every signal; keyed by (signal, t) they would land on one page per signal, so a
 * delta of 10,000 signals would dirty 10,000 pages. Keyed by (block, signal, t) they land in
 * the current block's few pages, and a signal's range is read with one index seek per block.
 * Both widths are part of the schema: changing them needs a migration.
 */

/** Raw points: one block per minute (6 points of a signal at the default 10 s resolution). */
export const RAW_BLOCK_MS = 60_000;
/** Rollups: one block per 64 buckets of the step. */
export const ROLLUP_BLOCK_BUCKETS = 64;

export function rawBlock(t: number): number {
  return Math.floor(t / RAW_BLOCK_MS);
}

export function rollupBlock(t: number, stepMs: number): number {
  return Math.floor(t / (stepMs * ROLLUP_BLOCK_BUCKETS));
}

/** SQL: the block of a rollup bucket starting at `expr` (integer maths: `expr` and `stepSql` must be integers). */
export function rollupBlockSql(expr: string, stepSql: string): string {
  return `(${expr}) / (${stepSql} * ${ROLLUP_BLOCK_BUCKETS})`;
}

/** A CTE `blocks(b)` listing the integers :lo to :hi, so `block IN blocks AND signal_id = ?` seeks once per block. */
export const BLOCKS_CTE = 'WITH RECURSIVE blocks(b) AS (SELECT CAST(:lo AS INTEGER) UNION ALL SELECT b + 1 FROM blocks WHERE b < :hi)';

/** The blocks of [fromMs, toMs] clamped to those that hold rows, or undefined when none can. */
export function blockRange(
  fromBlock: number,
  toBlock: number,
  held: { lo: number | null; hi: number | null },
): { lo: number; hi: number } | undefined {
  if (held.lo === null || held.hi === null) return undefined;
  const lo = Math.max(fromBlock, held.lo);
  const hi = Math.min(toBlock, held.hi);
  return lo <= hi ? { lo, hi } : undefined;
}
