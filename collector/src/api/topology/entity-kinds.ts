import type { Entity, RelationType } from '../../model';

/** The three views of the topology route. */
export const TOPOLOGY_VIEWS = ['services', 'infra', 'all'] as const;
export type TopologyView = (typeof TOPOLOGY_VIEWS)[number];

/**
 * Where an entity belongs: the service graph (services, virtual nodes, flows), the
 * infrastructure, a service instance (collapsed in the views), or neither (operating-system
 * processes and types no view knows: reachable through /api/v1/entities only).
 */
export type EntityKind = 'service' | 'infra' | 'instance' | 'other';

// The service graph's node types: services and the virtual callers and callees of issue 3.
const SERVICE_TYPES: ReadonlySet<string> = new Set(['service', 'user', 'unknown', 'database', 'messaging', 'external', 'flow']);

// Hosts and Kubernetes objects from resources, hardware components, and what an inventory holds.
const INFRA_TYPES: ReadonlySet<string> = new Set([
  'host',
  'k8s_cluster',
  'k8s_namespace',
  'k8s_node',
  'pod',
  'container',
  'hw',
  'rack',
  'row',
  'room',
  'site',
  'enterprise',
  'crac',
  'pdu',
]);

export function kindOf(entity: Pick<Entity, 'type' | 'level'>): EntityKind {
  if (entity.type === 'instance') return 'instance';
  // Every process-level entity is a flow (a process twin), whatever a later writer calls its type.
  if (entity.level === 'process' || SERVICE_TYPES.has(entity.type)) return 'service';
  if (INFRA_TYPES.has(entity.type)) return 'infra';
  return 'other';
}

/** Edge types of the service graph; they carry traffic statistics and go idle when traffic stops. */
export const SERVICE_EDGE_TYPES: ReadonlySet<RelationType> = new Set<RelationType>(['calls', 'database', 'messaging', 'part_of', 'depends_on']);

/** Structural edge types: they hold while the twin holds them (an inventory never touches its edges again). */
export const INFRA_EDGE_TYPES: ReadonlySet<RelationType> = new Set<RelationType>(['contains', 'runs_on', 'cools', 'powers', 'routes_via']);

/** Edges that disappear once idle: those traffic keeps touching. */
export const IDLE_EDGE_TYPES: ReadonlySet<RelationType> = new Set<RelationType>(['calls', 'database', 'messaging', 'part_of']);

export function viewKeepsNode(view: TopologyView, kind: EntityKind): boolean {
  if (view === 'services') return kind === 'service';
  if (view === 'infra') return kind === 'infra';
  return kind === 'service' || kind === 'infra';
}

export function viewKeepsEdge(view: TopologyView, type: RelationType): boolean {
  if (view === 'services') return SERVICE_EDGE_TYPES.has(type);
  if (view === 'infra') return INFRA_EDGE_TYPES.has(type);
  return SERVICE_EDGE_TYPES.has(type) || INFRA_EDGE_TYPES.has(type);
}
