/** Starts a real collector on ephemeral loopback ports for end-to-end tests. */
import { collectorConfigSchema, createCollector } from '../../src/collector';
import type { Collector, CollectorConfig } from '../../src/collector';
import { memoryLogger } from '../../src/otlp/testdata/fixtures';

export interface TestCollector {
  collector: Collector;
  config: CollectorConfig;
  /** http://127.0.0.1:PORT of the OTLP/HTTP receiver */
  otlpHttpUrl: string;
  /** 127.0.0.1:PORT of the OTLP/gRPC receiver */
  otlpGrpcAddress: string;
  /** http://127.0.0.1:PORT of the API */
  apiUrl: string;
  logs: string[];
  /** GET a JSON document from the API. */
  getJson<T = unknown>(path: string): Promise<{ status: number; body: T }>;
  /** Send a JSON body (none when undefined) to the API, POST by default, and read the JSON answer. */
  sendJson<T = unknown>(path: string, body: unknown, method?: string): Promise<{ status: number; body: T }>;
  /** The value of the first series in /metrics with this name and at least these labels (0 when absent). */
  metricValue(series: string): Promise<number>;
  stop(): Promise<void>;
}

/** `raw` is YAML-shaped config (snake_case keys) merged over ports 0 on 127.0.0.1. */
export async function startTestCollector(raw: Record<string, unknown> = {}, env: NodeJS.ProcessEnv = {}): Promise<TestCollector> {
  const errors: string[] = [];
  const config = collectorConfigSchema.parse(
    deepMerge(
      {
        receivers: { otlp: { http: { endpoint: '127.0.0.1:0' }, grpc: { endpoint: '127.0.0.1:0' } } },
        api: { endpoint: '127.0.0.1:0' },
        store: { sqlite: { path: ':memory:' } },
      },
      raw,
    ),
    '',
    errors,
  );
  if (errors.length > 0) throw new Error(errors.join('\n'));
  const logger = memoryLogger();
  const collector = createCollector(config, { logger, env, version: 'test' });
  await collector.start();
  const { otlpHttp, otlpGrpc, api } = collector.endpoints();
  const apiUrl = `http://${api}`;
  return {
    collector,
    config,
    otlpHttpUrl: `http://${otlpHttp}`,
    otlpGrpcAddress: otlpGrpc ?? '',
    apiUrl,
    logs: logger.lines,
    async getJson<T>(path: string) {
      const response = await fetch(`${apiUrl}${path}`);
      return { status: response.status, body: (await response.json()) as T };
    },
    async sendJson<T>(path: string, body: unknown, method = 'POST') {
      const init = body === undefined ? { method } : { method, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) };
      const response = await fetch(`${apiUrl}${path}`, init);
      const text = await response.text();
      return { status: response.status, body: (text === '' ? undefined : JSON.parse(text)) as T };
    },
    async metricValue(series: string) {
      const text = await (await fetch(`${apiUrl}/metrics`)).text();
      const wanted = parseSeries(series);
      for (const line of text.split('\n')) {
        if (line.startsWith('#') || line === '') continue;
        const at = line.lastIndexOf(' ');
        const found = parseSeries(line.slice(0, at));
        const matches = found.name === wanted.name && Object.entries(wanted.labels).every(([k, v]) => found.labels[k] === v);
        if (matches) return Number(line.slice(at + 1));
      }
      return 0;
    },
    stop: () => collector.shutdown(),
  };
}

/** `name{a="1",b="2"}` -> name and labels; a series given with fewer labels matches any with those. */
function parseSeries(series: string): { name: string; labels: Record<string, string> } {
  const brace = series.indexOf('{');
  if (brace < 0) return { name: series, labels: {} };
  const labels: Record<string, string> = {};
  for (const match of series.slice(brace).matchAll(/([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"/g)) labels[match[1]] = match[2];
  return { name: series.slice(0, brace), labels };
}

function deepMerge(base: Record<string, unknown>, over: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(over)) {
    const current = out[key];
    out[key] =
      isPlainObject(current) && isPlainObject(value) ? deepMerge(current, value) : value;
  }
  return out;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
