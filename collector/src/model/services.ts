/** Services the collector hands to its components through their Settings. */

export type LogFields = Record<string, unknown>;

export interface Logger {
  debug(message: string, fields?: LogFields): void;
  info(message: string, fields?: LogFields): void;
  warn(message: string, fields?: LogFields): void;
  error(message: string, fields?: LogFields): void;
}

/** read = query the twin; write = send telemetry and changes; admin = everything. */
export type AuthScope = 'read' | 'write' | 'admin';
export type AuthDecision = 'ok' | 'unauthenticated' | 'forbidden';
/** Checks an Authorization header for one scope; 'ok' for every request when no tokens are configured. */
export type Authorize = (authorizationHeader: string | undefined, scope: AuthScope) => AuthDecision;
