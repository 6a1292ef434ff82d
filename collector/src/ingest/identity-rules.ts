import type { Level, RelationType } from '../model';
import type { IdentityConfig, IdentityKeysConfig } from './config';

/** Entity types derived from resource attributes (hw comes from data point attributes). */
export type ResourceEntityType =
  | 'k8s_cluster'
  | 'k8s_namespace'
  | 'k8s_node'
  | 'host'
  | 'pod'
  | 'container'
  | 'process'
  | 'service'
  | 'instance';

/**
 * How one entity type is derived from resource attributes. The identifying keys come from the
 * config (`twin.identity.keys`); everything else is fixed here.
 */
export interface EntityRule {
  type: ResourceEntityType;
  /** Which list of `twin.identity.keys` identifies it. */
  keys: keyof IdentityKeysConfig;
  level: Level;
  /** The first present of these entities scopes the id: `<type>:<scope local id>/<value>`. */
  scope?: readonly ResourceEntityType[];
  /** Without a scope the entity is not created (a pid means nothing without its host). */
  scopeRequired?: boolean;
  /** An attribute whose value (when set) scopes the id instead, chosen by the config. */
  scopeAttribute?: (identity: IdentityConfig) => string | undefined;
  /** Display name: the first present, else the identifying value. */
  nameKeys: readonly string[];
  /** Attributes copied onto the entity: exact keys, or prefixes when they end in '.'. */
  attributes: readonly string[];
}

/**
 * The rule table, in dependency order (a scope comes before what it scopes). Levels follow the
 * seed: clusters, namespaces and services are systems; nodes, hosts, pods, containers, processes
 * and instances are assets.
 */
export const ENTITY_RULES: readonly EntityRule[] = [
  { type: 'k8s_cluster', keys: 'k8sCluster', level: 'system', nameKeys: ['k8s.cluster.name'], attributes: ['k8s.cluster.'] },
  {
    type: 'k8s_namespace', keys: 'k8sNamespace',
    level: 'system',
    scope: ['k8s_cluster'],
    nameKeys: ['k8s.namespace.name'],
    attributes: ['k8s.namespace.'],
  },
  { type: 'k8s_node', keys: 'k8sNode', level: 'asset', scope: ['k8s_cluster'], nameKeys: ['k8s.node.name'], attributes: ['k8s.node.'] },
  { type: 'host', keys: 'host', level: 'asset', nameKeys: ['host.name'], attributes: ['host.', 'os.', 'cloud.'] },
  {
    type: 'pod', keys: 'pod',
    level: 'asset',
    scope: ['k8s_namespace'],
    nameKeys: ['k8s.pod.name'],
    attributes: ['k8s.pod.', 'k8s.deployment.', 'k8s.replicaset.', 'k8s.statefulset.', 'k8s.daemonset.', 'k8s.job.', 'k8s.cronjob.'],
  },
  {
    type: 'container', keys: 'container',
    level: 'asset',
    nameKeys: ['container.name', 'k8s.container.name'],
    attributes: ['container.', 'k8s.container.'],
  },
  {
    type: 'process', keys: 'process',
    level: 'asset',
    scope: ['host'],
    scopeRequired: true,
    nameKeys: ['process.executable.name'],
    attributes: ['process.'],
  },
  {
    type: 'service', keys: 'service',
    level: 'system',
    scopeAttribute: (identity) => (identity.serviceNamespace ? 'service.namespace' : undefined),
    nameKeys: ['service.name'],
    attributes: ['service.name', 'service.namespace', 'deployment.environment.name', 'deployment.environment'],
  },
  {
    type: 'instance', keys: 'instance',
    level: 'asset',
    scope: ['service'],
    nameKeys: [],
    attributes: ['service.instance.id', 'service.version', 'telemetry.'],
  },
];

/** A relation between two derived entities: `subject -> first present object`. */
export interface RelationRule {
  subject: ResourceEntityType;
  objects: readonly ResourceEntityType[];
  type: RelationType;
}

export const RELATION_RULES: readonly RelationRule[] = [
  { subject: 'k8s_cluster', objects: ['k8s_namespace'], type: 'contains' },
  { subject: 'k8s_cluster', objects: ['k8s_node'], type: 'contains' },
  { subject: 'k8s_namespace', objects: ['pod'], type: 'contains' },
  { subject: 'pod', objects: ['k8s_node'], type: 'runs_on' },
  { subject: 'container', objects: ['pod', 'host'], type: 'runs_on' },
  { subject: 'process', objects: ['container', 'host'], type: 'runs_on' },
  { subject: 'service', objects: ['instance'], type: 'contains' },
  { subject: 'instance', objects: ['container', 'pod', 'host'], type: 'runs_on' },
];

/**
 * Which entity of a resource receives its signals and events: the most specific one present.
 * A service instance first (an SDK's own telemetry), then what a receiver scraped: a process,
 * container, pod, Kubernetes node or host; then the service; then namespace and cluster.
 */
export const PRIMARY_ORDER: readonly ResourceEntityType[] = [
  'instance',
  'process',
  'container',
  'pod',
  'k8s_node',
  'host',
  'service',
  'k8s_namespace',
  'k8s_cluster',
];

/** Hardware components: where a component hangs when it has no `hw.parent`, first present wins. */
export const HW_SCOPE: readonly ResourceEntityType[] = ['host', 'k8s_node', 'instance', 'service'];

/** Data point attributes that describe a component; they go on the entity, not in signal names. */
export const HW_DESCRIPTIVE_KEYS: readonly string[] = [
  'hw.id',
  'hw.type',
  'hw.parent',
  'hw.name',
  'hw.model',
  'hw.vendor',
  'hw.serial_number',
  'hw.firmware_version',
  'hw.sensor_location',
];
