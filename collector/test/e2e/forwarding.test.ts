/**
 * A collector in the middle of a pipeline: what it accepts goes on to the next hop (here a second
 * collector) over OTLP/HTTP unchanged, or over OTLP/gRPC re-encoded when it arrived as JSON.
 */
import { gzipSync } from 'node:zlib';
import type { EntityDetail } from '../../src/model';
import { startTestCollector } from '../support/test-collector';
import type { TestCollector } from '../support/test-collector';

const body = (service: string) =>
  JSON.stringify({
    resourceMetrics: [
      {
        resource: { attributes: [{ key: 'service.name', value: { stringValue: service } }] },
        scopeMetrics: [
          { metrics: [{ name: 'queue.depth', unit: '{item}', gauge: { dataPoints: [{ asInt: '17', timeUnixNano: `${Date.now()}000000` }] } }] },
        ],
      },
    ],
  });

async function eventually<T>(read: () => Promise<T | undefined>): Promise<T> {
  for (let i = 0; i < 100; i++) {
    const value = await read();
    if (value !== undefined) return value;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('the next hop never received the data');
}

async function queueDepthAt(hop: TestCollector, service: string): Promise<number | undefined> {
  const { status, body: detail } = await hop.getJson<EntityDetail>(`/api/v1/entities/service%3A${service}`);
  return status === 200 ? detail.signals.find((s) => s.name === 'queue.depth')?.latest?.v : undefined;
}

describe.each(['http', 'grpc'] as const)('forwarding over OTLP/%s', (protocol) => {
  let nextHop: TestCollector;
  let middle: TestCollector;
  beforeAll(async () => {
    nextHop = await startTestCollector();
    const endpoint = protocol === 'http' ? nextHop.otlpHttpUrl : nextHop.otlpGrpcAddress;
    middle = await startTestCollector({ forward: { endpoint, protocol } });
  });
  afterAll(async () => {
    await middle.stop();
    await nextHop.stop();
  });

  it('passes accepted requests on, gzip included, and both twins hold the data', async () => {
    const service = `billing-${protocol}`;
    const sent = await fetch(`${middle.otlpHttpUrl}/v1/metrics`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'content-encoding': 'gzip' },
      body: gzipSync(body(service)),
    });
    expect(sent.status).toBe(200);
    expect(await queueDepthAt(middle, service)).toBe(17);
    expect(await eventually(() => queueDepthAt(nextHop, service))).toBe(17);
    expect(await middle.metricValue(`twinops_forward_requests_total{signal="metrics",outcome="success"}`)).toBe(1);
  });

  it('does not forward what it rejected', async () => {
    const sent = await fetch(`${middle.otlpHttpUrl}/v1/metrics`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"resourceMetrics": [',
    });
    expect(sent.status).toBe(400);
    expect(await middle.metricValue(`twinops_forward_requests_total{signal="metrics",outcome="success"}`)).toBe(1);
  });
});
