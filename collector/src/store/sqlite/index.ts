/** The embedded SQLite store: the twin's state, history, rollups, user objects and audit log in one file. */
export { openSqliteStore } from './sqlite-store';
export { LATEST_SCHEMA_VERSION } from './migrations';
