/**
 * A fleet for the memory benchmark, as OTLP/protobuf metrics requests: service instances of
 * `services` services spread over `hosts` hosts, each with the resource a Node.js SDK sends
 * (service, instance, host, OS, cloud and runtime attributes; no process.pid, so no process
 * entities). Sent through the real path they become services, instances and hosts, with
 * `service contains instance` and `instance runs_on host` relations.
 */
import { encodeMetrics } from '../src/otlp/codec';
import type { Metric, ResourceMetrics } from '../src/otlp';
import { createRandom } from './random';

export interface FleetShape {
  services: number;
  instances: number;
  hosts: number;
}

/** Entities the fleet turns into. */
export function fleetEntities(shape: FleetShape): number {
  return shape.services + shape.instances + shape.hosts;
}

export const GAUGE_NAME = 'process.cpu.utilization';
export const GAUGE_SIGNAL = `${GAUGE_NAME}{cpu.mode="user"}`;

const SCOPE = { name: '@opentelemetry/host-metrics', version: '0.36.0', attributes: {}, droppedAttributesCount: 0 };

function resourceOf(i: number, shape: FleetShape, hostIds: string[], instanceIds: string[]) {
  const service = i % shape.services;
  const host = i % shape.hosts;
  return {
    attributes: {
      'service.name': `service-${service.toString().padStart(4, '0')}`,
      'service.namespace': 'shop',
      'service.version': `1.${service % 9}.${i % 5}`,
      'service.instance.id': instanceIds[i],
      'deployment.environment.name': 'production',
      'telemetry.sdk.name': 'opentelemetry',
      'telemetry.sdk.language': 'nodejs',
      'telemetry.sdk.version': '2.12.0',
      'host.name': `node-${host.toString().padStart(5, '0')}.dc1.example.com`,
      'host.id': hostIds[host],
      'host.arch': 'amd64',
      'os.type': 'linux',
      'os.version': '6.1.0-18-amd64',
      'cloud.provider': 'gcp',
      'cloud.region': `europe-west${1 + (host % 4)}`,
      'process.runtime.name': 'nodejs',
      'process.runtime.version': '20.20.2',
      'process.runtime.description': 'Node.js',
    },
    droppedAttributesCount: 0,
  };
}

function gauge(timeUnixNano: number, value: number): Metric {
  const point = { attributes: { 'cpu.mode': 'user' }, startTimeUnixNano: 0, timeUnixNano, flags: 0, value };
  return { name: GAUGE_NAME, description: '', unit: '1', metadata: {}, data: { type: 'gauge', dataPoints: [point] } };
}

/**
 * One resource per instance, `perRequest` resources per request. With `gaugeTimeNanos` each
 * resource carries one gauge point (one signal on its instance); without, no metrics at all.
 */
export function generateFleetRequests(shape: FleetShape, perRequest: number, gaugeTimeNanos?: number): Uint8Array[] {
  const rnd = createRandom(11);
  const hostIds = Array.from({ length: shape.hosts }, () => rnd.hex(16));
  const instanceIds = Array.from({ length: shape.instances }, () => rnd.hex(16));
  const bodies: Uint8Array[] = [];
  for (let first = 0; first < shape.instances; first += perRequest) {
    const resourceMetrics: ResourceMetrics[] = [];
    for (let i = first; i < Math.min(first + perRequest, shape.instances); i++) {
      const metrics = gaugeTimeNanos === undefined ? [] : [gauge(gaugeTimeNanos, rnd.next())];
      const scopeMetrics = metrics.length === 0 ? [] : [{ scope: SCOPE, metrics, schemaUrl: '' }];
      resourceMetrics.push({ resource: resourceOf(i, shape, hostIds, instanceIds), scopeMetrics, schemaUrl: '' });
    }
    bodies.push(encodeMetrics({ resourceMetrics }));
  }
  return bodies;
}
