import { types } from 'pg';
import type { CustomTypesConfig, Pool, PoolClient } from 'pg';
import type { Clock } from '../../model';
import type { RetentionClass } from '../config';

/** What the parts of the PostgreSQL store share: the pool and who this collector is. */
export interface PgContext {
  pool: Pool;
  collectorId: string;
  clock: Clock;
  resolutionMs: number;
  /** A collector silent this long no longer adds its rates to shared relations. */
  staleAfterMs: number;
  retention: RetentionClass[];
}

const INT8_OID = 20;

/**
 * bigint columns (millisecond times, counts) come back as numbers rather than strings: every
 * value we keep in them is far below 2^53.
 */
export const numericTypes: CustomTypesConfig = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === INT8_OID ? (value: string) => Number(value) : types.getTypeParser(oid, format)) as CustomTypesConfig['getTypeParser'],
};

/** Runs `fn` in one transaction on one pooled connection, rolling back when it throws. */
export async function inTransaction<T>(
  pool: Pool,
  fn: (client: PoolClient) => Promise<T>,
  begin = 'BEGIN',
): Promise<T> {
  const client = await pool.connect();
  let broken = false;
  try {
    await client.query(begin);
    const result = await fn(client);
    await client.query('COMMIT');
    return result;
  } catch (err) {
    // A connection that cannot even roll back is dropped rather than handed to the next caller.
    await client.query('ROLLBACK').catch(() => {
      broken = true;
    });
    throw err;
  } finally {
    client.release(broken);
  }
}

/** A consistent view over several reads (export, changes). */
export const READ_SNAPSHOT = 'BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY';
