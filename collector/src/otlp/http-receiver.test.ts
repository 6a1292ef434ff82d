import { gzipSync } from 'node:zlib';
import { InMemoryMetricsRegistry } from '../model';
import type { AuthDecision } from '../model';
import { decodeTraces, encodeExportResponse, encodeStatus, encodeTraces } from './codec';
import { OverloadError } from './errors';
import type { ForwardRequest } from './forward';
import { createSignalHandler } from './handler';
import { createHttpReceiver } from './http-receiver';
import type { Receiver } from './http-receiver';
import { createRateLimitedLog } from './rate-limited-log';
import { createReceiverMetrics } from './receiver-metrics';
import { LOGS, METRICS, TRACES } from './signal-specs';
import { gauge, logRecord, logs, memoryLogger, metrics, SinkConsumer, span, traces } from './testdata/fixtures';
import { post, stalledPost } from './testdata/http-client';

const LIMIT = 2 * 1024 * 1024;
const PROTOBUF = { 'Content-Type': 'application/x-protobuf' };
const JSON_TYPE = { 'Content-Type': 'application/json' };
const ZERO_TRACE = '0'.repeat(32);

const sink = new SinkConsumer();
const registry = new InMemoryMetricsRegistry();
const forwarded: ForwardRequest[] = [];
let decision: AuthDecision = 'ok';
let authCalls = 0;
let receiver: Receiver;
let address: string;

function settings() {
  const deps = { metrics: createReceiverMetrics(registry), log: createRateLimitedLog(memoryLogger(), 60_000, Date.now) };
  return {
    ...deps,
    handlers: {
      traces: createSignalHandler(TRACES, (d) => sink.consumeTraces(d), deps),
      metrics: createSignalHandler(METRICS, (d) => sink.consumeMetrics(d), deps),
      logs: createSignalHandler(LOGS, (d) => sink.consumeLogs(d), deps),
    },
    authorize: () => {
      authCalls++;
      return decision;
    },
    forward: (r: ForwardRequest) => forwarded.push(r),
  };
}

const validBody = () => Buffer.from(encodeTraces(traces(span())));
const jsonStatus = (code: number, message: string) => JSON.parse(Buffer.from(encodeStatus(code, message, 'json')).toString());

beforeAll(async () => {
  receiver = createHttpReceiver({ endpoint: '127.0.0.1:0', maxRequestBodyBytes: LIMIT, maxConcurrentRequests: 2 }, settings());
  await receiver.start();
  address = receiver.address()!;
});

afterEach(async () => {
  sink.behave = () => undefined;
  decision = 'ok';
  // Whatever the test did, the server still takes a valid request.
  const reply = await post(address, '/v1/traces', validBody(), { headers: PROTOBUF });
  expect(reply.status).toBe(200);
});

afterAll(() => receiver.shutdown());

describe('OTLP/HTTP receiver: success', () => {
  it('accepts protobuf and answers an empty protobuf response', async () => {
    const body = validBody();
    const reply = await post(address, '/v1/traces', body, { headers: PROTOBUF });
    expect(reply.status).toBe(200);
    expect(reply.headers['content-type']).toBe('application/x-protobuf');
    expect(reply.body).toEqual(Buffer.alloc(0));
    expect(sink.spanNames().at(-1)).toBe('GET /cart');
    expect(Buffer.from(forwarded.at(-1)!.body)).toEqual(body);
  });

  it('accepts OTLP/JSON on the same port, with a charset parameter, for every signal', async () => {
    const json = { resourceMetrics: [] };
    const reply = await post(address, '/v1/metrics', Buffer.from(JSON.stringify(json)), {
      headers: { 'Content-Type': 'application/json; charset=utf-8' },
    });
    expect([reply.status, reply.headers['content-type'], reply.text]).toEqual([200, 'application/json', '{}']);
    const logsBody = JSON.stringify({
      resourceLogs: [{ scopeLogs: [{ logRecords: [{ body: { stringValue: 'disk full' }, severityNumber: 17 }] }] }],
    });
    expect((await post(address, '/v1/logs', Buffer.from(logsBody), { headers: JSON_TYPE })).status).toBe(200);
    expect(sink.logs.at(-1)!.resourceLogs[0].scopeLogs[0].logRecords[0].body).toBe('disk full');
  });

  it('inflates gzip and forwards the still-compressed bytes', async () => {
    const body = gzipSync(Buffer.from(encodeMetricsBody()));
    const reply = await post(address, '/v1/metrics', body, { headers: { ...PROTOBUF, 'Content-Encoding': 'gzip' } });
    expect(reply.status).toBe(200);
    expect(sink.metrics.at(-1)!.resourceMetrics[0].scopeMetrics[0].metrics[0].name).toBe('cpu');
    expect(forwarded.at(-1)).toMatchObject({ signal: 'metrics', encoding: 'protobuf', gzip: true });
    expect(Buffer.from(forwarded.at(-1)!.body)).toEqual(body);
  });

  it('answers partial success naming the rejected span, in protobuf and in JSON', async () => {
    const data = traces(span({ name: 'zero', traceId: ZERO_TRACE }), span({ name: 'ok' }));
    const message = `rejected 1 of 2 spans (invalid_trace_id: 1); first: span "zero" has trace id "${ZERO_TRACE}" (must be 32 hex digits, not all zero)`;
    const proto = await post(address, '/v1/traces', Buffer.from(encodeTraces(data)), { headers: PROTOBUF });
    expect(proto.status).toBe(200);
    expect(proto.body).toEqual(Buffer.from(encodeExportResponse('traces', { rejected: 1, message }, 'protobuf')));
    const jsonBody = JSON.stringify({
      resourceSpans: [{ scopeSpans: [{ spans: [{ traceId: ZERO_TRACE, spanId: 'eee19b7ec3c1b174', name: 'zero' }] }] }],
    });
    const json = await post(address, '/v1/traces', Buffer.from(jsonBody), { headers: JSON_TYPE });
    expect(JSON.parse(json.text)).toEqual({
      partialSuccess: { rejectedSpans: '1', errorMessage: message.replace('1 of 2', '1 of 1') },
    });
  });
});

function encodeMetricsBody(): Uint8Array {
  return METRICS.encode(metrics(gauge('cpu', [0.5])));
}

describe('OTLP/HTTP receiver: refusals', () => {
  it('answers 400 with a Status naming the problem for a truncated protobuf body', async () => {
    const body = validBody().subarray(0, 20);
    const decoded = decodeTraces(body, 'protobuf');
    if (decoded.ok) throw new Error('expected the truncated body not to decode');
    const reply = await post(address, '/v1/traces', body, { headers: PROTOBUF });
    expect([reply.status, reply.headers['content-type']]).toEqual([400, 'application/x-protobuf']);
    expect(reply.body).toEqual(Buffer.from(encodeStatus(3, `malformed protobuf traces request: ${decoded.error}`, 'protobuf')));
  });

  it('answers 400 in JSON for invalid JSON', async () => {
    const reply = await post(address, '/v1/logs', Buffer.from('{"resourceLogs": [}'), { headers: JSON_TYPE });
    expect([reply.status, reply.headers['content-type']]).toEqual([400, 'application/json']);
    expect(JSON.parse(reply.text)).toEqual({ code: 3, message: expect.stringMatching(/^malformed OTLP\/JSON logs request: /) });
  });

  it('answers 400 for a corrupted gzip body', async () => {
    const body = gzipSync(validBody());
    body[body.length - 6] ^= 0xff; // breaks the CRC
    const reply = await post(address, '/v1/traces', body, { headers: { ...JSON_TYPE, 'Content-Encoding': 'gzip' } });
    expect(reply.status).toBe(400);
    expect(JSON.parse(reply.text).message).toMatch(/^corrupted gzip body: /);
  });

  it.each([
    ['/v1/traces', 'POST', { 'Content-Type': 'text/plain' }, 415, 12, 'unsupported Content-Type "text/plain": send application/x-protobuf (binary protobuf) or application/json (OTLP/JSON)', {}],
    ['/v1/traces', 'POST', { ...PROTOBUF, 'Content-Encoding': 'zstd' }, 415, 12, 'unsupported Content-Encoding "zstd": this receiver accepts gzip or no compression; set `compression: gzip` or `compression: none` on the exporter', {}],
    ['/v1/traces', 'GET', PROTOBUF, 405, 12, 'method GET is not allowed: use POST', { allow: 'POST' }],
    ['/v1/spans', 'POST', PROTOBUF, 404, 12, 'no OTLP endpoint at "/v1/spans": use POST /v1/traces, /v1/metrics or /v1/logs', {}],
  ])('%s %s %j → %i', async (path, method, headers, status, code, message, extra) => {
    const reply = await post(address, path, method === 'GET' ? Buffer.alloc(0) : validBody(), { method, headers });
    expect(reply.status).toBe(status);
    expect(reply.headers).toMatchObject(extra);
    const encoding = reply.headers['content-type'] === 'application/x-protobuf' ? 'protobuf' : 'json';
    expect(reply.body).toEqual(Buffer.from(encodeStatus(code, message, encoding)));
  });

  it('answers 413 for a declared body over the limit, and for a chunked one', async () => {
    const big = Buffer.alloc(LIMIT + 1024, 7);
    const message = `request body of ${LIMIT + 1024} bytes exceeds the limit of ${LIMIT} bytes (receivers.otlp.http.max_request_body_bytes)`;
    const declared = await post(address, '/v1/traces', big, { headers: JSON_TYPE });
    expect([declared.status, JSON.parse(declared.text)]).toEqual([413, jsonStatus(8, message)]);
    const chunked = await post(address, '/v1/traces', big, { headers: JSON_TYPE, chunked: true });
    expect(chunked.status).toBe(413);
    expect(JSON.parse(chunked.text).message).toBe(
      `request body exceeds the limit of ${LIMIT} bytes (receivers.otlp.http.max_request_body_bytes)`,
    );
  });

  it('stops inflating a gzip bomb at the limit and answers 413', async () => {
    // 1 GiB of zeros: 1024 gzip members of 1 MiB each, about 1 MB on the wire.
    const member = gzipSync(Buffer.alloc(1024 * 1024), { level: 9 });
    const bomb = Buffer.concat(Array.from({ length: 1024 }, () => member));
    const before = registry.get('twinops_otlp_decompressed_bytes_total', { signal: 'traces', transport: 'http' });
    const reply = await post(address, '/v1/traces', bomb, { headers: { ...PROTOBUF, 'Content-Encoding': 'gzip' } });
    expect(reply.status).toBe(413);
    expect(reply.body).toEqual(
      Buffer.from(
        encodeStatus(8, `request body after gzip decompression exceeds the limit of ${LIMIT} bytes (receivers.otlp.http.max_request_body_bytes)`, 'protobuf'),
      ),
    );
    const inflated = registry.get('twinops_otlp_decompressed_bytes_total', { signal: 'traces', transport: 'http' }) - before;
    // Stopped within one zlib output chunk (16 KiB) past the limit, not after 1 GiB.
    expect(inflated).toBeGreaterThan(LIMIT);
    expect(inflated).toBeLessThanOrEqual(LIMIT + 16 * 1024);
  });

  it.each<[AuthDecision, number, number, string]>([
    ['unauthenticated', 401, 16, 'missing or unknown credentials: send Authorization: Bearer <token>'],
    ['forbidden', 403, 7, 'the token may not write telemetry (needs the write scope)'],
  ])('answers %s with %i and a Status', async (answer, status, code, message) => {
    decision = answer;
    const reply = await post(address, '/v1/traces', validBody(), { headers: PROTOBUF });
    expect(reply.status).toBe(status);
    expect(reply.body).toEqual(Buffer.from(encodeStatus(code, message, 'protobuf')));
  });

  it('sheds load past the in-flight cap with 503 and Retry-After: 1', async () => {
    const calls = authCalls;
    const headers = { ...PROTOBUF, 'Content-Length': String(validBody().length) };
    const slow = [stalledPost(address, '/v1/traces', headers), stalledPost(address, '/v1/traces', headers)];
    while (authCalls < calls + 2) await new Promise((r) => setImmediate(r)); // both are in flight
    const shed = await post(address, '/v1/traces', validBody(), { headers: PROTOBUF });
    expect([shed.status, shed.headers['retry-after']]).toEqual([503, '1']);
    expect(JSON.parse(shed.text)).toEqual(jsonStatus(14, 'too many requests in flight (2): retry later'));
    for (const s of slow) s.finish(validBody());
    expect((await Promise.all(slow.map((s) => s.reply))).map((r) => r?.status)).toEqual([200, 200]);
  });

  it('answers 429 with Retry-After when the consumer is overloaded', async () => {
    sink.behave = () => {
      throw new OverloadError('ingest queue full', 5);
    };
    const reply = await post(address, '/v1/logs', Buffer.from(LOGS.encode(logs(logRecord()))), { headers: PROTOBUF });
    expect([reply.status, reply.headers['retry-after']]).toEqual([429, '5']);
    expect(reply.body).toEqual(Buffer.from(encodeStatus(14, 'ingest queue full', 'protobuf')));
  });

  it('survives clients that go away mid-body, and frees their slots', async () => {
    const calls = authCalls;
    const headers = { ...PROTOBUF, 'Content-Length': '1000' };
    const gone = [stalledPost(address, '/v1/traces', headers), stalledPost(address, '/v1/traces', headers)];
    for (const g of gone) g.req.write(Buffer.alloc(10));
    while (authCalls < calls + 2) await new Promise((r) => setImmediate(r));
    for (const g of gone) g.abort();
    expect(await Promise.all(gone.map((g) => g.reply))).toEqual([undefined, undefined]);
    let status = 0;
    for (let i = 0; i < 100 && status !== 200; i++) {
      status = (await post(address, '/v1/traces', validBody(), { headers: PROTOBUF })).status;
    }
    expect(status).toBe(200);
  });
});

describe('OTLP/HTTP receiver lifecycle', () => {
  it('shuts down without start, and twice', async () => {
    const r = createHttpReceiver({ endpoint: '127.0.0.1:0', maxRequestBodyBytes: 1, maxConcurrentRequests: 1 }, settings());
    await r.shutdown();
    await r.shutdown();
    expect(r.address()).toBeUndefined();
  });

  it('rejects start when the port is taken', async () => {
    const r = createHttpReceiver({ endpoint: address, maxRequestBodyBytes: 1, maxConcurrentRequests: 1 }, settings());
    await expect(r.start()).rejects.toThrow(/EADDRINUSE/);
    await r.shutdown();
  });
});
