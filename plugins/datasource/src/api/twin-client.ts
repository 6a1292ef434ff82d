import { lastValueFrom } from 'rxjs';
import { getBackendSrv } from '@grafana/runtime';
import { API_VERSION, PROXY_ROUTE } from '../types';
import type {
  AnomalyEvent,
  AuditRecord,
  CollectorStatus,
  EntityDetail,
  EntityList,
  EntityLogEvent,
  Forecast,
  Items,
  RootCauseCandidate,
  SavedScenario,
  SignalSeries,
  SimulationJob,
  Topology,
} from './api-types';
import { toTwinError } from './twin-error';

/** Query parameters; undefined ones are left out of the URL. */
export type Params = Record<string, string | number | undefined>;

/** Per-call options: an abort signal cancels the HTTP request when the panel drops the query. */
export interface CallOptions {
  signal?: AbortSignal;
}

export interface TopologyParams extends Params {
  view?: string;
  focus?: string;
  depth?: number;
  at?: string;
  type?: string;
  level?: string;
}

export interface EntityListParams {
  type?: string;
  level?: string;
  name?: string;
  limit?: number;
  offset?: number;
  /** attr.<key>=<value> filters. */
  attributes?: Record<string, string>;
}

export interface TimeRangeParams extends Params {
  from?: string;
  to?: string;
}

/** The collector's API through the datasource's data proxy route; every failure rejects with a TwinApiError. */
export interface TwinClient {
  /** GET /healthz: liveness, no token needed. */
  health(options?: CallOptions): Promise<{ status: string }>;
  status(options?: CallOptions): Promise<CollectorStatus>;
  topology(params: TopologyParams, options?: CallOptions): Promise<Topology>;
  listEntities(params: EntityListParams, options?: CallOptions): Promise<EntityList>;
  getEntity(id: string, options?: CallOptions): Promise<EntityDetail>;
  signals(
    params: TimeRangeParams & { entity: string; name: string; step?: string },
    options?: CallOptions
  ): Promise<SignalSeries>;
  forecast(params: { entity: string; signal: string; horizon?: string }, options?: CallOptions): Promise<Forecast>;
  anomalies(
    params: TimeRangeParams & { entity?: string; minScore?: number; limit?: number },
    options?: CallOptions
  ): Promise<Items<AnomalyEvent>>;
  rootCause(
    params: { entity: string; signal: string; at?: string; window?: string },
    options?: CallOptions
  ): Promise<Items<RootCauseCandidate>>;
  /** POST /api/v1/simulations: 200 with the result, or 202 with a job to poll. */
  runSimulation(scenario: unknown, options?: CallOptions): Promise<SimulationJob>;
  /** PUT /api/v1/scenarios/{name}: validated by the collector, replaces one of the same name; needs the write scope. */
  saveScenario(name: string, scenario: unknown, options?: CallOptions): Promise<SavedScenario>;
  /** GET /api/v1/scenarios: every saved scenario, by name. */
  listScenarios(options?: CallOptions): Promise<Items<SavedScenario>>;
  getScenario(name: string, options?: CallOptions): Promise<SavedScenario>;
  /** DELETE /api/v1/scenarios/{name}: 204 on success, 404 when there is none; needs the write scope. */
  deleteScenario(name: string, options?: CallOptions): Promise<void>;
  /** POST /api/v1/scenarios/{name}/run. */
  runScenario(name: string, options?: CallOptions): Promise<SimulationJob>;
  getSimulation(id: string, options?: CallOptions): Promise<SimulationJob>;
  events(
    params: TimeRangeParams & { entity?: string; minSeverity?: string; limit?: number },
    options?: CallOptions
  ): Promise<Items<EntityLogEvent>>;
  audit(params: { limit?: number }, options?: CallOptions): Promise<Items<AuditRecord>>;
  /**
   * The URL of GET /api/v1/stream through the proxy, for an EventSource: `kinds` filters the changes;
   * each watched signal adds `signal.point` events (one `watch=<entity>|<signal>` each).
   */
  streamUrl(kinds?: readonly string[], watch?: ReadonlyArray<{ entity: string; signal: string }>): string;
}

/** A client for the datasource whose instance URL (Grafana's proxy base) is `instanceUrl`. */
export function createTwinClient(instanceUrl: string): TwinClient {
  const root = `${instanceUrl.replace(/\/$/, '')}/${PROXY_ROUTE}`;
  const api = `${root}/api/${API_VERSION}`;

  const call = async <T>(
    method: 'GET' | 'POST' | 'PUT' | 'DELETE',
    url: string,
    params?: Params,
    data?: unknown,
    options?: CallOptions
  ): Promise<T> => {
    try {
      const response = await lastValueFrom(
        getBackendSrv().fetch<T>({
          url,
          method,
          ...(params ? { params: defined(params) } : {}),
          ...(data !== undefined ? { data } : {}),
          ...(options?.signal ? { abortSignal: options.signal } : {}),
          // The panel shows query errors itself; Grafana's toasts would repeat them on every refresh.
          showErrorAlert: false,
          showSuccessAlert: false,
        })
      );
      return response.data;
    } catch (error) {
      throw toTwinError(error);
    }
  };
  const get = <T>(path: string, params?: Params, options?: CallOptions) =>
    call<T>('GET', `${api}${path}`, params, undefined, options);
  const post = <T>(path: string, data: unknown, options?: CallOptions) =>
    call<T>('POST', `${api}${path}`, undefined, data, options);

  return {
    health: (options) => call('GET', `${root}/healthz`, undefined, undefined, options),
    status: (options) => get('/status', undefined, options),
    topology: (params, options) => get('/topology', params, options),
    listEntities: (params, options) => get('/entities', entityParams(params), options),
    // Ids hold ':' and '/': one encoded path segment (the collector decodes it).
    getEntity: (id, options) => get(`/entities/${encodeURIComponent(id)}`, undefined, options),
    signals: (params, options) => get('/signals', params, options),
    forecast: (params, options) => get('/forecast', params, options),
    anomalies: (params, options) => get('/anomalies', params, options),
    rootCause: (params, options) => get('/rca', params, options),
    runSimulation: (scenario, options) => post('/simulations', scenario, options),
    saveScenario: (name, scenario, options) => call('PUT', `${api}${scenarioPath(name)}`, undefined, scenario, options),
    listScenarios: (options) => get('/scenarios', undefined, options),
    getScenario: (name, options) => get(scenarioPath(name), undefined, options),
    // 204 has no body: resolve with nothing rather than whatever the fetch made of the empty answer.
    deleteScenario: async (name, options) => {
      await call('DELETE', `${api}${scenarioPath(name)}`, undefined, undefined, options);
    },
    runScenario: (name, options) => post(`${scenarioPath(name)}/run`, {}, options),
    getSimulation: (id, options) => get(`/simulations/${encodeURIComponent(id)}`, undefined, options),
    events: (params, options) => get('/events', params, options),
    audit: (params, options) => get('/audit', params, options),
    streamUrl: (kinds, watch) => {
      const query = [
        ...(kinds && kinds.length > 0 ? [`kinds=${encodeURIComponent(kinds.join(','))}`] : []),
        ...(watch ?? []).map((w) => `watch=${encodeURIComponent(`${w.entity}|${w.signal}`)}`),
      ];
      return query.length > 0 ? `${api}/stream?${query.join('&')}` : `${api}/stream`;
    },
  };
}

/** A scenario's path; the name is one encoded segment (the collector allows letters, digits, `.`, `_`, `-`). */
function scenarioPath(name: string): string {
  return `/scenarios/${encodeURIComponent(name)}`;
}

function entityParams(params: EntityListParams): Params {
  const { attributes, ...rest } = params;
  const out: Params = { ...rest };
  for (const [key, value] of Object.entries(attributes ?? {})) {
    out[`attr.${key}`] = value;
  }
  return out;
}

function defined(params: Params): Record<string, string | number> {
  const out: Record<string, string | number> = {};
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== '') {
      out[key] = value;
    }
  }
  return out;
}
