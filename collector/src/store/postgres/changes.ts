import { READ_SNAPSHOT, inTransaction } from './pg-context';
import { readState } from './read-state';
import type { PgContext } from './pg-context';
import type { StoreChanges } from '../twin-store';

/**
 * Rows are re-read from this long before the cursor: a transaction that stamped its rows with
 * the database clock just before the cursor was taken may commit just after, and must not be
 * missed. Re-reading a change is harmless.
 */
export const CHANGE_OVERLAP_MICROS = 10_000_000;

const CURSOR = /^pg:(\d+)$/;

/**
 * What any collector changed since the cursor, merged. The cursor is the database clock when
 * the read began (`pg:<microseconds since the epoch>`), taken in the same snapshot as the reads.
 */
export async function changesSince(ctx: PgContext, cursor: string | undefined, pointsSinceMs: number): Promise<StoreChanges> {
  let sinceMicros: number | undefined;
  if (cursor !== undefined) {
    const match = CURSOR.exec(cursor);
    if (!match) throw new Error(`changesSince: not a cursor of this store: ${JSON.stringify(cursor)}`);
    sinceMicros = Number(match[1]) - CHANGE_OVERLAP_MICROS;
  }
  return inTransaction(
    ctx.pool,
    async (client) => {
      const clock = await client.query<{ micros: number }>('SELECT (extract(epoch FROM clock_timestamp()) * 1e6)::bigint AS micros');
      const state = await readState(client, ctx, { sinceMicros, pointsSinceMs });
      const removed = await client.query<{ kind: string; id: string }>(
        `SELECT kind, id FROM tombstones WHERE $1::float8 IS NULL OR removed_at > to_timestamp($1::float8 / 1e6)
         ORDER BY kind, id COLLATE "C"`,
        [sinceMicros ?? null],
      );
      return {
        delta: {
          ...state,
          removedEntities: removed.rows.filter((r) => r.kind === 'entity').map((r) => r.id),
          removedRelations: removed.rows.filter((r) => r.kind === 'relation').map((r) => r.id),
        },
        cursor: `pg:${clock.rows[0].micros}`,
      };
    },
    READ_SNAPSHOT,
  );
}
