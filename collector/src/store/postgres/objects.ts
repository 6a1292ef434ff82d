import type { Pool } from 'pg';
import type { Clock } from '../../model';
import type { AuditInput, AuditRecord, StoredObject, TwinStore } from '../twin-store';

/** The part of the store that keeps what users and the API write. */
export type ObjectStore = Pick<TwinStore, 'putObject' | 'getObject' | 'listObjects' | 'deleteObject' | 'appendAudit' | 'listAudit'>;

interface ObjectRow {
  kind: string;
  id: string;
  value: unknown;
  version: number;
  updated_at: number;
}

interface AuditRow {
  seq: number;
  t: number;
  actor: string;
  action: string;
  target: string;
  detail: Record<string, unknown>;
}

const toObject = (r: ObjectRow): StoredObject => ({ kind: r.kind, id: r.id, value: r.value, version: r.version, updatedAt: r.updated_at });

export const toAudit = (r: AuditRow): AuditRecord => ({
  seq: r.seq,
  t: r.t,
  actor: r.actor,
  action: r.action,
  target: r.target,
  detail: r.detail,
});

/**
 * User objects and the audit log. Each call is one autocommitted statement, and PostgreSQL's
 * default synchronous_commit flushes the WAL before answering: durable when the promise resolves.
 */
export function createObjectStore(pool: Pool, clock: Clock): ObjectStore {
  return {
    async putObject(kind: string, id: string, value: unknown): Promise<StoredObject> {
      // JSON.stringify(undefined) is undefined; keep the column NOT NULL with JSON null.
      const json = JSON.stringify(value) ?? 'null';
      const result = await pool.query<ObjectRow>(
        `INSERT INTO objects (kind, id, value, version, updated_at) VALUES ($1, $2, $3::jsonb, 1, $4)
         ON CONFLICT (kind, id) DO UPDATE SET value = excluded.value, version = objects.version + 1, updated_at = excluded.updated_at
         RETURNING *`,
        [kind, id, json, clock.now()],
      );
      return toObject(result.rows[0]);
    },
    async getObject(kind: string, id: string): Promise<StoredObject | undefined> {
      const result = await pool.query<ObjectRow>('SELECT * FROM objects WHERE kind = $1 AND id = $2', [kind, id]);
      return result.rows.length > 0 ? toObject(result.rows[0]) : undefined;
    },
    async listObjects(kind: string): Promise<StoredObject[]> {
      // COLLATE "C": ordered by id the way JavaScript compares strings, whatever the database locale.
      const result = await pool.query<ObjectRow>('SELECT * FROM objects WHERE kind = $1 ORDER BY id COLLATE "C"', [kind]);
      return result.rows.map(toObject);
    },
    async deleteObject(kind: string, id: string): Promise<boolean> {
      const result = await pool.query('DELETE FROM objects WHERE kind = $1 AND id = $2', [kind, id]);
      return (result.rowCount ?? 0) > 0;
    },
    async appendAudit(entry: AuditInput): Promise<AuditRecord> {
      const result = await pool.query<AuditRow>(
        'INSERT INTO audit (t, actor, action, target, detail) VALUES ($1, $2, $3, $4, $5::jsonb) RETURNING *',
        [clock.now(), entry.actor, entry.action, entry.target, JSON.stringify(entry.detail)],
      );
      return toAudit(result.rows[0]);
    },
    async listAudit(query: { limit: number; beforeSeq?: number }): Promise<AuditRecord[]> {
      const result = await pool.query<AuditRow>(
        'SELECT * FROM audit WHERE $1::bigint IS NULL OR seq < $1 ORDER BY seq DESC LIMIT $2',
        [query.beforeSeq ?? null, Math.max(0, Math.floor(query.limit))],
      );
      return result.rows.map(toAudit);
    },
  };
}
