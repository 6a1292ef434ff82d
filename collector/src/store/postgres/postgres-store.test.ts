import { Client } from 'pg';
import { startPostgresServer } from '../../../test/support/postgres-server';
import type { PostgresServer } from '../../../test/support/postgres-server';
import { defaultStoreConfig } from '../config';
import { delta, describeTwinStoreContract, entity } from '../../../test/support/store-contract';
import { describeUrl, openPostgresStore } from './postgres-store';
import type { StoreConfig } from '../config';
import type { StoreSettings } from '../store-settings';
import type { TwinStore } from '../twin-store';

let server: PostgresServer;
let databases = 0;

beforeAll(async () => {
  server = await startPostgresServer();
}, 20_000);

afterAll(async () => {
  await server.stop();
});

/** A store with the default config on `url`, as collector `a`, its clock at 0. */
function openOn(url: string): Promise<TwinStore> {
  const config = defaultStoreConfig();
  config.driver = 'postgres';
  config.postgres.url = url;
  return openPostgresStore(config, { clock: { now: () => 0 }, resolutionMs: 10_000, collectorId: 'a' });
}

/** Each contract test gets an empty database of its own. */
describeTwinStoreContract('postgres', async (config: StoreConfig, settings: StoreSettings) => {
  databases += 1;
  const url = await server.createDatabase(`contract_${databases}`);
  return openPostgresStore({ ...config, driver: 'postgres', postgres: { ...config.postgres, url } }, settings);
});

describe('postgres store on its own', () => {
  it('refuses bad cursors with a message', async () => {
    const url = await server.createDatabase('cursor');
    const store = await openOn(url);
    try {
      await expect(store.changesSince('sqlite:12', 0)).rejects.toThrow('changesSince: not a cursor of this store: "sqlite:12"');
      expect(store.description).toBe(`postgres cursor@127.0.0.1:${server.port} as a`);
    } finally {
      await store.close();
      await store.close();
    }
  });

  it('rejects with the server error when it cannot connect', async () => {
    await expect(openOn(`postgres://postgres@127.0.0.1:${server.port}/missing_db`)).rejects.toThrow(
      'database "missing_db" does not exist',
    );
  });

  it('reads its meta table with the schema version', async () => {
    const url = await server.createDatabase('meta');
    const store = await openOn(url);
    await store.close();
    const client = new Client({ connectionString: url });
    await client.connect();
    try {
      const rows = await client.query("SELECT value FROM meta WHERE key = 'schema_version'");
      expect(rows.rows).toEqual([{ value: String(store.schemaVersion) }]);
    } finally {
      await client.end();
    }
  });
});

describe('bad data', () => {
  it('rejects a batch the database refuses, with its message, and keeps nothing of it', async () => {
    const url = await server.createDatabase('bad_data');
    const store = await openOn(url);
    try {
      const bad = delta({ entities: [entity('service:ok'), entity('service:nul', { attributes: { note: 'a\u0000b' } })] });
      await expect(store.writeDelta(bad)).rejects.toThrow('unsupported Unicode escape sequence');
      expect((await store.loadState(0)).entities).toEqual([]);
      await store.writeDelta(delta({ entities: [entity('service:ok')] }));
      expect((await store.loadState(0)).entities.map((e) => e.id)).toEqual(['service:ok']);
    } finally {
      await store.close();
    }
  });
});

describe('describeUrl', () => {
  it.each([
    ['postgres://u:secret@db.example:6432/twin', 'twin@db.example:6432'],
    ['postgres://u@localhost/twin', 'twin@localhost:5432'],
    ['postgres://u@localhost', 'postgres@localhost:5432'],
    ['not a url', 'db@unparsed-url'],
  ])('%s -> %s', (url, expected) => {
    expect(describeUrl(url)).toBe(expected);
  });
});
