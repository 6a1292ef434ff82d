/** The shared auth decision, injected through Settings (owned by the API; 'ok' when no tokens are configured). */
import type { Authorize } from '../model';
import type { Failure } from './errors';

/** The failure to answer with, or undefined when the request may write. */
export function authFailure(authorize: Authorize | undefined, header: string | undefined): Failure | undefined {
  const decision = authorize ? authorize(header, 'write') : 'ok';
  if (decision === 'unauthenticated') {
    return { kind: 'unauthenticated', message: 'missing or unknown credentials: send Authorization: Bearer <token>' };
  }
  if (decision === 'forbidden') return { kind: 'forbidden', message: 'the token may not write telemetry (needs the write scope)' };
  return undefined;
}
