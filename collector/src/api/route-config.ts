import type { Scope } from './config';

/** What each route declares in its `config`, read by the auth hook and the OpenAPI generator. */
export interface RouteConfig {
  /** The scope a token needs; absent for routes open to all (health, readiness, the OpenAPI document). */
  scope?: Scope;
  /** False keeps a route out of the OpenAPI document (an alias of a documented route). */
  openapi?: boolean;
}

declare module 'fastify' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface FastifyContextConfig extends RouteConfig {}
}
