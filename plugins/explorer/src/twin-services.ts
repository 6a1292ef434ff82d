/**
 * What Grafana would provide to the panel and the datasource, wired for a page served by the
 * collector: a fetch-backed backend service that sends the datasource's proxy-route requests to
 * the collector (this page's own origin), identity templating, and one TwinOps datasource.
 */
import type { DataSourceApi, DataSourceInstanceSettings, DataSourceRef, PluginMeta } from '@grafana/data';
import { setBackendSrv, setDataSourceSrv, setTemplateSrv, type TemplateSrv } from '@grafana/runtime';
import { createFetchBackendSrv } from '@twinops/datasource/src/backend/fetch-backend-srv';
import { DataSource } from '@twinops/datasource/src/datasource';
import type { TwinDataSourceOptions } from '@twinops/datasource/src/types';

export const TWIN_DS_UID = 'twinops';
export const TWIN_DS_TYPE = 'twinops-twin-datasource';
/** What Grafana's data proxy would be for this datasource; the fetch backend maps it to the collector. */
export const PROXY_BASE = `/api/datasources/proxy/uid/${TWIN_DS_UID}`;
export const TWIN_DS_REF: DataSourceRef = { uid: TWIN_DS_UID, type: TWIN_DS_TYPE };

const meta = {
  id: TWIN_DS_TYPE,
  name: 'TwinOps',
  type: 'datasource',
  module: '',
  baseUrl: '',
  info: {
    author: { name: 'TwinOps' },
    description: 'The TwinOps twin',
    links: [],
    logos: { small: '', large: '' },
    screenshots: [],
    updated: '',
    version: '',
  },
} as PluginMeta;

/** The datasource's settings as Grafana would hand them over; `url` is the (emulated) proxy base. */
export function twinSettings(): DataSourceInstanceSettings<TwinDataSourceOptions> {
  return {
    id: 1,
    uid: TWIN_DS_UID,
    type: TWIN_DS_TYPE,
    name: 'TwinOps',
    meta,
    readOnly: true,
    access: 'proxy',
    url: PROXY_BASE,
    jsonData: { apiUrl: window.location.origin },
  };
}

// Variables do not exist outside a dashboard: every string passes through as written.
const identityTemplates: TemplateSrv = {
  getVariables: () => [],
  replace: (target?: string) => target ?? '',
  containsTemplate: () => false,
  updateTimeRange: () => undefined,
};

/** Installs the services into @grafana/runtime and returns the one datasource. */
export function installTwinServices(apiUrl: string = window.location.origin): DataSource {
  setBackendSrv(createFetchBackendSrv({ proxyBase: PROXY_BASE, apiUrl }));
  setTemplateSrv(identityTemplates);
  const settings = twinSettings();
  const datasource = new DataSource(settings);
  const matches = (ref?: DataSourceRef | string | null) =>
    ref === undefined || ref === null || ref === TWIN_DS_UID || (typeof ref === 'object' && ref.uid === TWIN_DS_UID);
  setDataSourceSrv({
    get: async (ref) => {
      if (!matches(ref)) {
        throw new Error(`Only the TwinOps datasource exists on this page, not ${JSON.stringify(ref)}.`);
      }
      // The registry holds datasources of every query type; Grafana widens the same way.
      return datasource as unknown as DataSourceApi;
    },
    getList: () => [settings],
    getInstanceSettings: (ref) => (matches(ref) ? settings : undefined),
    reload: async () => undefined,
    registerRuntimeDataSource: () => undefined,
  });
  return datasource;
}
