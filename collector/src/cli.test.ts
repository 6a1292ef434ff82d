import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { run } from './cli';
import { defaultStoreConfig, openStore } from './store';

const created: string[] = [];
afterAll(() => created.forEach((file) => rmSync(dirname(file), { recursive: true, force: true })));

function io(env: NodeJS.ProcessEnv = {}) {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (t: string) => out.push(t), err: (t: string) => err.push(t), env }, out, err };
}

function configFile(text: string): string {
  const file = join(mkdtempSync(join(tmpdir(), 'twinops-cli-')), 'twinops.yaml');
  created.push(file);
  writeFileSync(file, text);
  return file;
}

describe('twinops command line', () => {
  it('prints the documented defaults', async () => {
    const { io: streams, out } = io();
    expect(await run(['config', 'defaults'], streams)).toBe(0);
    const text = out.join('');
    expect(text).toContain('receivers:\n  # the OTLP receivers\n  otlp:\n    http:\n');
    expect(text).toContain('  # host:port the HTTP API listens on;');
    expect(text).toContain('log_level: "info"\n');
  });

  it('checks a config file and lists every problem', async () => {
    const file = configFile('api:\n  endpoint: nowhere\nreceivers:\n  otlp:\n    http:\n      max_request_body_bytes: -1\n');
    const { io: streams, err } = io();
    expect(await run(['config', 'check', '--config', file], streams)).toBe(1);
    expect(err.join('')).toBe(
      `twinops: invalid configuration (${file}):\n` +
        '  - receivers.otlp.http.max_request_body_bytes: must be a positive integer, got -1\n' +
        '  - api.endpoint: must be host:port with a port from 0 to 65535 (e.g. 127.0.0.1:4318 or [::1]:4318), got "nowhere"\n',
    );
  });

  it('refuses to listen beyond loopback without auth tokens, and says why', async () => {
    const { io: streams, err } = io({ TWINOPS_API__ENDPOINT: '0.0.0.0:8088' });
    expect(await run(['config', 'check'], streams)).toBe(1);
    expect(err.join('')).toBe(
      'twinops: invalid configuration ((defaults)):\n' +
        '  - api.endpoint: "0.0.0.0:8088" is reachable from other machines; configure auth.tokens before binding beyond loopback\n',
    );
  });

  it('accepts a wide endpoint once a token is configured', async () => {
    const file = configFile('auth:\n  tokens:\n    - name: grafana\n      token_env: TWIN_TOKEN\n      scopes: [read]\n');
    const { io: streams, out } = io({ TWINOPS_API__ENDPOINT: '0.0.0.0:8088', TWIN_TOKEN: 'x'.repeat(32) });
    expect(await run(['config', 'check', '-c', file], streams)).toBe(0);
    expect(out.join('')).toBe(`${file}: valid\n`);
  });

  it.each([
    [['--version'], 0, /^\d+\.\d+\.\d+\n$/],
    [['--help'], 0, /^Usage: twinops <command>/],
    [[], 2, /^Usage: twinops <command>/],
    [['frobnicate'], 2, /^twinops: unknown command "frobnicate"/],
    [['collector', '--colour'], 2, /^twinops: Unknown option '--colour'/],
  ])('%j exits %i', async (argv, code, text) => {
    const { io: streams, out, err } = io();
    expect(await run(argv, streams)).toBe(code);
    expect(out.join('') + err.join('')).toMatch(text);
  });
});

describe('the example config in examples/', () => {
  it('is valid', async () => {
    const file = join(__dirname, '../../examples/twinops.yaml');
    const { io: streams, out, err } = io();
    expect(await run(['config', 'check', '--config', file], streams)).toBe(0);
    expect(err).toEqual([]);
    expect(out.join('')).toBe(`${file}: valid\n`);
  });
});

describe('twinops snapshot', () => {
  it('exports a store and imports it into an empty one; refuses a malformed file and a non-empty store', async () => {
    const dir = dirname(configFile(''));
    const from = join(dir, 'from.yaml');
    writeFileSync(from, `store: {sqlite: {path: ${join(dir, 'from.db')}}}\n`);
    const to = join(dir, 'to.yaml');
    writeFileSync(to, `store: {sqlite: {path: ${join(dir, 'to.db')}}}\n`);
    const config = defaultStoreConfig();
    config.sqlite.path = join(dir, 'from.db');
    const store = await openStore(config, { clock: { now: () => 1_700_000_000_000 }, resolutionMs: 10_000, collectorId: 'cli' });
    const host = { id: 'host:web-1', type: 'host', level: 'asset' as const, name: 'web-1', attributes: {}, parent: undefined, desired: {}, firstSeen: 1, lastSeen: 2 };
    await store.writeDelta({
      entities: [host],
      relations: [],
      signals: [{ entity: host.id, name: 'cpu', unit: '1', kind: 'gauge', points: [{ t: 1_700_000_000_000, v: 0.5 }] }],
      events: [],
      removedEntities: [],
      removedRelations: [],
    });
    await store.putObject('desired', host.id, { power: 'on' });
    await store.close();

    const snapshot = join(dir, 'twin.json');
    const exported = io();
    expect(await run(['snapshot', 'export', '--config', from, '--out', snapshot], exported.io)).toBe(0);
    expect(exported.err.join('')).toBe(`exported 1 entities, 0 relations, 1 signals, 1 points, 0 rollups, 1 objects, 0 audit from sqlite ${join(dir, 'from.db')} to ${snapshot}\n`);

    const imported = io();
    expect(await run(['snapshot', 'import', snapshot, '--config', to], imported.io)).toBe(0);
    expect(imported.err.join('')).toBe(`imported 1 entities, 0 relations, 1 signals, 1 points, 0 rollups, 1 objects, 0 audit into sqlite ${join(dir, 'to.db')}\n`);
    const again = io();
    expect(await run(['snapshot', 'import', snapshot, '--config', to], again.io)).toBe(1);
    expect(again.err.join('')).toMatch(/^twinops: cannot import into a store that already holds 1 entities/);

    const broken = join(dir, 'broken.json');
    writeFileSync(broken, '{"format": "something-else"}');
    const bad = io();
    expect(await run(['snapshot', 'import', broken, '--config', to], bad.io)).toBe(1);
    expect(bad.err.join('')).toMatch(/^twinops: broken\.json: format: must be "twinops-snapshot", got "something-else"\n/);
  });
});
