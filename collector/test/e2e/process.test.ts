/**
 * The `twinops collector` process as a user starts it (the built bin, as `npm start` runs it):
 * it prints its endpoints, serves, and exits cleanly on SIGTERM.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

const bin = join(__dirname, '../../bin/twinops.js');

it('starts with embedded defaults, prints its endpoints, serves and stops on SIGTERM', async () => {
  expect(existsSync(join(__dirname, '../../dist/cli.js'))).toBe(true); // `npm test` builds first
  const child = spawn(process.execPath, [bin, 'collector'], {
    env: {
      PATH: process.env.PATH,
      TWINOPS_RECEIVERS__OTLP__HTTP__ENDPOINT: '127.0.0.1:0',
      TWINOPS_RECEIVERS__OTLP__GRPC__ENDPOINT: '127.0.0.1:0',
      TWINOPS_API__ENDPOINT: '127.0.0.1:0',
    },
  });
  let stdout = '';
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  await new Promise<void>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      if (stdout.includes('Metrics')) resolve();
    });
    child.on('exit', (code) => reject(new Error(`exited ${code}: ${stderr}`)));
  });
  expect(stdout).toMatch(/^TwinOps collector \d+\.\d+\.\d+\n {2}OTLP\/HTTP {2}http:\/\/127\.0\.0\.1:\d+ /);
  const otlp = /OTLP\/HTTP {2}(http:\/\/\S+)/.exec(stdout)?.[1];
  const api = /API {8}(http:\/\/\S+)\/api\/v1/.exec(stdout)?.[1];

  const sent = await fetch(`${otlp}/v1/traces`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ resourceSpans: [{ resource: { attributes: [{ key: 'service.name', value: { stringValue: 'cart' } }] } }] }),
  });
  expect(sent.status).toBe(200);
  expect(await sent.json()).toEqual({});
  expect(await (await fetch(`${api}/readyz`)).json()).toEqual({ status: 'ready' });
  const entities = (await (await fetch(`${api}/api/v1/entities?type=service`)).json()) as { items: { id: string }[] };
  expect(entities.items.map((e) => e.id)).toEqual(['service:cart']);

  const exit = new Promise<number | null>((resolve) => child.on('exit', resolve));
  child.kill('SIGTERM');
  expect(await exit).toBe(0);
  expect(stderr).toContain('info  shutting down signal=SIGTERM');
});
