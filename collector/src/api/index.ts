/** The collector's HTTP API (REST queries, server-sent events, OpenAPI document, /metrics) and its bearer-token auth. */
export { createApiServer } from './api-server';
export type { ApiServer } from './api-server';
export type { ApiServerSettings } from './build-app';
export type { SignalArchive } from './signals-route';
export type { DesiredStateService } from './desired-route';
export type { AuditLog } from './audit-route';
export type { MetricsScrape, ReadyState } from './ops-routes';
export type { Timers } from './sse-hub';
export type { ErrorLogger } from './errors';
export { createAuthorizer } from './auth';
export { requiresAuthToBind } from './endpoint';
export {
  SCOPES,
  MIN_TOKEN_LENGTH,
  apiConfigSchema,
  authConfigSchema,
  tokenConfigSchema,
  defaultApiConfig,
  defaultAuthConfig,
  validateAuthConfig,
} from './config';
export type { ApiConfig, AuthConfig, TokenConfig, Scope } from './config';
