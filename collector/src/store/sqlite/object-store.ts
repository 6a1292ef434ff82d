import type Database from 'better-sqlite3';
import type { Clock } from '../../model';
import type { AuditInput, AuditRecord, StoredObject } from '../twin-store';

/** The user's objects and the audit log: each call is one committed (fsynced) transaction. */
export interface ObjectStore {
  put(kind: string, id: string, value: unknown): StoredObject;
  get(kind: string, id: string): StoredObject | undefined;
  list(kind: string): StoredObject[];
  delete(kind: string, id: string): boolean;
  appendAudit(entry: AuditInput): AuditRecord;
  listAudit(query: { limit: number; beforeSeq?: number }): AuditRecord[];
}

export interface ObjectRow {
  kind: string;
  id: string;
  value: string;
  version: number;
  updated_at: number;
}

export interface AuditRow {
  seq: number;
  t: number;
  actor: string;
  action: string;
  target: string;
  detail: string;
}

export function objectFromRow(row: ObjectRow): StoredObject {
  return { kind: row.kind, id: row.id, value: JSON.parse(row.value), version: row.version, updatedAt: row.updated_at };
}

export function auditFromRow(row: AuditRow): AuditRecord {
  return { seq: row.seq, t: row.t, actor: row.actor, action: row.action, target: row.target, detail: JSON.parse(row.detail) };
}

/** JSON text of a value; `undefined` (which JSON cannot hold) is kept as null. Throws on BigInt or cycles. */
function toJson(value: unknown): string {
  return JSON.stringify(value) ?? 'null';
}

export function createObjectStore(db: Database.Database, clock: Clock): ObjectStore {
  const put = db.prepare(`
    INSERT INTO objects (kind, id, value, version, updated_at) VALUES (?, ?, ?, 1, ?)
    ON CONFLICT (kind, id) DO UPDATE SET value = excluded.value, version = objects.version + 1, updated_at = excluded.updated_at
    RETURNING *`);
  const get = db.prepare('SELECT * FROM objects WHERE kind = ? AND id = ?');
  const list = db.prepare('SELECT * FROM objects WHERE kind = ? ORDER BY id');
  const remove = db.prepare('DELETE FROM objects WHERE kind = ? AND id = ?');
  const append = db.prepare('INSERT INTO audit (t, actor, action, target, detail) VALUES (?, ?, ?, ?, ?) RETURNING *');
  const page = db.prepare('SELECT * FROM audit WHERE seq < ? ORDER BY seq DESC LIMIT ?');

  return {
    put: (kind, id, value) => objectFromRow(put.get(kind, id, toJson(value), clock.now()) as ObjectRow),
    get(kind, id) {
      const row = get.get(kind, id) as ObjectRow | undefined;
      return row && objectFromRow(row);
    },
    list: (kind) => (list.all(kind) as ObjectRow[]).map(objectFromRow),
    delete: (kind, id) => remove.run(kind, id).changes > 0,
    appendAudit: (entry) =>
      auditFromRow(append.get(clock.now(), entry.actor, entry.action, entry.target, toJson(entry.detail ?? {})) as AuditRow),
    listAudit: (query) => (page.all(query.beforeSeq ?? Number.MAX_SAFE_INTEGER, Math.max(0, query.limit)) as AuditRow[]).map(auditFromRow),
  };
}
