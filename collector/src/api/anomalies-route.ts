import type { FastifyInstance } from 'fastify';
import type { LiveAnalytics } from '../analytics';
import { anomalyEventSchema } from './analytics-schemas';
import { analyticsDisabled } from './forecast-route';
import { errorResponses } from './schemas';
import { timeRange } from './time-params';

const DEFAULT_RANGE_MS = 3_600_000;

const schema = {
  operationId: 'listAnomalies',
  summary: 'Points live analytics flagged as anomalies, newest first',
  tags: ['analytics'],
  querystring: {
    type: 'object',
    additionalProperties: false,
    properties: {
      from: { type: 'string', description: 'start, inclusive: RFC 3339, epoch milliseconds or now-<duration>; default now-1h' },
      to: { type: 'string', description: 'end, inclusive: RFC 3339, epoch milliseconds or now-<duration>; default now' },
      entity: { type: 'string', minLength: 1, description: 'only this entity\'s anomalies' },
      minScore: { type: 'number', minimum: 0, maximum: 1, description: 'only anomalies scoring at least this' },
      limit: { type: 'integer', minimum: 1, maximum: 1000, default: 100, description: 'at most this many' },
    },
  },
  response: {
    200: {
      description: 'the flagged points in the range, from the bounded log (analytics.live.max_anomaly_events)',
      type: 'object',
      required: ['items'],
      properties: { items: { type: 'array', items: anomalyEventSchema } },
    },
    ...errorResponses({ 400: 'a query parameter is invalid', 503: 'live analytics is off' }),
  },
};

interface AnomaliesQuery {
  from?: string;
  to?: string;
  entity?: string;
  minScore?: number;
  limit: number;
}

export function registerAnomaliesRoute(app: FastifyInstance, analytics: LiveAnalytics | undefined, now: () => number): void {
  app.get('/api/v1/anomalies', { schema, config: { scope: 'read' } }, async (request) => {
    const query = request.query as AnomaliesQuery;
    const nowMs = now();
    const { from, to } = timeRange(query, nowMs, DEFAULT_RANGE_MS);
    if (!analytics) throw analyticsDisabled();
    const items = analytics.anomalies({
      from,
      to,
      limit: query.limit,
      ...(query.entity !== undefined ? { entity: query.entity } : {}),
      ...(query.minScore !== undefined ? { minScore: query.minScore } : {}),
    });
    return { items };
  });
}
