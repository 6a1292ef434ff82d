import { Client, credentials, Metadata, status } from '@grpc/grpc-js';
import type { ServiceError } from '@grpc/grpc-js';
import { InMemoryMetricsRegistry } from '../model';
import type { AuthDecision } from '../model';
import { encodeExportResponse, encodeTraces } from './codec';
import { OverloadError } from './errors';
import type { ForwardRequest } from './forward';
import { GRPC_EXPORT_PATHS } from './grpc-paths';
import { createGrpcReceiver } from './grpc-receiver';
import type { Receiver } from './http-receiver';
import { createSignalHandler } from './handler';
import { createRateLimitedLog } from './rate-limited-log';
import { createReceiverMetrics } from './receiver-metrics';
import { parseRetryInfo } from './retry-info';
import { LOGS, METRICS, TRACES } from './signal-specs';
import type { Signal } from './telemetry';
import { gauge, logRecord, logs, memoryLogger, metrics, SinkConsumer, span, traces } from './testdata/fixtures';

const sink = new SinkConsumer();
const forwarded: ForwardRequest[] = [];
let decision: AuthDecision = 'ok';
let receiver: Receiver;
let client: Client;
let gzipClient: Client;

const identity = (b: Buffer) => b;

function call(c: Client, signal: Signal, body: Uint8Array, metadata = new Metadata()): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    c.makeUnaryRequest(GRPC_EXPORT_PATHS[signal], identity, identity, Buffer.from(body), metadata, (err, value) =>
      err ? reject(err) : resolve(value!),
    );
  });
}

function failureOf(promise: Promise<unknown>): Promise<ServiceError> {
  return promise.then(
    () => Promise.reject(new Error('expected the call to fail')),
    (err: ServiceError) => err,
  );
}

beforeAll(async () => {
  const deps = { metrics: createReceiverMetrics(new InMemoryMetricsRegistry()), log: createRateLimitedLog(memoryLogger(), 1000, Date.now) };
  receiver = createGrpcReceiver(
    { endpoint: '127.0.0.1:0', maxRequestBodyBytes: 64 * 1024 },
    {
      ...deps,
      handlers: {
        traces: createSignalHandler(TRACES, (d) => sink.consumeTraces(d), deps),
        metrics: createSignalHandler(METRICS, (d) => sink.consumeMetrics(d), deps),
        logs: createSignalHandler(LOGS, (d) => sink.consumeLogs(d), deps),
      },
      authorize: () => decision,
      forward: (r) => forwarded.push(r),
    },
  );
  await receiver.start();
  client = new Client(receiver.address()!, credentials.createInsecure());
  gzipClient = new Client(receiver.address()!, credentials.createInsecure(), { 'grpc.default_compression_algorithm': 2 });
});

afterEach(() => {
  sink.behave = () => undefined;
  decision = 'ok';
});

afterAll(async () => {
  client.close();
  gzipClient.close();
  await receiver.shutdown();
});

describe('OTLP/gRPC receiver', () => {
  it.each<[Signal, Uint8Array]>([
    ['traces', TRACES.encode(traces(span()))],
    ['metrics', METRICS.encode(metrics(gauge('cpu', [1])))],
    ['logs', LOGS.encode(logs(logRecord()))],
  ])('serves %s Export and forwards the protobuf bytes', async (signal, body) => {
    const reply = await call(client, signal, body);
    expect(reply).toEqual(Buffer.from(encodeExportResponse(signal, undefined, 'protobuf')));
    expect(forwarded.at(-1)).toMatchObject({ signal, encoding: 'protobuf', gzip: false });
    expect(Buffer.from(forwarded.at(-1)!.body)).toEqual(Buffer.from(body));
  });

  it('accepts gzip-compressed messages', async () => {
    await call(gzipClient, 'traces', encodeTraces(traces(span({ name: 'zipped' }))));
    expect(sink.spanNames().at(-1)).toBe('zipped');
  });

  it('answers partial success in the Export response', async () => {
    const reply = await call(client, 'traces', encodeTraces(traces(span({ spanId: '' }))));
    const message = 'rejected 1 of 1 spans (invalid_span_id: 1); first: span "GET /cart" has span id "" (must be 16 hex digits, not all zero)';
    expect(reply).toEqual(Buffer.from(encodeExportResponse('traces', { rejected: 1, message }, 'protobuf')));
  });

  it('answers INVALID_ARGUMENT for garbage', async () => {
    const err = await failureOf(call(client, 'metrics', Buffer.from([0x0a, 0xff, 0xff, 0x01])));
    expect(err.code).toBe(status.INVALID_ARGUMENT);
    expect(err.details).toMatch(/^malformed protobuf metrics request: /);
  });

  it('answers RESOURCE_EXHAUSTED above the size limit', async () => {
    const err = await failureOf(call(client, 'traces', Buffer.alloc(65 * 1024)));
    expect(err.code).toBe(status.RESOURCE_EXHAUSTED);
  });

  it.each<[AuthDecision, number]>([
    ['unauthenticated', status.UNAUTHENTICATED],
    ['forbidden', status.PERMISSION_DENIED],
  ])('answers %s from the authorization metadata', async (answer, code) => {
    decision = answer;
    const metadata = new Metadata();
    metadata.set('authorization', 'Bearer nope');
    const err = await failureOf(call(client, 'logs', LOGS.encode(logs(logRecord())), metadata));
    expect(err.code).toBe(code);
  });

  it('answers UNAVAILABLE with a RetryInfo hint when the consumer is overloaded', async () => {
    sink.behave = () => {
      throw new OverloadError('ingest queue full', 4);
    };
    const err = await failureOf(call(client, 'traces', encodeTraces(traces(span()))));
    expect([err.code, err.details]).toEqual([status.UNAVAILABLE, 'ingest queue full']);
    expect(parseRetryInfo(err.metadata.get('grpc-status-details-bin')[0] as Buffer)).toBe(4000);
  });

  it('shuts down without start, and twice', async () => {
    const r = createGrpcReceiver({ endpoint: '127.0.0.1:0', maxRequestBodyBytes: 1 }, {
      handlers: {} as never,
      metrics: createReceiverMetrics(new InMemoryMetricsRegistry()),
      log: createRateLimitedLog(memoryLogger(), 1, Date.now),
    });
    await r.shutdown();
    await r.shutdown();
    expect(r.address()).toBeUndefined();
  });
});
