/**
 * plugin.json: the validator's checks every plugin passes, then the security rules of the
 * datasource's data proxy route and its feature flags against what the code provides.
 */
import { join } from 'path';
import { isObservable, lastValueFrom } from 'rxjs';
import { ROUTE_KEYS, describePluginJson, readPluginJson } from '../test/plugin-checks';
import { VariableSupportType, type DataQueryRequest, type DataSourceInstanceSettings } from '@grafana/data';
import { DataSource } from './datasource';
import { plugin } from './module';
import { PROXY_ROUTE, type TwinDataSourceOptions, type TwinQuery } from './types';

interface Route {
  path?: unknown;
  url?: unknown;
  headers?: Array<{ name?: unknown; content?: unknown }>;
  urlParams?: Array<{ name?: unknown; content?: unknown }>;
  [key: string]: unknown;
}

const pluginJson = readPluginJson(join(__dirname, '..'));
const routes: Route[] = pluginJson.routes ?? [];

/** Every `{{ … }}` Go template in a route's url, headers and URL parameters. */
function templatesOf(route: Route): string[] {
  const texts = [
    route.url,
    ...(route.headers ?? []).map((h) => h.content),
    ...(route.urlParams ?? []).map((p) => p.content),
  ];
  return texts.flatMap((text) => (typeof text === 'string' ? (text.match(/\{\{[^}]*\}\}/g) ?? []) : []));
}

describePluginJson({ dir: join(__dirname, '..'), id: 'twinops-twin-datasource', type: 'datasource', name: 'TwinOps' });

describe('src/plugin.json of the datasource', () => {
  it('holds only keys the schema knows in its routes', () => {
    expect(routes.flatMap((route) => Object.keys(route)).filter((key) => !ROUTE_KEYS.includes(key))).toEqual([]);
  });

  it('depends on no other plugin', () => {
    expect(pluginJson.dependencies.plugins).toEqual([]);
  });

  describe('routes', () => {
    it('has one route, at the path the datasource calls', () => {
      expect(routes.map((route) => route.path)).toEqual([PROXY_ROUTE]);
      expect(
        routes.every((route) => typeof route.path === 'string' && route.path.length > 0 && !route.path.startsWith('/'))
      ).toBe(true);
    });

    it('proxies to the collector URL kept in jsonData', () => {
      expect(routes[0].url).toBe('{{ .JsonData.apiUrl }}');
    });

    it('adds the bearer token from secureJsonData, and takes a secret from nowhere else', () => {
      expect(routes[0].headers).toEqual([{ name: 'Authorization', content: 'Bearer {{ .SecureJsonData.apiToken }}' }]);
      const templates = routes.flatMap(templatesOf);
      expect(templates).toEqual(['{{ .JsonData.apiUrl }}', '{{ .SecureJsonData.apiToken }}']);
      // jsonData is readable by every viewer: no template may read a secret-looking key from it.
      const plainSecrets = templates.filter((t) => /\.JsonData\.\w*(token|secret|password|key)/i.test(t));
      expect(plainSecrets).toEqual([]);
      // The URL shows up in logs and error messages, so it never carries a secret.
      expect(String(routes[0].url)).not.toContain('SecureJsonData');
    });
  });

  describe('feature flags match the datasource', () => {
    const settings = {
      id: 1,
      uid: 'twin',
      type: 'twinops-twin-datasource',
      name: 'TwinOps',
      url: '/api/datasources/proxy/uid/twin',
      access: 'proxy',
      readOnly: false,
      jsonData: { apiUrl: 'http://twinops:8088' },
      meta: pluginJson,
    } as unknown as DataSourceInstanceSettings<TwinDataSourceOptions>;

    it('metrics: the plugin has a query and a config editor', () => {
      expect(pluginJson.metrics).toBe(true);
      expect(plugin.components.QueryEditor).toBeDefined();
      expect(plugin.components.ConfigEditor).toBeDefined();
    });

    it('variables: the datasource brings custom variable support with its editor', () => {
      const variables = new DataSource(settings).variables;
      expect([variables?.getType(), typeof (variables as { editor?: unknown } | undefined)?.editor]).toEqual([
        VariableSupportType.Custom,
        'function',
      ]);
      expect(plugin.components.VariableQueryEditor).toBeUndefined();
    });

    it('annotations: the datasource declares annotation support', () => {
      expect(pluginJson.annotations).toBe(true);
      expect(new DataSource(settings).annotations).toBeDefined();
    });

    it('streaming: query answers with an Observable, which live mode keeps open', async () => {
      expect(pluginJson.streaming).toBe(true);
      const answer = new DataSource(settings).query({ targets: [] } as unknown as DataQueryRequest<TwinQuery>);
      expect(isObservable(answer)).toBe(true);
      await expect(lastValueFrom(answer as never)).resolves.toEqual({ data: [], state: 'Done' });
    });
  });
});
