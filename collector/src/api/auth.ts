import { createHash, timingSafeEqual } from 'node:crypto';
import { checkSecret, validateAuthConfig } from './config';
import type { AuthConfig, Scope } from './config';

import type { Authorize } from '../model';

interface KnownToken {
  digest: Buffer;
  scopes: ReadonlySet<Scope>;
}

/**
 * Builds the one authorization check shared by the API and the OTLP receivers. Scopes: `read`
 * queries the twin, `write` sends telemetry or changes, `admin` does everything. `write` does not
 * imply `read`, so a token handed to OTLP exporters cannot read the twin back. With no tokens
 * configured every request is 'ok' (the collector allows that on loopback endpoints only).
 * Throws when the config is invalid, e.g. a token_env variable is unset.
 */
export function createAuthorizer(config: AuthConfig, env: NodeJS.ProcessEnv): Authorize {
  const problems = validateAuthConfig(config, env);
  if (problems.length > 0) throw new Error(`invalid auth configuration:\n  - ${problems.join('\n  - ')}`);
  const tokens: KnownToken[] = config.tokens.map((token) => ({
    digest: sha256(checkSecret(token, '', env, []) ?? ''),
    scopes: new Set(token.scopes),
  }));
  if (tokens.length === 0) return () => 'ok';

  return (header, scope) => {
    const presented = parseBearer(header);
    if (presented === undefined) return 'unauthenticated';
    // Hashing first gives equal-length inputs to timingSafeEqual, and every token is compared
    // (no early exit), so timing reveals neither a secret's length nor which token matched.
    const digest = sha256(presented);
    let match: KnownToken | undefined;
    for (const token of tokens) {
      if (timingSafeEqual(digest, token.digest)) match = token;
    }
    if (!match) return 'unauthenticated';
    return match.scopes.has('admin') || match.scopes.has(scope) ? 'ok' : 'forbidden';
  };
}

/** The credential of `Bearer <token>` (scheme case-insensitive, RFC 7235), or undefined. */
function parseBearer(header: string | undefined): string | undefined {
  if (header === undefined) return undefined;
  const match = /^[ \t]*bearer[ \t]+([^\s]+)[ \t]*$/i.exec(header);
  return match ? match[1] : undefined;
}

function sha256(text: string): Buffer {
  return createHash('sha256').update(text, 'utf8').digest();
}
