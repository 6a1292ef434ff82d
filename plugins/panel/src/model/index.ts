/** The panel's view models, pure TypeScript: graph, layout, focus and search, floor plan, what-if scenario and simulation results. */
export { graphFromFrames } from './graph-from-frames';
export { graphFromTopology, healthFractions } from './graph-from-topology';
export { HEALTH_STATES } from './graph-types';
export type { GraphEdge, GraphNode, Health, TopologyGraph } from './graph-types';
export { layeredLayout } from './layered-layout';
export type { Layout, LayoutOptions, Point } from './layout-types';
export { focusGraph } from './focus-graph';
export { searchNodes } from './search-nodes';
export { floorPlan } from './floor-plan';
export { DEFAULT_THRESHOLDS, rackLevel, rackValue } from './floor-levels';
export type {
  FloorCrac,
  FloorMetric,
  FloorPlan,
  FloorRack,
  FloorRoom,
  FloorRow,
  FloorServer,
  FloorSite,
  FloorThresholds,
  Level,
} from './floor-types';
export { changeCount, EMPTY_WHAT_IF, scenarioFromWhatIf, SITE_LOAD } from './what-if-scenario';
export type { ScenarioChangeJson, ScenarioJson, WhatIfState } from './what-if-scenario';
export { whatIfFromScenario } from './what-if-from-scenario';
export type { OpenedWhatIf } from './what-if-from-scenario';
export { predictionAt, violationsByEntity } from './prediction';
export type { EntityViolation, Prediction } from './prediction';
export { kpiChanges } from './kpi-changes';
export type { KpiChange } from './kpi-changes';
export { formatStat } from './format-stat';
