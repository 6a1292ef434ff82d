import type { FastifyInstance } from 'fastify';

/** The API generation this collector serves; clients such as the Grafana datasource check it. */
export const API_VERSION = 'v1';

const schema = {
  operationId: 'getStatus',
  summary: 'Who answers: the collector\'s name, version and API generation (a client\'s connection test)',
  tags: ['operations'],
  response: {
    200: {
      description: 'the collector\'s identity',
      type: 'object',
      required: ['name', 'version', 'api'],
      properties: {
        name: { type: 'string', enum: ['twinops-collector'] },
        version: { type: 'string', description: 'the collector\'s release, e.g. 0.1.0' },
        api: { type: 'string', enum: [API_VERSION], description: 'the API generation, the path segment after /api/' },
      },
    },
  },
};

/**
 * Scope read, unlike /healthz: a client's "test connection" calls it to learn both that the
 * collector answers and that its token is accepted, so a bad token must fail here.
 */
export function registerStatusRoute(app: FastifyInstance, version: string): void {
  app.get('/api/v1/status', { schema, config: { scope: 'read' } }, async () => ({ name: 'twinops-collector', version, api: API_VERSION }));
}
