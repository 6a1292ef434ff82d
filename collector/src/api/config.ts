import { endpoint, int, list, obj, oneOf, str } from '../config';
import type { ValueOf } from '../config';

/** What a bearer token may do. */
export const SCOPES = ['read', 'write', 'admin'] as const;
export type Scope = (typeof SCOPES)[number];

export const apiConfigSchema = obj(
  {
    endpoint: endpoint(
      '127.0.0.1:8088',
      'host:port the HTTP API listens on; loopback by default, so binding wider is a choice that requires auth tokens',
    ),
    // Proxies and load balancers commonly drop connections idle for 30-60 s; 15 s stays well below.
    keepalive_seconds: int(15, 'seconds between ":keepalive" comments on an event stream, so proxies keep idle streams open', {
      min: 1,
      max: 3600,
    }),
    sse_max_clients: int(100, 'event streams open at once; more are refused with 503', { min: 1 }),
    // 1000 events of ~1 KB bound a stuck client to about 1 MB while riding out a short pause.
    sse_max_buffered_events: int(
      1000,
      'events queued for one stream client that is not reading; past this the client is disconnected, so it never slows ingest',
      { min: 1 },
    ),
    // Five minutes outlasts the pauses of ordinary traffic (a batch job, a quiet night hour) yet
    // clears a renamed or removed service's edges before anyone mistakes them for live ones.
    topology_edge_idle_seconds: int(300, 'calls, database, messaging and part_of edges silent longer than this disappear from /api/v1/topology', {
      min: 1,
    }),
    // Two metric export intervals at the SDKs' default of 60 s, and eight service-graph windows.
    topology_stats_max_age_seconds: int(
      120,
      'a node or edge statistic older than this at the moment shown counts as no traffic (health unknown) in /api/v1/topology',
      { min: 1 },
    ),
    ui_dir: str(
      '',
      'folder of the built explorer page served at /ui/; empty = the installed @twinops/explorer package\'s dist (build it with `npm run build`)',
    ),
  },
  'the HTTP API: REST queries, the event stream, /metrics, /healthz, /readyz, the explorer page at /ui/ (no CORS: Grafana calls it through its backend proxy)',
);
export type ApiConfig = ValueOf<typeof apiConfigSchema>;

export const tokenConfigSchema = obj({
  name: str('', 'what the token is for (e.g. grafana, otel-gateway); appears in messages, the secret never does'),
  token: str('', 'the secret itself; prefer token_env so secrets stay out of the file'),
  token_env: str('', 'name of an environment variable holding the secret', {
    regex: /^[A-Za-z_][A-Za-z0-9_]*$/,
    rule: 'an environment variable name',
  }),
  scopes: list(
    oneOf<Scope>(SCOPES, 'read', 'a scope'),
    ['read'] as Scope[],
    'read = query the twin and scrape /metrics; write = send telemetry and changes; admin = everything (write does not imply read)',
  ),
});
export type TokenConfig = ValueOf<typeof tokenConfigSchema>;

export const authConfigSchema = obj(
  {
    tokens: list(tokenConfigSchema, [], 'bearer tokens, each {name, token or token_env, scopes}; none means every request is allowed, which the collector accepts only on loopback endpoints'),
  },
  'bearer-token authentication for the API and the OTLP receivers',
);
export type AuthConfig = ValueOf<typeof authConfigSchema>;

export function defaultApiConfig(): ApiConfig {
  return structuredClone(apiConfigSchema.defaultValue);
}

export function defaultAuthConfig(): AuthConfig {
  return structuredClone(authConfigSchema.defaultValue);
}


// Shorter secrets can be guessed by anyone who can reach a non-loopback port.
export const MIN_TOKEN_LENGTH = 16;

/** Cross-field rules of `auth`, including that every token_env variable is set in `env`. */
export function validateAuthConfig(config: AuthConfig, env: NodeJS.ProcessEnv): string[] {
  const errors: string[] = [];
  const names = new Set<string>();
  const secrets = new Map<string, string>();
  config.tokens.forEach((token, i) => {
    const at = `auth.tokens[${i}]`;
    if (token.name === '') errors.push(`${at}.name: must not be empty, got ""`);
    else if (names.has(token.name)) errors.push(`${at}.name: must be unique, got ${JSON.stringify(token.name)}`);
    names.add(token.name);
    if (token.scopes.length === 0) errors.push(`${at}.scopes: must list at least one scope, got []`);
    const secret = checkSecret(token, at, env, errors);
    if (secret === undefined) return;
    const other = secrets.get(secret);
    if (other !== undefined) errors.push(`${at}: must have a secret of its own, got the same secret as token ${JSON.stringify(other)}`);
    secrets.set(secret, token.name);
  });
  return errors;
}

/** The token's secret when it is usable; otherwise pushes why (never quoting the secret). */
export function checkSecret(token: TokenConfig, at: string, env: NodeJS.ProcessEnv, errors: string[]): string | undefined {
  if ((token.token === '') === (token.tokenEnv === '')) {
    errors.push(`${at}: must set exactly one of token and token_env, got ${token.token === '' ? 'neither' : 'both'}`);
    return undefined;
  }
  const secret = token.token !== '' ? token.token : env[token.tokenEnv] ?? '';
  if (token.tokenEnv !== '' && secret === '') {
    errors.push(`${at}.token_env: must name a set, non-empty environment variable, got ${JSON.stringify(token.tokenEnv)}`);
    return undefined;
  }
  const key = token.token !== '' ? 'token' : 'token_env';
  if (/\s/.test(secret)) {
    // A bearer credential is one word in the Authorization header, so such a secret could never match.
    errors.push(`${at}.${key}: the secret must not contain whitespace`);
    return undefined;
  }
  if (secret.length < MIN_TOKEN_LENGTH) {
    errors.push(`${at}.${key}: the secret must be at least ${MIN_TOKEN_LENGTH} characters, got ${secret.length}`);
    return undefined;
  }
  return secret;
}
