/**
 * A collector loaded with the demo's inventory and a demo sending to it, started before a test
 * file's (or describe block's) tests and stopped after them, as `npm start` runs the two.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDataCenterLayout, defaultDemoOptions, renderInventoryYaml, startDemo } from '@twinops/demo';
import type { RunningDemo } from '@twinops/demo';
import { startTestCollector } from './test-collector';
import type { TestCollector } from './test-collector';

export interface DemoTwinOptions {
  seed: number;
  /** Simulated seconds per real second (the demo's default, 60, when absent). */
  speed?: number;
  /** Collector configuration merged over the inventory, e.g. `{ twin: { history: … } }`. */
  config?: Record<string, unknown>;
}

export interface DemoTwin {
  twin: () => TestCollector;
  demo: () => RunningDemo;
  /** The inventory file the collector reads (rewrite it and call `reloadInventory` after the layout grows). */
  inventoryFile: string;
}

/** The configuration the shop tests share: one-second history buckets and service-graph windows. */
export const ONE_SECOND_TWIN = {
  twin: {
    history: { resolution_seconds: 1, retention_seconds: 600 },
    service_graph: { window_seconds: 1, wait_seconds: 1 },
    processes: { window_seconds: 1, trace_wait_seconds: 1 },
  },
};

export function useDemoTwin(options: DemoTwinOptions): DemoTwin {
  const dir = mkdtempSync(join(tmpdir(), 'twinops-demo-twin-'));
  const inventory = join(dir, 'inventory.yaml');
  let twin: TestCollector;
  let demo: RunningDemo;
  beforeAll(async () => {
    writeFileSync(inventory, renderInventoryYaml(createDataCenterLayout(), { speed: options.speed ?? defaultDemoOptions().speed }));
    const config = options.config ?? {};
    const twinSection = (config.twin ?? {}) as Record<string, unknown>;
    twin = await startTestCollector({ ...config, twin: { ...twinSection, inventory: { file: inventory } } });
    const demoOptions = { ...defaultDemoOptions(), otlpEndpoint: twin.otlpHttpUrl, apiPort: 0, seed: options.seed };
    demo = await startDemo({ ...demoOptions, speed: options.speed ?? demoOptions.speed }, { info: () => undefined, warn: () => undefined });
  });
  afterAll(async () => {
    await demo?.stop();
    await twin?.stop();
    rmSync(dir, { recursive: true, force: true });
  });
  return { twin: () => twin, demo: () => demo, inventoryFile: inventory };
}
