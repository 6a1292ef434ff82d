import type { FastifyInstance } from 'fastify';
import type { AuditRecord } from '../store';
import { errorResponses } from './schemas';

/** What the route needs: the store's audit log. */
export interface AuditLog {
  listAudit(query: { limit: number; beforeSeq?: number }): Promise<AuditRecord[]>;
}

const schema = {
  operationId: 'listAudit',
  summary: 'The audit log: every change made through the API, newest first',
  tags: ['control'],
  querystring: {
    type: 'object',
    additionalProperties: false,
    properties: {
      limit: { type: 'integer', minimum: 1, maximum: 1000, default: 100, description: 'page size' },
      before: { type: 'integer', minimum: 1, description: 'only records with seq below this (the last seq of the previous page)' },
    },
  },
  response: {
    200: {
      description: 'one page of audit records',
      type: 'object',
      required: ['items'],
      properties: {
        items: {
          type: 'array',
          items: {
            type: 'object',
            required: ['seq', 't', 'actor', 'action', 'target', 'detail'],
            properties: {
              seq: { type: 'integer' },
              t: { type: 'integer', description: 'milliseconds since the epoch' },
              actor: { type: 'string' },
              action: { type: 'string' },
              target: { type: 'string' },
              detail: { type: 'object', additionalProperties: true },
            },
          },
        },
      },
    },
    ...errorResponses({ 400: 'a query parameter is invalid' }),
  },
};

export function registerAuditRoute(app: FastifyInstance, audit: AuditLog): void {
  app.get('/api/v1/audit', { schema, config: { scope: 'read' } }, async (request) => {
    const { limit, before } = request.query as { limit: number; before?: number };
    return { items: await audit.listAudit({ limit, ...(before === undefined ? {} : { beforeSeq: before }) }) };
  });
}
