/**
 * The twin survives its process: a restart brings back entities, relations, signal history and
 * desired state; a kill -9 during sustained ingest loses at most the last flush interval of
 * telemetry and no acknowledged user change.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startCollectorProcess } from '../support/collector-process';
import { startTestCollector } from '../support/test-collector';

interface Entity {
  id: string;
  desired: Record<string, unknown>;
}

let dir: string;
beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'twinops-durable-'))));
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** One OTLP/JSON metrics request: a gauge `cpu` on each host at one time. */
function cpuRequest(hosts: string[], timeMs: number, value: number): string {
  return JSON.stringify({
    resourceMetrics: hosts.map((host) => ({
      resource: { attributes: [{ key: 'host.name', value: { stringValue: host } }] },
      scopeMetrics: [
        {
          metrics: [{ name: 'cpu', unit: '1', gauge: { dataPoints: [{ timeUnixNano: `${timeMs}000000`, asDouble: value }] } }],
        },
      ],
    })),
  });
}

/** A client span of `frontend` calling `cart`, and the server span of `cart`, in one trace. */
function callRequest(traceId: string, startMs: number): string {
  const span = (service: string, kind: number, spanId: string, parent: string) => ({
    resource: { attributes: [{ key: 'service.name', value: { stringValue: service } }] },
    scopeSpans: [
      {
        spans: [
          {
            traceId,
            spanId,
            parentSpanId: parent,
            name: 'GET /cart',
            kind,
            startTimeUnixNano: `${startMs}000000`,
            endTimeUnixNano: `${startMs + 20}000000`,
          },
        ],
      },
    ],
  });
  return JSON.stringify({ resourceSpans: [span('frontend', 3, 'aaaaaaaaaaaaaaa1', ''), span('cart', 2, 'aaaaaaaaaaaaaaa2', 'aaaaaaaaaaaaaaa1')] });
}

async function post(url: string, body: string, method = 'POST'): Promise<number> {
  const response = await fetch(url, { method, headers: { 'content-type': 'application/json' }, body });
  await response.arrayBuffer();
  return response.status;
}

async function getJson<T>(url: string): Promise<T> {
  return (await (await fetch(url)).json()) as T;
}

it('restores entities, relations, signal history, desired state and the audit log after a restart', async () => {
  const config = {
    store: { sqlite: { path: join(dir, 'twin.db') }, flush_interval_seconds: 60 },
    twin: { service_graph: { window_seconds: 1, wait_seconds: 1 } },
  };
  const first = await startTestCollector(config);
  const now = Date.now();
  for (const [i, value] of [0.25, 0.5, 0.75].entries()) {
    expect(await post(`${first.otlpHttpUrl}/v1/metrics`, cpuRequest(['web-1', 'web-2'], now - (2 - i) * 20_000, value))).toBe(200);
  }
  expect(await post(`${first.otlpHttpUrl}/v1/traces`, callRequest('0123456789abcdef0123456789abcdef', now))).toBe(200);
  await waitFor(async () => (await first.getJson<{ edges: unknown[] }>('/api/v1/topology?view=services')).body.edges.length > 0);
  expect(await post(`${first.apiUrl}/api/v1/entities/host%3Aweb-1/desired`, JSON.stringify({ power_cap_watts: 300 }), 'PUT')).toBe(200);

  const before = {
    entities: (await first.getJson<{ items: Entity[] }>('/api/v1/entities')).body.items,
    topology: (await first.getJson<{ edges: { id: string }[] }>('/api/v1/topology')).body.edges.map((e) => e.id).sort(),
    history: (await first.getJson<{ points: unknown[] }>('/api/v1/signals?entity=host:web-1&name=cpu&from=now-5m')).body.points,
  };
  expect(before.history).toHaveLength(3);
  // Shutting down flushes: nothing waits for the 60 s timer.
  await first.stop();

  const second = await startTestCollector(config);
  try {
    const entities = (await second.getJson<{ items: Entity[] }>('/api/v1/entities')).body.items;
    expect(entities.map((e) => e.id).sort()).toEqual(before.entities.map((e) => e.id).sort());
    expect(entities.find((e) => e.id === 'host:web-1')?.desired).toEqual({ power_cap_watts: 300 });
    expect((await second.getJson<{ edges: { id: string }[] }>('/api/v1/topology')).body.edges.map((e) => e.id).sort()).toEqual(before.topology);
    expect((await second.getJson<{ points: unknown[] }>('/api/v1/signals?entity=host:web-1&name=cpu&from=now-5m')).body.points).toEqual(before.history);
    const audit = (await second.getJson<{ items: { action: string; target: string; detail: unknown }[] }>('/api/v1/audit')).body.items;
    expect(audit.map(({ action, target, detail }) => ({ action, target, detail }))).toEqual([
      { action: 'desired.set', target: 'host:web-1', detail: { values: { power_cap_watts: 300 } } },
    ]);
  } finally {
    await second.stop();
  }
});

it('after kill -9 during sustained ingest, opens cleanly with everything older than the flush interval and every acknowledged change', async () => {
  const env = { TWINOPS_STORE__SQLITE__PATH: join(dir, 'twin.db'), TWINOPS_STORE__FLUSH_INTERVAL_SECONDS: '1' };
  const first = await startCollectorProcess(env);
  const acknowledged: { host: string; at: number }[] = [];
  const desired: string[] = [];
  let stop = false;
  const ingest = (async () => {
    for (let i = 0; !stop; i++) {
      const host = `host-${i}`;
      const status = await post(`${first.otlpHttpUrl}/v1/metrics`, cpuRequest([host], Date.now(), i)).catch(() => 0);
      if (status === 200) acknowledged.push({ host, at: Date.now() });
      if (status === 200 && i % 10 === 0) {
        const put = await post(`${first.apiUrl}/api/v1/entities/host%3A${host}/desired`, JSON.stringify({ round: i }), 'PUT').catch(() => 0);
        if (put === 200) desired.push(host);
      }
    }
  })();
  await new Promise((resolve) => setTimeout(resolve, 4000));
  first.child.kill('SIGKILL');
  const killedAt = Date.now();
  expect(await first.exited).toBe('SIGKILL');
  stop = true;
  await ingest;
  expect(acknowledged.length).toBeGreaterThan(50);
  expect(desired.length).toBeGreaterThan(5);

  const second = await startCollectorProcess(env);
  try {
    const restored = new Map<string, Entity>();
    for (let page; !page || restored.size < page.total; ) {
      page = await getJson<{ total: number; items: Entity[] }>(`${second.apiUrl}/api/v1/entities?type=host&limit=1000&offset=${restored.size}`);
      for (const entity of page.items) restored.set(entity.id, entity);
    }
    // One flush interval (1 s) plus the time one small batch takes to write.
    const settled = acknowledged.filter((a) => a.at < killedAt - 1500).map((a) => `host:${a.host}`);
    expect(settled.length).toBeGreaterThan(30);
    expect(settled.filter((id) => !restored.has(id))).toEqual([]);
    // A desired state acknowledged with 200 was committed before the answer, however recent: its
    // host gets it back as soon as the host reports again, if its telemetry was not yet flushed.
    expect(await post(`${second.otlpHttpUrl}/v1/metrics`, cpuRequest(desired, Date.now(), 1))).toBe(200);
    for (const host of desired) {
      const entity = await getJson<Entity>(`${second.apiUrl}/api/v1/entities/host%3A${host}`);
      expect([host, entity.desired]).toEqual([host, { round: Number(host.slice('host-'.length)) }]);
    }
    const audit = await getJson<{ items: { target: string }[] }>(`${second.apiUrl}/api/v1/audit?limit=1000`);
    expect(new Set(audit.items.map((a) => a.target))).toEqual(new Set(desired.map((host) => `host:${host}`)));
  } finally {
    second.child.kill('SIGTERM');
    await second.exited;
  }
});

async function waitFor(check: () => Promise<boolean>, seconds = 10): Promise<void> {
  for (let i = 0; i < seconds * 10 && !(await check()); i++) await new Promise((resolve) => setTimeout(resolve, 100));
}
