/**
 * Jest global setup of the tests against a real collector: the collector, loaded with the demo's
 * inventory, and the demo sending to it, as `npm start` runs them but on ephemeral loopback ports
 * and with one-second history and analytics so that a few seconds give every query data.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { collectorConfigSchema, createCollector } from '@twinops/collector';
import { createDataCenterLayout, defaultDemoOptions, renderInventoryYaml, startDemo } from '@twinops/demo';

const GUARDED_TOKEN = 'datasource-test-token';
const quiet = { info: () => undefined, warn: () => undefined, error: () => undefined, debug: () => undefined };

export default async function startCollectorStack(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'twinops-datasource-'));
  const inventory = join(dir, 'inventory.yaml');
  writeFileSync(inventory, renderInventoryYaml(createDataCenterLayout()));
  const errors: string[] = [];
  const config = collectorConfigSchema.parse(
    {
      receivers: { otlp: { http: { endpoint: '127.0.0.1:0' }, grpc: { endpoint: '127.0.0.1:0' } } },
      api: { endpoint: '127.0.0.1:0' },
      store: { sqlite: { path: ':memory:' } },
      twin: {
        inventory: { file: inventory },
        history: { resolution_seconds: 1, retention_seconds: 600 },
        service_graph: { window_seconds: 1, wait_seconds: 1 },
        processes: { window_seconds: 1, trace_wait_seconds: 1 },
      },
      // Forecasts and anomaly scores within seconds rather than the production hour of warm-up.
      analytics: {
        live: {
          interval_seconds: 1,
          signals: ['hw.temperature*', 'service.latency_p95_seconds*'],
          anomaly: { warmup_points: 15 },
          forecast: {
            step_seconds: 1,
            min_history_points: 10,
            max_history_points: 300,
            refit_every_steps: 5,
            threshold_horizon_seconds: 120,
          },
        },
      },
    },
    '',
    errors
  );
  if (errors.length > 0) {
    throw new Error(errors.join('\n'));
  }
  const collector = createCollector(config, { logger: quiet, env: {}, version: 'test' });
  await collector.start();
  const { otlpHttp, api } = collector.endpoints();
  const demo = await startDemo(
    { ...defaultDemoOptions(), otlpEndpoint: `http://${otlpHttp}`, apiPort: 0, seed: 9 },
    quiet
  );
  // A second collector that requires a token, for Save & test's auth check.
  const guarded = createCollector(
    collectorConfigSchema.parse(
      {
        receivers: { otlp: { http: { endpoint: '127.0.0.1:0' }, grpc: { endpoint: '127.0.0.1:0' } } },
        api: { endpoint: '127.0.0.1:0' },
        store: { sqlite: { path: ':memory:' } },
        auth: { tokens: [{ name: 'grafana', token: GUARDED_TOKEN, scopes: ['read'] }] },
      },
      '',
      errors
    ),
    { logger: quiet, env: {}, version: 'test' }
  );
  await guarded.start();
  process.env.TWINOPS_API_URL = `http://${api}`;
  process.env.TWINOPS_STACK_STARTED_AT = String(Date.now());
  process.env.TWINOPS_GUARDED_API_URL = `http://${guarded.endpoints().api}`;
  process.env.TWINOPS_GUARDED_TOKEN = GUARDED_TOKEN;
  // The tests inject faults through the demo's own API, as a user would.
  process.env.TWINOPS_DEMO_URL = demo.apiUrl;
  process.env.TWINOPS_DEMO_TOKEN = demo.token;
  (globalThis as Record<string, unknown>).__twinopsStack = async () => {
    await demo.stop();
    await collector.shutdown();
    await guarded.shutdown();
  };
}
