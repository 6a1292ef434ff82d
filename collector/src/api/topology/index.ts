/** The topology views of the twin (services, infrastructure, both joined) at a moment, around a focus, with health and statistics. */
export { TOPOLOGY_VIEWS, kindOf } from './entity-kinds';
export type { TopologyView, EntityKind } from './entity-kinds';
export { queryTopology } from './query-topology';
export type { TopologyQuery, TopologyOptions, TopologyNode, TopologyEdge, TopologyGraph } from './query-topology';
export type { NodeHealth } from './node-health';
export { EDGE_STATS, NODE_STATS, edgeSignalName } from './signal-values';
export { INFRA_STATS } from './infra-stats';
