import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describeTwinStoreContract } from '../../../test/support/store-contract';
import { openSqliteStore } from './sqlite-store';

describeTwinStoreContract('sqlite :memory:', (config, settings) => openSqliteStore({ ...config, sqlite: { path: ':memory:' } }, settings));

let dir: string;
let n = 0;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'twinops-sqlite-contract-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describeTwinStoreContract('sqlite file', (config, settings) =>
  openSqliteStore({ ...config, sqlite: { path: join(dir, `store-${++n}`, 'twin.db') } }, settings),
);
