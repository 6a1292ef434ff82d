import { resourceFromAttributes } from '@opentelemetry/resources';
import type { Resource } from '@opentelemetry/resources';
import type { HostLayout } from '../world';

/**
 * The OTLP resources of the demo: one per server, per service instance and per device. The
 * collector derives its entities from these attributes (`host:<host.name>`,
 * `service:shop/<name>`, `instance:...` running on its host).
 */

export const SERVICE_NAMESPACE = 'shop';
export const SERVICE_VERSION = '1.0.0';

export function hostResource(host: HostLayout): Resource {
  return resourceFromAttributes({
    'host.name': host.name,
    'host.id': host.name,
    'host.type': host.model.id,
  });
}

export function instanceResource(service: string, instance: string, host: string): Resource {
  return resourceFromAttributes({
    'service.name': service,
    'service.namespace': SERVICE_NAMESPACE,
    'service.instance.id': instance,
    'service.version': SERVICE_VERSION,
    'host.name': host,
  });
}

/** Service-level events without an instance (scale, restart of every instance). */
export function serviceResource(service: string): Resource {
  return resourceFromAttributes({ 'service.name': service, 'service.namespace': SERVICE_NAMESPACE, 'service.version': SERVICE_VERSION });
}

/**
 * A CRAC unit or a PDU, as an SNMP or Modbus exporter would report it: under a host name, its
 * id. The inventory gives each device that `host_name`, so the collector puts this telemetry on
 * `crac:dc1/crac-a1` rather than on a host; `host.type` says what it is.
 */
export function deviceResource(id: string, type: 'crac' | 'pdu'): Resource {
  return resourceFromAttributes({ 'host.name': id, 'host.id': id, 'host.type': type });
}
