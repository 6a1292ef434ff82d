import { createAuthorizer } from './auth';
import type { AuthConfig, Scope } from './config';

const READ = 'read-token-0123456789';
const WRITE = 'write-token-0123456789';
const ADMIN = 'admin-token-0123456789';
const BOTH = 'both-token-0123456789';

const config: AuthConfig = {
  tokens: [
    { name: 'grafana', token: READ, tokenEnv: '', scopes: ['read'] },
    { name: 'otel-gateway', token: '', tokenEnv: 'TWIN_WRITE_TOKEN', scopes: ['write'] },
    { name: 'operator', token: '', tokenEnv: 'TWIN_ADMIN_TOKEN', scopes: ['admin'] },
    { name: 'ci', token: BOTH, tokenEnv: '', scopes: ['read', 'write'] },
  ],
};
const env = { TWIN_WRITE_TOKEN: WRITE, TWIN_ADMIN_TOKEN: ADMIN };

describe('createAuthorizer', () => {
  const authorize = createAuthorizer(config, env);

  it.each<[string | undefined, Scope, string]>([
    [undefined, 'read', 'unauthenticated'],
    ['', 'read', 'unauthenticated'],
    ['Bearer', 'read', 'unauthenticated'],
    ['Bearer wrong-token-0123456789', 'read', 'unauthenticated'],
    [`Basic ${READ}`, 'read', 'unauthenticated'],
    [`Bearer ${READ} extra`, 'read', 'unauthenticated'],
    [`Bearer ${READ.slice(0, -1)}`, 'read', 'unauthenticated'],
    [`Bearer ${READ}`, 'read', 'ok'],
    [`bearer ${READ}`, 'read', 'ok'],
    [`BEARER  ${READ} `, 'read', 'ok'],
    [`Bearer ${READ}`, 'write', 'forbidden'],
    [`Bearer ${READ}`, 'admin', 'forbidden'],
    [`Bearer ${WRITE}`, 'write', 'ok'],
    [`Bearer ${WRITE}`, 'read', 'forbidden'],
    [`Bearer ${WRITE}`, 'admin', 'forbidden'],
    [`Bearer ${ADMIN}`, 'read', 'ok'],
    [`Bearer ${ADMIN}`, 'write', 'ok'],
    [`Bearer ${ADMIN}`, 'admin', 'ok'],
    [`Bearer ${BOTH}`, 'read', 'ok'],
    [`Bearer ${BOTH}`, 'write', 'ok'],
    [`Bearer ${BOTH}`, 'admin', 'forbidden'],
  ])('%j asking for %s -> %s', (header, scope, result) => {
    expect(authorize(header, scope)).toBe(result);
  });

  it('allows everything when no tokens are configured', () => {
    const open = createAuthorizer({ tokens: [] }, {});
    expect(open(undefined, 'admin')).toBe('ok');
    expect(open('Bearer anything', 'write')).toBe('ok');
  });

  it('refuses to start when a token_env variable is unset, listing every problem', () => {
    expect(() => createAuthorizer(config, { TWIN_WRITE_TOKEN: WRITE })).toThrow(
      'invalid auth configuration:\n  - auth.tokens[2].token_env: must name a set, non-empty environment variable, got "TWIN_ADMIN_TOKEN"',
    );
  });
});
