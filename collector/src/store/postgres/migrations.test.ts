import { Client, Pool } from 'pg';
import { startPostgresServer } from '../../../test/support/postgres-server';
import type { PostgresServer } from '../../../test/support/postgres-server';
import { defaultStoreConfig } from '../config';
import { StoreVersionError } from '../store-version-error';
import { MIGRATIONS, migrate } from './migrations';
import { openPostgresStore } from './postgres-store';
import type { TwinStore } from '../twin-store';

let server: PostgresServer;

beforeAll(async () => {
  server = await startPostgresServer();
}, 20_000);

afterAll(async () => {
  await server.stop();
});

async function sql(url: string, text: string): Promise<unknown[]> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(text)).rows;
  } finally {
    await client.end();
  }
}

function open(url: string, collectorId: string): Promise<TwinStore> {
  const config = defaultStoreConfig();
  config.driver = 'postgres';
  config.postgres.url = url;
  return openPostgresStore(config, { clock: { now: () => 0 }, resolutionMs: 10_000, collectorId });
}

describe('postgres schema migrations', () => {
  it('migrates once when collectors open a new database at the same moment', async () => {
    const url = await server.createDatabase('concurrent');
    const stores = await Promise.all(['a', 'b', 'c', 'd'].map((id) => open(url, id)));
    try {
      expect(stores.map((s) => s.schemaVersion)).toEqual([MIGRATIONS.length, MIGRATIONS.length, MIGRATIONS.length, MIGRATIONS.length]);
      const rows = (await sql(url, "SELECT key FROM meta WHERE key LIKE 'migrated_to_%' ORDER BY key")) as { key: string }[];
      expect(rows.map((r) => r.key)).toEqual(MIGRATIONS.map((_, i) => `migrated_to_${i + 1}`));
    } finally {
      for (const store of stores) await store.close();
    }
  });

  it('refuses a store newer than this collector, with the exact message', async () => {
    const url = await server.createDatabase('newer');
    await (await open(url, 'a')).close();
    await sql(url, "UPDATE meta SET value = '99' WHERE key = 'schema_version'");
    const opening = open(url, 'a');
    await expect(opening).rejects.toBeInstanceOf(StoreVersionError);
    await expect(opening).rejects.toThrow(
      `postgres newer@127.0.0.1:${server.port}: the store is at schema version 99, newer than this collector knows (${MIGRATIONS.length}); upgrade the collector or use another store`,
    );
  });

  it('applies only the migrations a store has not run, in one transaction each open', async () => {
    const url = await server.createDatabase('stepwise');
    const pool = new Pool({ connectionString: url, max: 1 });
    try {
      expect(await migrate(pool, 'here', 'a')).toBe(MIGRATIONS.length);
      const next = [...MIGRATIONS, 'CREATE TABLE extra (id int)'];
      expect(await migrate(pool, 'here', 'b', next)).toBe(next.length);
      expect(await migrate(pool, 'here', 'c', next)).toBe(next.length);
      const failing = [...next, 'CREATE TABLE later (id int)', 'SELECT nonsense FROM nowhere'];
      await expect(migrate(pool, 'here', 'd', failing)).rejects.toThrow('relation "nowhere" does not exist');
      const rows = await pool.query("SELECT key, value FROM meta ORDER BY key");
      expect(rows.rows.map((r: { key: string; value: string }) => [r.key, r.value.split(' ')[0]])).toEqual([
        ...MIGRATIONS.map((_, i) => [`migrated_to_${i + 1}`, 'a']),
        [`migrated_to_${next.length}`, 'b'],
        ['schema_version', String(next.length)],
      ]);
      expect((await pool.query("SELECT to_regclass('later') AS t")).rows).toEqual([{ t: null }]);
      await expect(migrate(pool, 'here', 'e')).rejects.toThrow(
        `here: the store is at schema version ${next.length}, newer than this collector knows (${MIGRATIONS.length})`,
      );
    } finally {
      await pool.end();
    }
  });

  it('brings a version 1 store to saved scenarios, keeping what it held', async () => {
    const url = await server.createDatabase('from_v1');
    const pool = new Pool({ connectionString: url, max: 1 });
    try {
      expect(await migrate(pool, 'here', 'a', MIGRATIONS.slice(0, 1))).toBe(1);
      await pool.query(`INSERT INTO objects (kind, id, value, version, updated_at) VALUES ('desired', 'host:a', '{}', 1, 5)`);
      expect(await migrate(pool, 'here', 'b')).toBe(2);
      const store = await open(url, 'c');
      try {
        expect((await store.getObject('desired', 'host:a'))?.version).toBe(1);
        expect(await store.saveScenario({ name: 's', scenario: '{}', updatedAt: 5, updatedBy: 'ops' })).toEqual({
          name: 's',
          scenario: '{}',
          updatedAt: 5,
          updatedBy: 'ops',
          version: 1,
        });
      } finally {
        await store.close();
      }
    } finally {
      await pool.end();
    }
  });
});
