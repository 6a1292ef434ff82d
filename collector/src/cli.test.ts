import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { run } from './cli';

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
