import { Server, ServerCredentials } from '@grpc/grpc-js';
import type { sendUnaryData, ServerUnaryCall } from '@grpc/grpc-js';
import { createServer } from 'node:http';
import type { IncomingHttpHeaders, Server as HttpServer, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import { InMemoryMetricsRegistry } from '../../model';
import { encodeTraces } from '../codec';
import { exportServiceDefinition } from '../grpc-receiver';
import { memoryLogger, span, traces } from '../testdata/fixtures';
import { defaultForwardConfig } from './config';
import type { ForwardConfig } from './config';
import type { ForwardRequest } from './forward-request';
import { createForwarder } from './forwarder';

interface Arrival {
  path: string;
  headers: IncomingHttpHeaders | Record<string, unknown>;
  body: Buffer;
}

/** A next hop that records requests; `answer` decides each reply (leave it unanswered to hang). */
async function httpNextHop(answer: (res: ServerResponse, n: number) => void) {
  const arrivals: Arrival[] = [];
  let notify: () => void = () => undefined;
  const server: HttpServer = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      arrivals.push({ path: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks) });
      answer(res, arrivals.length);
      notify();
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  const until = async (n: number) => {
    while (arrivals.length < n) await new Promise<void>((r) => (notify = r));
  };
  const close = () => {
    server.closeAllConnections();
    return new Promise((r) => server.close(r));
  };
  return { endpoint: `http://127.0.0.1:${port}`, arrivals, until, close };
}

const TRACES_BODY = Buffer.from(encodeTraces(traces(span())));

function request(overrides: Partial<ForwardRequest> = {}): ForwardRequest {
  return { signal: 'traces', body: TRACES_BODY, encoding: 'protobuf', gzip: false, toProtobuf: () => TRACES_BODY, ...overrides };
}

function forwarderFor(config: Partial<ForwardConfig>, waits: number[] = []) {
  const metrics = new InMemoryMetricsRegistry();
  const forwarder = createForwarder(
    { ...defaultForwardConfig(), ...config },
    { metrics, logger: memoryLogger(), sleep: async (ms) => void waits.push(ms), random: () => 0.5, drainTimeoutMs: 50 },
  );
  return { forwarder, metrics };
}

describe('forwarder to an OTLP/HTTP next hop', () => {
  it('sends the bytes unchanged with content type, encoding and configured headers', async () => {
    const hop = await httpNextHop((res) => res.end());
    const { forwarder, metrics } = forwarderFor({ endpoint: `${hop.endpoint}/otlp/`, headers: { authorization: 'Bearer t' } });
    const gzipped = gzipSync(TRACES_BODY);
    expect(forwarder.enqueue(request({ body: gzipped, gzip: true }))).toBe(true);
    await hop.until(1);
    expect(hop.arrivals[0].path).toBe('/otlp/v1/traces');
    expect(hop.arrivals[0].body).toEqual(gzipped);
    expect(hop.arrivals[0].headers).toMatchObject({
      'content-type': 'application/x-protobuf',
      'content-encoding': 'gzip',
      authorization: 'Bearer t',
    });
    await forwarder.shutdown();
    expect(metrics.get('twinops_forward_requests_total', { signal: 'traces', outcome: 'success' })).toBe(1);
    await hop.close();
  });

  it('retries 503 after the Retry-After delay', async () => {
    const hop = await httpNextHop((res, n) => {
      if (n === 1) res.writeHead(503, { 'Retry-After': '2' });
      res.end();
    });
    const waits: number[] = [];
    const { forwarder, metrics } = forwarderFor({ endpoint: hop.endpoint }, waits);
    forwarder.enqueue(request());
    await hop.until(2);
    await forwarder.shutdown();
    expect(waits).toEqual([2000]);
    expect(hop.arrivals[1].body).toEqual(TRACES_BODY);
    expect(metrics.get('twinops_forward_retries_total', { signal: 'traces' })).toBe(1);
    expect(metrics.get('twinops_forward_requests_total', { signal: 'traces', outcome: 'success' })).toBe(1);
    await hop.close();
  });

  it('drops what the next hop refuses for good, without retrying', async () => {
    const hop = await httpNextHop((res) => {
      res.writeHead(400);
      res.end();
    });
    const { forwarder, metrics } = forwarderFor({ endpoint: hop.endpoint });
    forwarder.enqueue(request());
    await forwarder.shutdown();
    expect(hop.arrivals).toHaveLength(1);
    expect(metrics.get('twinops_forward_dropped_requests_total', { signal: 'traces', reason: 'permanent_error' })).toBe(1);
    await hop.close();
  });

  it('never blocks enqueue on a next hop that does not answer: drops when full, and at shutdown', async () => {
    const hop = await httpNextHop(() => undefined);
    const { forwarder, metrics } = forwarderFor({ endpoint: hop.endpoint, concurrency: 1, queueMaxRequests: 1 });
    expect([forwarder.enqueue(request()), forwarder.enqueue(request()), forwarder.enqueue(request())]).toEqual([true, true, false]);
    expect(metrics.get('twinops_forward_queue_depth')).toBe(1);
    expect(metrics.get('twinops_forward_dropped_requests_total', { signal: 'traces', reason: 'queue_full' })).toBe(1);
    await hop.until(1);
    await forwarder.shutdown();
    expect(metrics.get('twinops_forward_dropped_requests_total', { signal: 'traces', reason: 'shutdown' })).toBe(2);
    expect(forwarder.enqueue(request())).toBe(false);
    await hop.close();
  });

  it('is off with an empty endpoint', async () => {
    const { forwarder } = forwarderFor({ endpoint: '' });
    expect(forwarder.enqueue(request())).toBe(false);
    await forwarder.shutdown();
  });
});

describe('forwarder to an OTLP/gRPC next hop', () => {
  it('sends protobuf (inflated when it came gzipped) and re-encodes JSON, with metadata', async () => {
    const arrivals: Arrival[] = [];
    let notify: () => void = () => undefined;
    const server = new Server();
    server.addService(exportServiceDefinition('traces'), {
      Export: (call: ServerUnaryCall<Buffer, Buffer>, callback: sendUnaryData<Buffer>) => {
        arrivals.push({ path: 'traces', headers: call.metadata.getMap(), body: call.request });
        callback(null, Buffer.alloc(0));
        notify();
      },
    });
    const port = await new Promise<number>((resolve, reject) =>
      server.bindAsync('127.0.0.1:0', ServerCredentials.createInsecure(), (err, p) => (err ? reject(err) : resolve(p))),
    );
    const { forwarder } = forwarderFor({ endpoint: `http://127.0.0.1:${port}`, protocol: 'grpc', headers: { 'X-Tenant': 'a' } });
    const reencoded = Buffer.from(encodeTraces(traces(span({ name: 'from json' }))));
    forwarder.enqueue(request({ body: gzipSync(TRACES_BODY), gzip: true }));
    forwarder.enqueue(request({ body: Buffer.from('{"resourceSpans":[]}'), encoding: 'json', toProtobuf: () => reencoded }));
    while (arrivals.length < 2) await new Promise<void>((r) => (notify = r));
    await forwarder.shutdown();
    const bodies = arrivals.map((a) => a.body);
    expect(bodies).toContainEqual(TRACES_BODY);
    expect(bodies).toContainEqual(reencoded);
    expect(arrivals[0].headers).toMatchObject({ 'x-tenant': 'a' });
    server.forceShutdown();
  });
});
