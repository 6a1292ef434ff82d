import { bool, list, obj, str } from '../config';
import { twinHistoryConfigSchema, twinLimitsConfigSchema, validateTwinModelConfig } from '../model';
import { processesConfigSchema } from './process-twins';
import { serviceGraphConfigSchema, validateServiceGraphConfig } from './service-graph';
import type { ValueOf } from '../config';

const keys = (defaults: string[], doc: string) => list(str('', 'an attribute key'), defaults, doc);

/**
 * Which resource attributes identify each entity type, in order of preference: the first one
 * present gives the id. An empty list turns that entity type off.
 */
export const identityKeysConfigSchema = obj({
  service: keys(['service.name'], 'service: service:<name> (service:<namespace>/<name>, see service_namespace)'),
  instance: keys(['service.instance.id'], 'service instance: instance:<service>/<id>'),
  host: keys(
    ['host.name', 'host.id'],
    'host: host:<value>; the name comes first because it is readable and the inventory names hosts',
  ),
  container: keys(['container.id'], 'container: container:<id>'),
  pod: keys(['k8s.pod.name', 'k8s.pod.uid'], 'Kubernetes pod: pod:<namespace>/<name>'),
  k8s_node: keys(['k8s.node.name', 'k8s.node.uid'], 'Kubernetes node: k8s_node:<name>'),
  k8s_namespace: keys(['k8s.namespace.name'], 'Kubernetes namespace: k8s_namespace:<name>'),
  k8s_cluster: keys(['k8s.cluster.name', 'k8s.cluster.uid'], 'Kubernetes cluster: k8s_cluster:<name>'),
  process: keys(['process.pid'], 'process on a host: process:<host>/<pid>'),
  hw: keys(['hw.id'], 'hardware component (a data point attribute), unique within its host: hw:<host>/<hw.id>'),
});

export const identityConfigSchema = obj({
  service_namespace: bool(true, 'service ids include service.namespace when it is set: service:<namespace>/<name>'),
  keys: identityKeysConfigSchema,
});

export const inventoryConfigSchema = obj({
  file: str('', "an inventory file (.yaml, .yml or .csv) of sites, rooms, racks, CRACs and PDUs; '' = none"),
});

/** The `twin` section: the graph store's limits and history, identity rules, and the inventory. */
export const twinConfigSchema = obj({
  limits: twinLimitsConfigSchema,
  history: twinHistoryConfigSchema,
  identity: identityConfigSchema,
  inventory: inventoryConfigSchema,
  processes: processesConfigSchema,
  service_graph: serviceGraphConfigSchema,
});

export type IdentityKeysConfig = ValueOf<typeof identityKeysConfigSchema>;
export type IdentityConfig = ValueOf<typeof identityConfigSchema>;
export type InventoryConfig = ValueOf<typeof inventoryConfigSchema>;
export type TwinConfig = ValueOf<typeof twinConfigSchema>;

export function defaultTwinConfig(): TwinConfig {
  return twinConfigSchema.parse({}, 'twin', []);
}

/** Cross-field rules; `path` is where the section sits (normally `twin`). */
export function validateTwinConfig(config: TwinConfig, path = 'twin'): string[] {
  const errors = validateTwinModelConfig(config, path);
  const inventory = config.inventory.file;
  if (inventory !== '' && !/\.(ya?ml|csv)$/i.test(inventory)) {
    errors.push(`${path}.inventory.file: must end in .yaml, .yml or .csv, got ${JSON.stringify(inventory)}`);
  }
  for (const [type, list] of Object.entries(config.identity.keys)) {
    if (list.some((key) => key === '')) errors.push(`${path}.identity.keys.${type}: must not contain an empty key`);
  }
  errors.push(...validateServiceGraphConfig(config.serviceGraph, `${path}.service_graph`));
  return errors;
}
