import type { FastifyInstance } from 'fastify';
import type { ServiceGraphStats } from '../model';
import { ApiError } from './errors';
import { errorResponses, serviceGraphStatsSchema } from './schemas';

const schema = {
  operationId: 'getServiceGraphStats',
  summary: 'How span pairing goes: spans waiting for their partner, pairs completed, what expired unpaired or was dropped, by span kind',
  description: 'When an expected edge is missing, its spans most likely expired unpaired (the partner came too late or never) or were dropped because the store was full.',
  tags: ['twin'],
  response: {
    200: { ...serviceGraphStatsSchema, description: 'the counts since the collector started' },
    ...errorResponses({ 503: 'the service graph is not running' }),
  },
};

export function registerServiceGraphStatsRoute(app: FastifyInstance, stats: (() => ServiceGraphStats) | undefined): void {
  app.get('/api/v1/service-graph/stats', { schema, config: { scope: 'read' } }, async () => {
    if (!stats) throw new ApiError(503, 'unavailable', 'the service graph is not running in this collector');
    return stats();
  });
}
