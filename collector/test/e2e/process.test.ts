/**
 * The `twinops collector` process as a user starts it (the built bin, as `npm start` runs it):
 * it prints its endpoints, serves, and exits cleanly on SIGTERM.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startCollectorProcess } from '../support/collector-process';

it('starts with embedded defaults, prints its endpoints, serves and stops on SIGTERM', async () => {
  expect(existsSync(join(__dirname, '../../dist/cli.js'))).toBe(true); // `npm test` builds first
  const dir = mkdtempSync(join(tmpdir(), 'twinops-process-'));
  const collector = await startCollectorProcess({ TWINOPS_STORE__SQLITE__PATH: join(dir, 'twin.db') });
  expect(collector.stdout()).toMatch(/^TwinOps collector \d+\.\d+\.\d+\n {2}OTLP\/HTTP {2}http:\/\/127\.0\.0\.1:\d+ /);
  const { otlpHttpUrl: otlp, apiUrl: api, child } = collector;

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

  child.kill('SIGTERM');
  expect(await collector.exited).toBe(0);
  expect(collector.stderr()).toContain('info  shutting down signal=SIGTERM');
  rmSync(dir, { recursive: true, force: true });
});
