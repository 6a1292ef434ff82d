import { OTLPTraceExporter as GrpcTraceExporter } from '@opentelemetry/exporter-trace-otlp-grpc';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { BasicTracerProvider, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';
import type { SpanExporter } from '@opentelemetry/sdk-trace-base';
import { execFile } from 'node:child_process';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { InMemoryMetricsRegistry } from '../model';
import { encodeTraces } from './codec';
import { defaultOtlpReceiverConfig, validateOtlpReceiverConfig } from './config';
import { defaultForwardConfig, validateForwardConfig } from './forward';
import { createOtlpReceivers } from './otlp-receivers';
import type { OtlpReceiversConfig } from './otlp-receivers';
import { memoryLogger, SinkConsumer, span, traces } from './testdata/fixtures';
import { post } from './testdata/http-client';

function testConfig(): OtlpReceiversConfig {
  const otlp = defaultOtlpReceiverConfig();
  otlp.http.endpoint = '127.0.0.1:0';
  otlp.grpc.endpoint = '127.0.0.1:0';
  return { otlp, forward: defaultForwardConfig() };
}

function build(config = testConfig()) {
  const sink = new SinkConsumer();
  const metrics = new InMemoryMetricsRegistry();
  const receivers = createOtlpReceivers(config, {
    consumers: { traces: sink, metrics: sink, logs: sink },
    metrics,
    logger: memoryLogger(),
    forwarder: { drainTimeoutMs: 50 },
  });
  return { sink, metrics, receivers };
}

describe('createOtlpReceivers lifecycle', () => {
  it('validates its default config', () => {
    expect(validateOtlpReceiverConfig(defaultOtlpReceiverConfig())).toEqual([]);
    expect(validateForwardConfig(defaultForwardConfig())).toEqual([]);
  });

  it('starts, shuts down, and shuts down again', async () => {
    const { receivers } = build();
    await receivers.start();
    expect(receivers.httpAddress()).toMatch(/^127\.0\.0\.1:\d+$/);
    expect(receivers.grpcAddress()).toMatch(/^127\.0\.0\.1:\d+$/);
    await receivers.shutdown();
    await receivers.shutdown();
  });

  it('shuts down without start', async () => {
    const { receivers } = build();
    await receivers.shutdown();
    await receivers.shutdown();
    expect(receivers.httpAddress()).toBeUndefined();
  });

  it('rejects start and leaves nothing open when a port is taken', async () => {
    const first = build();
    await first.receivers.start();
    const config = testConfig();
    config.otlp.grpc.endpoint = first.receivers.grpcAddress()!;
    const second = build(config);
    await expect(second.receivers.start()).rejects.toThrow();
    expect(second.receivers.httpAddress()).toBeUndefined();
    await first.receivers.shutdown();
  });
});

describe('official OpenTelemetry exporters as clients', () => {
  const { sink, receivers } = build();
  beforeAll(() => receivers.start());
  afterAll(() => receivers.shutdown());

  async function exportSpan(exporter: SpanExporter, name: string): Promise<void> {
    const provider = new BasicTracerProvider({
      resource: resourceFromAttributes({ 'service.name': 'checkout' }),
      spanProcessors: [new SimpleSpanProcessor(exporter)],
    });
    provider.getTracer('test').startSpan(name).end();
    await provider.forceFlush();
    await provider.shutdown();
  }

  it('exporter-trace-otlp-grpc delivers a span', async () => {
    await exportSpan(new GrpcTraceExporter({ url: `http://${receivers.grpcAddress()}` }), 'over grpc');
    const resourceSpans = sink.traces.at(-1)!.resourceSpans[0];
    expect(resourceSpans.resource.attributes['service.name']).toBe('checkout');
    expect(resourceSpans.scopeSpans[0].spans[0].name).toBe('over grpc');
  });

  // The HTTP exporters load node:http with a dynamic import(), which Jest's CommonJS runtime
  // refuses without --experimental-vm-modules; they run in a plain node child process instead.
  it.each([
    ['@opentelemetry/exporter-trace-otlp-proto', { compression: 'gzip' }],
    ['@opentelemetry/exporter-trace-otlp-http', {}],
  ])('%s %j delivers a span', async (pkg, options) => {
    const url = `http://${receivers.httpAddress()}/v1/traces`;
    const codes = await runExporter(pkg, { url, ...options }, pkg);
    expect(codes).toBe('[0]'); // ExportResultCode.SUCCESS
    const resourceSpans = sink.traces.at(-1)!.resourceSpans[0];
    expect(resourceSpans.resource.attributes['service.name']).toBe('checkout');
    expect(resourceSpans.scopeSpans[0].spans[0].name).toBe(pkg);
  });
});

/** Exports one span named `spanName` with the exporter from `pkg`; resolves with the result codes as JSON. */
function runExporter(pkg: string, options: object, spanName: string): Promise<string> {
  const script = `
    const { OTLPTraceExporter } = require(${JSON.stringify(pkg)});
    const { BasicTracerProvider, SimpleSpanProcessor } = require('@opentelemetry/sdk-trace-base');
    const { resourceFromAttributes } = require('@opentelemetry/resources');
    const exporter = new OTLPTraceExporter(${JSON.stringify(options)});
    const codes = [];
    const recording = {
      export: (spans, done) => exporter.export(spans, (r) => { codes.push(r.code); done(r); }),
      shutdown: () => exporter.shutdown(),
    };
    const provider = new BasicTracerProvider({
      resource: resourceFromAttributes({ 'service.name': 'checkout' }),
      spanProcessors: [new SimpleSpanProcessor(recording)],
    });
    provider.getTracer('test').startSpan(${JSON.stringify(spanName)}).end();
    provider.forceFlush().then(() => provider.shutdown()).then(() => process.stdout.write(JSON.stringify(codes)));
  `;
  return new Promise((resolve, reject) =>
    execFile(process.execPath, ['-e', script], { cwd: __dirname, timeout: 20_000 }, (err, stdout, stderr) =>
      err ? reject(new Error(`${err.message}\n${stderr}`)) : resolve(stdout),
    ),
  );
}

describe('forwarding from the receivers', () => {
  it('answers 200 while the next hop hangs, and does not forward a refused request', async () => {
    let arrivals = 0;
    const hop = createServer(() => void arrivals++); // never answers
    await new Promise<void>((r) => hop.listen(0, '127.0.0.1', r));
    const config = testConfig();
    config.forward.endpoint = `http://127.0.0.1:${(hop.address() as AddressInfo).port}`;
    const { receivers, metrics } = build(config);
    await receivers.start();
    const body = Buffer.from(encodeTraces(traces(span())));
    const ok = await post(receivers.httpAddress()!, '/v1/traces', body, { headers: { 'Content-Type': 'application/x-protobuf' } });
    expect(ok.status).toBe(200);
    const bad = await post(receivers.httpAddress()!, '/v1/traces', Buffer.from('{'), { headers: { 'Content-Type': 'application/json' } });
    expect(bad.status).toBe(400);
    while (arrivals < 1) await new Promise((r) => setTimeout(r, 5));
    await receivers.shutdown(); // the drain deadline passes; the hung request is dropped
    expect(arrivals).toBe(1);
    expect(metrics.get('twinops_forward_dropped_requests_total', { signal: 'traces', reason: 'shutdown' })).toBe(1);
    hop.closeAllConnections();
    hop.close();
  });
});
