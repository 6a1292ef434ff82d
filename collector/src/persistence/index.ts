/** Keeps the in-memory twin in its store: restore on start, batched flushes, maintenance, and the shared view of several collectors. */
export { createPersistence } from './persistence';
export type { Persistence, PersistenceSettings } from './persistence';
