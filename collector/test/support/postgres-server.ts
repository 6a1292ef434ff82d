/** Starts a throwaway PostgreSQL server for a test file: initdb into a temp dir, pg_ctl on a free loopback port. */
import { execFile } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Client } from 'pg';
import { freePort } from './free-port';

const run = promisify(execFile);

export interface PostgresServer {
  /** postgres://postgres@127.0.0.1:PORT/DB of the database created at start. */
  url: string;
  port: number;
  /** Creates another empty database and returns its URL (CREATE DATABASE takes milliseconds). */
  createDatabase(name: string): Promise<string>;
  stop(): Promise<void>;
}

/** PATH first (the machine links initdb into /usr/local/bin), else the newest /usr/lib/postgresql/N/bin. */
function binDir(): string {
  for (const dir of (process.env.PATH ?? '').split(':')) {
    if (dir !== '' && existsSync(join(dir, 'initdb')) && existsSync(join(dir, 'pg_ctl'))) return dir;
  }
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root) ? readdirSync(root).sort((a, b) => Number(b) - Number(a)) : [];
  for (const version of versions) {
    const dir = join(root, version, 'bin');
    if (existsSync(join(dir, 'initdb'))) return dir;
  }
  throw new Error('PostgreSQL binaries not found on PATH nor under /usr/lib/postgresql/*/bin');
}

/** PostgreSQL refuses to run as root: when we are root, run its binaries as the `postgres` user. */
async function asPostgres(file: string, args: string[]): Promise<void> {
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (isRoot) await run('runuser', ['-u', 'postgres', '--', file, ...args]);
  else await run(file, args);
}

/** Starts a server with a database `name`; stop() kills it (-m immediate) and removes its files. */
export async function startPostgresServer(name = 'twinops'): Promise<PostgresServer> {
  const bin = binDir();
  // Memory-backed when the machine has /dev/shm: CREATE DATABASE copies ~8 MB, several times slower on disk.
  const dir = mkdtempSync(join(existsSync('/dev/shm') ? '/dev/shm' : tmpdir(), 'twinops-pg-'));
  const data = join(dir, 'data');
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (isRoot) {
    const { stdout } = await run('id', ['-u', 'postgres']);
    const { stdout: gid } = await run('id', ['-g', 'postgres']);
    chownSync(dir, Number(stdout.trim()), Number(gid.trim()));
  }
  const port = await freePort();
  try {
    // trust auth on loopback only; fsync off because the server lives for one test file.
    await asPostgres(join(bin, 'initdb'), ['-D', data, '-U', 'postgres', '-A', 'trust', '--no-sync', '-E', 'UTF8', '--locale=C']);
    const options = `-c listen_addresses=127.0.0.1 -p ${port} -k ${dir} -c fsync=off -c full_page_writes=off -c synchronous_commit=off`;
    await asPostgres(join(bin, 'pg_ctl'), ['-D', data, '-l', join(dir, 'log'), '-o', options, '-w', '-t', '20', 'start']);
  } catch (err) {
    rmSync(dir, { recursive: true, force: true });
    throw err;
  }
  // The pg client rather than psql: psql is not always beside initdb on PATH.
  const psql = async (sql: string): Promise<void> => {
    const client = new Client({ host: '127.0.0.1', port, user: 'postgres', database: 'postgres' });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  const urlOf = (db: string): string => `postgres://postgres@127.0.0.1:${port}/${db}`;
  let stopped = false;
  const server: PostgresServer = {
    url: urlOf(name),
    port,
    async createDatabase(db) {
      await psql(`CREATE DATABASE "${db}"`);
      return urlOf(db);
    },
    async stop() {
      if (stopped) return;
      stopped = true;
      try {
        await asPostgres(join(bin, 'pg_ctl'), ['-D', data, '-m', 'immediate', '-w', 'stop']);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
  try {
    await psql(`CREATE DATABASE "${name}"`);
  } catch (err) {
    await server.stop();
    throw err;
  }
  return server;
}
