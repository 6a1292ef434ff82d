/** The query, options and variable shapes of the TwinOps datasource, shared by the datasource and its editors. */
import type { DataSourceJsonData } from '@grafana/data';
import type { DataQuery } from '@grafana/schema';

export const QUERY_TYPES = [
  'topology',
  'entities',
  'signals',
  'forecast',
  'anomalies',
  'rootCause',
  'simulation',
  'events',
] as const;
export type QueryType = (typeof QUERY_TYPES)[number];

export const TOPOLOGY_VIEWS = ['services', 'infra', 'all'] as const;
export type TopologyView = (typeof TOPOLOGY_VIEWS)[number];

export const LEVELS = ['component', 'asset', 'system', 'process', 'enterprise'] as const;
export type Level = (typeof LEVELS)[number];

/**
 * One query. Which fields apply depends on `queryType`; every string field may hold template
 * variables (`$service`), replaced before the query runs.
 */
export interface TwinQuery extends DataQuery {
  queryType: QueryType;
  /** topology: which graph (default all). */
  view?: TopologyView;
  /** topology: keep what lies within `depth` hops of this entity id. */
  focus?: string;
  /** topology: hops from `focus` (default 2). */
  depth?: number;
  /** entities: entity type filter (host, service, rack, …). */
  entityType?: string;
  /** entities: level filter. */
  level?: Level;
  /** entities: case-insensitive name substring. */
  name?: string;
  /** entities: attribute filters as `key=value` pairs separated by commas. */
  attributes?: string;
  /** signals, forecast, root cause, anomalies, events: the entity id. */
  entity?: string;
  /** signals, forecast, root cause: the signal name. */
  signal?: string;
  /** signals: resolution as `30s`, `5m` (points averaged per step); default the panel's interval. */
  step?: string;
  /** forecast: how far ahead, as `30m`, `2h` (default 1h). */
  horizon?: string;
  /** anomalies: lowest score kept. */
  minScore?: number;
  /** anomalies, events: most items returned. */
  limit?: number;
  /** root cause: the symptom time (RFC 3339, epoch ms or now-…); default the end of the time range. */
  at?: string;
  /** root cause: how far back the evidence reaches, as `15m`; default the time range. */
  window?: string;
  /** simulation: a saved scenario's name. */
  scenarioName?: string;
  /** simulation: an inline scenario (JSON), used when no saved name is given. */
  scenario?: string;
  /** events: include the audit log's actions beside the entities' log events (default true). */
  includeActions?: boolean;
}

export const DEFAULT_QUERY: Partial<TwinQuery> = { queryType: 'topology', view: 'all' };

/** What the datasource's settings keep in plain `jsonData` (visible to viewers: no secrets). */
export interface TwinDataSourceOptions extends DataSourceJsonData {
  /** The collector's base URL, e.g. http://twinops:8088; the data proxy route sends requests there. */
  apiUrl?: string;
}

/** Kept encrypted by Grafana and injected server-side by the plugin.json route; never sent to the browser. */
export interface TwinSecureJsonData {
  apiToken?: string;
}

/** A template variable's query: entity ids (by type or level) or the signal names of an entity. */
export interface TwinVariableQuery {
  kind: 'entities' | 'signals';
  entityType?: string;
  level?: Level;
  entity?: string;
}

/** The data proxy route's path in plugin.json: requests go to `<instance url>/twin/api/v1/…`. */
export const PROXY_ROUTE = 'twin';

/** The collector API major version this datasource speaks (checked by Save & test). */
export const API_VERSION = 'v1';
