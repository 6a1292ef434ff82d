import { resourceFromAttributes } from '@opentelemetry/resources';
import { DataPointType } from '@opentelemetry/sdk-metrics';
import type { Histogram } from '@opentelemetry/sdk-metrics';
import { defaultShopCatalog } from '../shop';
import type { InstanceStep } from '../shop';
import { INSTANCE_GAUGES, INSTANCE_HISTOGRAMS, poolServerSamples, recordInstanceStep } from './http-metrics';
import { createResourceMeter } from './resource-meter';
import type { ResourceMeter } from './resource-meter';

const catalog = defaultShopCatalog();
const ok = (d: number) => ({ durationSeconds: d, error: false });

function instanceStep(service: InstanceStep['service'], id: string, operations: InstanceStep['operations']): InstanceStep {
  return { id, service, host: 'r01-s1', up: true, utilization: 0.5, busyCores: 1, memoryBytes: 1000, operations };
}

describe('recordInstanceStep', () => {
  it('counts every request in the server histogram, split by status code, and the calls in the client one', async () => {
    const frontendOps = catalog.services.find((s) => s.name === 'frontend')!.operations;
    const op = frontendOps.find((o) => o.calls.some((c) => c.kind === 'http'))!;
    const call = op.calls.find((c) => c.kind === 'http')!;
    if (call.kind !== 'http') throw new Error('no http call');
    const frontend = instanceStep('frontend', 'frontend-1', [{ operation: op.name, requests: 1000, errors: 10, latencySamples: [ok(0.05), ok(0.1), { durationSeconds: 1, error: true }] }]);
    const callee = instanceStep(call.service, `${call.service}-1`, [{ operation: call.operation, requests: 500, errors: 0, latencySamples: [ok(0.02)] }]);
    const meter = createResourceMeter(resourceFromAttributes({}), INSTANCE_GAUGES, INSTANCE_HISTOGRAMS);
    expect(recordInstanceStep(meter, frontend, catalog, poolServerSamples([frontend, callee]), 1)).toBe(1000);
    const rm = await meter.collect();
    const metrics = new Map(rm.scopeMetrics[0].metrics.map((m) => [m.descriptor.name, m]));
    const server = metrics.get('http.server.request.duration')!;
    expect(server.dataPointType).toBe(DataPointType.HISTOGRAM);
    const byStatus = Object.fromEntries(server.dataPoints.map((p) => [p.attributes['http.response.status_code'] as number, (p.value as Histogram).count]));
    expect(byStatus).toEqual({ 200: 990, 503: 10 });
    expect(server.dataPoints[0].attributes['http.route']).toBe(op.http?.route);
    const client = metrics.get('http.client.request.duration')!;
    expect(client.dataPoints.map((p) => [p.attributes['server.address'], (p.value as Histogram).count])).toEqual([[call.service, Math.round(1000 * call.ratio)]]);
    expect(metrics.get('process.memory.usage')?.dataPoints[0].value).toBe(1000);
    await meter.shutdown();
  });

  it('makes as many histogram record calls at a million requests as at a thousand (one per weighted sample)', () => {
    const op = catalog.services.find((s) => s.name === 'frontend')!.operations.find((o) => o.calls.some((c) => c.kind === 'http'))!;
    const call = op.calls.find((c) => c.kind === 'http')!;
    if (call.kind !== 'http') throw new Error('no http call');
    const samples = [ok(0.05), ok(0.1), ok(0.2), { durationSeconds: 1, error: true }];
    const calls = (requests: number) => {
      const counted: Array<[string, number]> = [];
      const meter: ResourceMeter = {
        set: () => undefined,
        histogram: (name) => ({ record: (_value, count) => void counted.push([name, count]) }),
        collect: () => Promise.reject(new Error('not collected')),
        shutdown: async () => undefined,
      };
      const frontend = instanceStep('frontend', 'frontend-1', [{ operation: op.name, requests, errors: requests / 100, latencySamples: samples }]);
      const callee = instanceStep(call.service, `${call.service}-1`, [{ operation: call.operation, requests: requests / 2, errors: 0, latencySamples: [ok(0.02), ok(0.03)] }]);
      expect(recordInstanceStep(meter, frontend, catalog, poolServerSamples([frontend, callee]), 1)).toBe(requests);
      const server = counted.filter(([name]) => name === 'http.server.request.duration');
      expect(server.reduce((sum, [, n]) => sum + n, 0)).toBe(requests);
      return counted.length;
    };
    // Server: 3 successful samples and 1 failed (4 calls); client: the callee's 2 pooled samples (2 calls).
    expect(calls(1_000)).toBe(6);
    expect(calls(1_000_000)).toBe(6);
  });
});
