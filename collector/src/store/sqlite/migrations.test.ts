import Database from 'better-sqlite3';
import { StoreVersionError } from '../store-version-error';
import { LATEST_SCHEMA_VERSION, MIGRATIONS, migrate } from './migrations';

function version(db: Database.Database): unknown {
  return db.prepare("SELECT value FROM meta WHERE key = 'schema_version'").pluck().get();
}

describe('migrate', () => {
  let db: Database.Database;
  beforeEach(() => {
    db = new Database(':memory:');
  });
  afterEach(() => db.close());

  it('creates the schema of the latest version on an empty database', () => {
    expect(LATEST_SCHEMA_VERSION).toBe(2);
    expect(migrate(db, 'mem')).toBe(2);
    expect(version(db)).toBe(2);
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").pluck().all();
    expect(tables).toEqual(['audit', 'entities', 'events', 'marks', 'meta', 'objects', 'points', 'relations', 'rollups', 'scenarios', 'signals', 'tombstones']);
  });

  it('applies only the migrations after the stored version, in order', () => {
    migrate(db, 'mem');
    const next = [...MIGRATIONS, { version: 3, sql: 'CREATE TABLE added (x)' }, { version: 4, sql: 'INSERT INTO added VALUES (4)' }];
    expect(migrate(db, 'mem', next)).toBe(4);
    expect(version(db)).toBe(4);
    expect(db.prepare('SELECT x FROM added').pluck().all()).toEqual([4]);
    expect(migrate(db, 'mem', next)).toBe(4);
  });

  it('applies nothing when one migration fails', () => {
    const broken = [...MIGRATIONS, { version: 3, sql: 'CREATE TABLE nope (' }];
    expect(() => migrate(db, 'mem', broken)).toThrow('incomplete input');
    expect(db.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'entities'").pluck().get()).toBe(0);
  });

  it('refuses a store newer than this code, touching nothing', () => {
    migrate(db, 'mem');
    db.prepare("UPDATE meta SET value = 7 WHERE key = 'schema_version'").run();
    let error: unknown;
    try {
      migrate(db, 'data/twin.db');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(StoreVersionError);
    expect((error as Error).message).toBe(
      'data/twin.db: the store is at schema version 7, newer than this collector knows (2); upgrade the collector or use another store',
    );
    expect(error).toMatchObject({ where: 'data/twin.db', storeVersion: 7, knownVersion: 2 });
    expect(version(db)).toBe(7);
  });
});

describe('migrating a version 1 store', () => {
  it('adds the scenarios table and keeps what the store held', () => {
    const db = new Database(':memory:');
    try {
      migrate(db, 'mem', MIGRATIONS.slice(0, 1));
      db.prepare("INSERT INTO objects (kind, id, value, version, updated_at) VALUES ('desired', 'host:a', '{}', 1, 5)").run();
      expect(migrate(db, 'mem')).toBe(2);
      expect(db.prepare('SELECT id FROM objects').pluck().all()).toEqual(['host:a']);
      db.prepare("INSERT INTO scenarios (name, scenario, version, updated_at, updated_by) VALUES ('s', '{}', 1, 5, 'ops')").run();
      expect(db.prepare('SELECT name FROM scenarios').pluck().all()).toEqual(['s']);
    } finally {
      db.close();
    }
  });
});
