import { findOperation } from '../shop';
import type { InstanceStep, LatencySample, ShopCatalog } from '../shop';
import type { GaugeSpec, ResourceMeter } from './resource-meter';
import type { HistogramSpec } from './weighted-histogram';
import { weightedSamples } from './weighted-samples';

/** A service instance's metrics: HTTP server and client durations, and its memory. */
export const INSTANCE_GAUGES: readonly GaugeSpec[] = [
  { name: 'process.memory.usage', unit: 'By', description: 'Resident memory of the instance', instrument: 'gauge' },
];
export const INSTANCE_HISTOGRAMS: readonly HistogramSpec[] = [
  { name: 'http.server.request.duration', description: 'Duration of HTTP server requests' },
  { name: 'http.client.request.duration', description: 'Duration of HTTP client requests' },
];

const HTTP_PORT = 8080;
const status = (error: boolean) => (error ? 503 : 200);

/** Every instance's samples and counts per `service operation`: what a caller sees of the callee. */
export interface ServerPool {
  samples: LatencySample[];
  requests: number;
  errors: number;
}

export function poolServerSamples(instances: readonly InstanceStep[]): Map<string, ServerPool> {
  const pools = new Map<string, ServerPool>();
  for (const inst of instances) {
    for (const op of inst.operations) {
      const key = `${inst.service} ${op.operation}`;
      const pool = pools.get(key) ?? { samples: [], requests: 0, errors: 0 };
      pool.samples.push(...op.latencySamples);
      pool.requests += op.requests;
      pool.errors += op.errors;
      pools.set(key, pool);
    }
  }
  return pools;
}

/**
 * Records one step of an instance: each HTTP operation's requests into the server histogram
 * (weighted so the count equals the step's requests, split by status code), and its outgoing HTTP
 * calls into the client histogram: requests times the call ratio, with the callee's pooled
 * durations and error share. One record call per weighted sample, whatever the request count,
 * so the cost of a step does not grow with the load. Returns the number of server requests recorded.
 */
export function recordInstanceStep(meter: ResourceMeter, inst: InstanceStep, catalog: ShopCatalog, pools: ReadonlyMap<string, ServerPool>, timeoutSeconds: number): number {
  const server = meter.histogram('http.server.request.duration');
  const client = meter.histogram('http.client.request.duration');
  let recorded = 0;
  for (const op of inst.operations) {
    const spec = findOperation(catalog, inst.service, op.operation);
    if (spec.http) {
      const base = { 'http.route': spec.http.route, 'http.request.method': spec.http.method };
      const own = op.latencySamples.length > 0 ? op.latencySamples : (pools.get(`${inst.service} ${op.operation}`)?.samples ?? []);
      for (const w of weightedSamples(op.requests, op.errors, own, timeoutSeconds)) {
        const attributes = { ...base, 'http.response.status_code': status(w.error) };
        server.record(w.durationSeconds, w.count, attributes);
        recorded += w.count;
      }
    }
    for (const call of spec.calls) {
      if (call.kind !== 'http') continue;
      const pool = pools.get(`${call.service} ${call.operation}`);
      if (!pool) continue;
      const calls = op.requests * call.ratio;
      const errors = pool.requests > 0 ? (calls * pool.errors) / pool.requests : 0;
      const method = findOperation(catalog, call.service, call.operation).http?.method ?? 'GET';
      const base = { 'http.request.method': method, 'server.address': call.service, 'server.port': HTTP_PORT };
      for (const w of weightedSamples(calls, errors, pool.samples, timeoutSeconds)) {
        const attributes = { ...base, 'http.response.status_code': status(w.error) };
        client.record(w.durationSeconds, w.count, attributes);
      }
    }
  }
  meter.set('process.memory.usage', inst.up ? [{ value: inst.memoryBytes, attributes: {} }] : []);
  return recorded;
}
