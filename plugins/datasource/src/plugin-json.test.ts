/**
 * The checks Grafana's plugin validator (its metadata analyzer, i.e. plugin.schema.json) makes that
 * apply to this frontend datasource, plus the security rules of its data proxy route. Written from
 * the schema's facts because the validator itself needs network access to fetch its binary.
 */
import { readFileSync, existsSync } from 'fs';
import { join } from 'path';
import { isObservable, lastValueFrom } from 'rxjs';
import { satisfies, validRange } from 'semver';
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

const pluginJson = JSON.parse(readFileSync(join(__dirname, 'plugin.json'), 'utf8'));
const routes: Route[] = pluginJson.routes ?? [];

// Keys plugin.schema.json allows (it sets additionalProperties: false at each of these levels).
const ROOT_KEYS = [
  '$schema',
  'id',
  'type',
  'name',
  'info',
  'dependencies',
  'alerting',
  'annotations',
  'autoEnabled',
  'backend',
  'builtIn',
  'category',
  'enterpriseFeatures',
  'executable',
  'hideFromList',
  'includes',
  'logs',
  'metrics',
  'pascalName',
  'preload',
  'queryOptions',
  'routes',
  'skipDataQuery',
  'state',
  'streaming',
  'tracing',
];
const INFO_KEYS = ['author', 'build', 'description', 'keywords', 'links', 'logos', 'screenshots', 'updated', 'version'];
const ROUTE_KEYS = [
  'path',
  'method',
  'url',
  'reqSignedIn',
  'reqRole',
  'reqAction',
  'headers',
  'body',
  'tokenAuth',
  'jwtTokenAuth',
  'urlParams',
];
const DEPENDENCY_KEYS = ['grafanaVersion', 'grafanaDependency', 'plugins'];

/** Every `{{ … }}` Go template in a route's url, headers and URL parameters. */
function templatesOf(route: Route): string[] {
  const texts = [
    route.url,
    ...(route.headers ?? []).map((h) => h.content),
    ...(route.urlParams ?? []).map((p) => p.content),
  ];
  return texts.flatMap((text) => (typeof text === 'string' ? (text.match(/\{\{[^}]*\}\}/g) ?? []) : []));
}

describe('src/plugin.json', () => {
  it('holds only keys the schema knows, at the root, in info, dependencies and routes', () => {
    expect(Object.keys(pluginJson).filter((key) => !ROOT_KEYS.includes(key))).toEqual([]);
    expect(Object.keys(pluginJson.info).filter((key) => !INFO_KEYS.includes(key))).toEqual([]);
    expect(Object.keys(pluginJson.dependencies).filter((key) => !DEPENDENCY_KEYS.includes(key))).toEqual([]);
    expect(routes.flatMap((route) => Object.keys(route)).filter((key) => !ROUTE_KEYS.includes(key))).toEqual([]);
  });

  it('has an id of the form <org>-<name>-<type> whose suffix is its type', () => {
    expect(pluginJson.type).toBe('datasource');
    expect(pluginJson.id).toBe('twinops-twin-datasource');
    const match = /^[a-z0-9]+-[a-z0-9]+-(datasource|panel|app)$/.exec(pluginJson.id);
    expect(match?.[1]).toBe(pluginJson.type);
  });

  it('has a name, a description, an author and keywords', () => {
    expect(pluginJson.name).toBe('TwinOps');
    expect(typeof pluginJson.info.description).toBe('string');
    expect(pluginJson.info.description.length).toBeGreaterThan(0);
    expect(pluginJson.info.author.name).toBe('TwinOps');
    expect(pluginJson.info.keywords.length).toBeGreaterThanOrEqual(1);
    expect(pluginJson.info.keywords.every((k: unknown) => typeof k === 'string' && k.length > 0)).toBe(true);
  });

  it('leaves version and date as the placeholders the build replaces', () => {
    expect(pluginJson.info.version).toBe('%VERSION%');
    expect(pluginJson.info.updated).toBe('%TODAY%');
  });

  it('names logos that exist as SVG files, and screenshots and links that are complete', () => {
    for (const logo of [pluginJson.info.logos.small, pluginJson.info.logos.large]) {
      const file = join(__dirname, logo);
      expect([logo, existsSync(file)]).toEqual([logo, true]);
      expect(readFileSync(file, 'utf8').trimStart().startsWith('<svg')).toBe(true);
    }
    for (const shot of pluginJson.info.screenshots) {
      expect([shot.path, typeof shot.name, existsSync(join(__dirname, shot.path))]).toEqual([
        shot.path,
        'string',
        true,
      ]);
    }
    for (const link of pluginJson.info.links) {
      expect([link.name, /^https?:\/\//.test(link.url)]).toEqual([link.name, true]);
    }
  });

  it('requires Grafana >=12.3.0 as a valid semver range', () => {
    const range = pluginJson.dependencies.grafanaDependency;
    expect(range).toBe('>=12.3.0');
    expect(validRange(range)).toBe('>=12.3.0');
    expect([satisfies('12.2.9', range), satisfies('12.3.0', range), satisfies('13.2.2', range)]).toEqual([
      false,
      true,
      true,
    ]);
    expect(pluginJson.dependencies.plugins).toEqual([]);
  });

  it('is a frontend plugin: no backend, so no executable and no alerting', () => {
    expect(pluginJson.backend ?? false).toBe(false);
    expect(pluginJson.executable).toBeUndefined();
    expect(pluginJson.alerting ?? false).toBe(false);
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
