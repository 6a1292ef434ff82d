/**
 * Vitest global setup of the browser tests: the collector (serving /ui from the built explorer)
 * loaded with the demo's inventory and the demo sending to it, as `npm start` runs them but on
 * ephemeral loopback ports with one-second windows; and a second collector holding a 2,000-node
 * infrastructure inventory. Nothing is built here: `npm test` builds first.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { collectorConfigSchema, createCollector } from '@twinops/collector';
import { createDataCenterLayout, defaultDemoOptions, renderInventoryYaml, startDemo } from '@twinops/demo';
import { BIG_TWIN_NODES, bigInventoryYaml } from './big-inventory';
// The provided values' types (ProvidedContext); nothing of it runs here.
import type {} from './stack-context';

const quiet = { info: () => undefined, warn: () => undefined, error: () => undefined, debug: () => undefined };

function parseConfig(raw: object) {
  const errors: string[] = [];
  const config = collectorConfigSchema.parse(raw, '', errors);
  if (errors.length > 0) {
    throw new Error(errors.join('\n'));
  }
  return config;
}

const loopback = {
  receivers: { otlp: { http: { endpoint: '127.0.0.1:0' }, grpc: { endpoint: '127.0.0.1:0' } } },
  api: { endpoint: '127.0.0.1:0' },
  store: { sqlite: { path: ':memory:' } },
};

export default async function startExplorerStack(project: TestProject): Promise<() => Promise<void>> {
  const dir = mkdtempSync(join(tmpdir(), 'twinops-explorer-'));
  const inventory = join(dir, 'inventory.yaml');
  writeFileSync(inventory, renderInventoryYaml(createDataCenterLayout()));
  const bigInventory = join(dir, 'big-inventory.yaml');
  writeFileSync(bigInventory, bigInventoryYaml(BIG_TWIN_NODES));

  const collector = createCollector(
    parseConfig({
      ...loopback,
      twin: {
        inventory: { file: inventory },
        history: { resolution_seconds: 1, retention_seconds: 600 },
        service_graph: { window_seconds: 1, wait_seconds: 1 },
        processes: { window_seconds: 1, trace_wait_seconds: 1 },
      },
    }),
    { logger: quiet, env: {}, version: 'test' }
  );
  const big = createCollector(parseConfig({ ...loopback, twin: { inventory: { file: bigInventory } } }), {
    logger: quiet,
    env: {},
    version: 'test',
  });
  await Promise.all([collector.start(), big.start()]);
  const demo = await startDemo(
    { ...defaultDemoOptions(), otlpEndpoint: `http://${collector.endpoints().otlpHttp}`, apiPort: 0, seed: 9 },
    quiet
  );
  project.provide('apiUrl', `http://${collector.endpoints().api}`);
  project.provide('bigApiUrl', `http://${big.endpoints().api}`);
  project.provide('demoUrl', demo.apiUrl);
  project.provide('demoToken', demo.token);
  return async () => {
    await demo.stop();
    await Promise.all([collector.shutdown(), big.shutdown()]);
    rmSync(dir, { recursive: true, force: true });
  };
}
