import { renderDefaults } from '../config';
import {
  apiConfigSchema,
  authConfigSchema,
  defaultApiConfig,
  defaultAuthConfig,
  validateAuthConfig,
} from './config';
import type { AuthConfig } from './config';

const SECRET = 'a-secret-of-24-characters';

function parseAuth(raw: unknown): { config: AuthConfig; errors: string[] } {
  const errors: string[] = [];
  const config = authConfigSchema.parse(raw, 'auth', errors);
  return { config, errors };
}

describe('api config', () => {
  it('has defaults that validate', () => {
    expect(defaultApiConfig()).toEqual({
      endpoint: '127.0.0.1:8088',
      keepaliveSeconds: 15,
      sseMaxClients: 100,
      sseMaxBufferedEvents: 1000,
      topologyEdgeIdleSeconds: 300,
      topologyStatsMaxAgeSeconds: 120,
      uiDir: '',
    });
    expect(validateAuthConfig(defaultAuthConfig(), {})).toEqual([]);
  });

  it('reports schema problems with their paths', () => {
    const errors: string[] = [];
    apiConfigSchema.parse({ keepalive_seconds: 0, sse_max_buffered_events: 'many', topology_edge_idle_seconds: 0, cors: true }, 'api', errors);
    expect(errors).toEqual([
      'api.cors: unknown key',
      'api.keepalive_seconds: must be an integer from 1 to 3600, got 0',
      'api.sse_max_buffered_events: must be a positive integer, got "many"',
      'api.topology_edge_idle_seconds: must be a positive integer, got 0',
    ]);
  });

  it.each([
    ['0.0.0.0:8088', []],
    ['[::1]:0', []],
    ['8088', ['api.endpoint: must be host:port with a port from 0 to 65535 (e.g. 127.0.0.1:4318 or [::1]:4318), got "8088"']],
    ['localhost:99999', ['api.endpoint: must be host:port with a port from 0 to 65535 (e.g. 127.0.0.1:4318 or [::1]:4318), got "localhost:99999"']],
  ])('validates the endpoint %j', (endpoint, errors) => {
    const found: string[] = [];
    apiConfigSchema.parse({ endpoint }, 'api', found);
    expect(found).toEqual(errors);
  });

  it('documents every key in the defaults file', () => {
    const text = renderDefaults(apiConfigSchema) + renderDefaults(authConfigSchema);
    expect(text).toContain('endpoint: "127.0.0.1:8088"\n');
    expect(text).toContain('tokens: []\n');
    expect(text).toContain('topology_edge_idle_seconds: 300\n');
    expect(text).toContain('ui_dir: ""\n');
    expect(text.split('\n').filter((line) => /^\s*[a-z_]+:/.test(line))).toHaveLength(8);
    expect(text.split('\n').filter((line) => /^\s*#/.test(line))).toHaveLength(8);
  });
});

describe('auth config', () => {
  it('maps tokens to camelCase with read as the default scope', () => {
    const { config, errors } = parseAuth({ tokens: [{ name: 'grafana', token_env: 'GRAFANA_TOKEN' }] });
    expect(errors).toEqual([]);
    expect(config).toEqual({ tokens: [{ name: 'grafana', token: '', tokenEnv: 'GRAFANA_TOKEN', scopes: ['read'] }] });
  });

  it('rejects unknown scopes and keys by path', () => {
    const { errors } = parseAuth({ tokens: [{ name: 'x', token: SECRET, scopes: ['read', 'root'], secret: 1 }] });
    expect(errors).toEqual(['auth.tokens[0].secret: unknown key', 'auth.tokens[0].scopes[1]: must be one of read, write, admin, got "root"']);
  });

  it.each([
    [{ name: 'a', token: SECRET, scopes: ['read'] }, {}, []],
    [{ name: 'a', token_env: 'A_TOKEN', scopes: ['admin'] }, { A_TOKEN: SECRET }, []],
    [{ name: '', token: SECRET }, {}, ['auth.tokens[0].name: must not be empty, got ""']],
    [{ name: 'a', scopes: ['read'] }, {}, ['auth.tokens[0]: must set exactly one of token and token_env, got neither']],
    [{ name: 'a', token: SECRET, token_env: 'A' }, { A: SECRET }, ['auth.tokens[0]: must set exactly one of token and token_env, got both']],
    [{ name: 'a', token_env: 'A_TOKEN' }, {}, ['auth.tokens[0].token_env: must name a set, non-empty environment variable, got "A_TOKEN"']],
    [{ name: 'a', token_env: 'A_TOKEN' }, { A_TOKEN: '' }, ['auth.tokens[0].token_env: must name a set, non-empty environment variable, got "A_TOKEN"']],
    [{ name: 'a', token: 'short' }, {}, ['auth.tokens[0].token: the secret must be at least 16 characters, got 5']],
    [{ name: 'a', token_env: 'A' }, { A: 'two words of the secret' }, ['auth.tokens[0].token_env: the secret must not contain whitespace']],
    [{ name: 'a', token: SECRET, scopes: [] }, {}, ['auth.tokens[0].scopes: must list at least one scope, got []']],
  ])('checks %j', (token, env, errors) => {
    const parsed = parseAuth({ tokens: [token] });
    expect(parsed.errors).toEqual([]);
    expect(validateAuthConfig(parsed.config, env)).toEqual(errors);
  });

  it('requires unique names and secrets, never quoting a secret', () => {
    const { config } = parseAuth({
      tokens: [
        { name: 'grafana', token: SECRET },
        { name: 'grafana', token: `${SECRET}-2` },
        { name: 'ci', token_env: 'CI_TOKEN' },
      ],
    });
    const errors = validateAuthConfig(config, { CI_TOKEN: SECRET });
    expect(errors).toEqual([
      'auth.tokens[1].name: must be unique, got "grafana"',
      'auth.tokens[2]: must have a secret of its own, got the same secret as token "grafana"',
    ]);
    expect(errors.join('\n')).not.toContain(SECRET);
  });
});
