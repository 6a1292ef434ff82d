/** The demo's fault and actuator HTTP API (fastify, bearer-token auth, audit trail). */
export { createApiServer, defaultApiServerConfig } from './api-server';
export type { ApiLogger, ApiServer, ApiServerConfig, ApiServerSettings } from './api-server';
export { ACTUATOR_COMMANDS } from './actuator-commands';
export type { ActuatorCommand } from './actuator-commands';
export { createAuditLog } from './audit-log';
export type { AuditEntry, AuditLog } from './audit-log';
