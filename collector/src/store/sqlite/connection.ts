import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';

/**
 * How long a connection waits for the other one's write transaction before failing with
 * SQLITE_BUSY. File stores have two connections (this thread's for reads, objects and audit; the
 * writer thread's for deltas and maintenance), so an object write waits for a delta commit instead
 * of failing. Also covers another process (`twinops snapshot export`) holding the file briefly.
 */
const BUSY_TIMEOUT_MS = 5000;

/**
 * Durability: WAL with synchronous = FULL, so every commit is fsynced before its promise
 * resolves. Objects and audit records need that (the API answers 2xx after them); telemetry
 * deltas pay one fsync per flush interval, which batching makes negligible.
 */
export function configure(db: Database.Database): void {
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
  // After a burst the WAL file is cut back to this size instead of keeping its peak.
  db.pragma('journal_size_limit = 67108864');
  db.pragma('cache_size = -16384');
}

/**
 * Whether a second connection (the writer thread's) reaches the same database: not for
 * `:memory:` or `''` (each connection gets its own private database), nor for `file:` URIs,
 * which may name an in-memory database too.
 */
export function isSharedFile(path: string): boolean {
  return path !== ':memory:' && path !== '' && !path.startsWith('file:');
}

/** Opens the database (creating its folders for a plain file path), configured. */
export function openConnection(path: string): Database.Database {
  if (isSharedFile(path)) mkdirSync(dirname(path), { recursive: true });
  const db = new Database(path);
  try {
    configure(db);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}
