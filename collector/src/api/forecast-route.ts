import type { FastifyInstance } from 'fastify';
import type { LiveAnalytics } from '../analytics';
import type { TwinReader } from '../model';
import { signalForecastSchema } from './analytics-schemas';
import { ApiError } from './errors';
import { errorResponses } from './schemas';
import { durationParam } from './time-params';

export const DEFAULT_HORIZON_MS = 3_600_000;
// A day: the engine keeps at most a day of forecast steps (analytics.live.forecast.max_history_points
// at its default of 1440 one-minute steps), and a forecast much longer than its history says little.
export const MAX_HORIZON_MS = 86_400_000;

const schema = {
  operationId: 'getForecast',
  summary: 'The forecast of one signal, with prediction intervals and when it crosses its configured limit',
  tags: ['analytics'],
  querystring: {
    type: 'object',
    additionalProperties: false,
    required: ['entity', 'signal'],
    properties: {
      entity: { type: 'string', minLength: 1, description: 'the entity id' },
      signal: { type: 'string', minLength: 1, description: 'the signal name, e.g. hw.temperature' },
      horizon: { type: 'string', description: 'how far ahead: 30m, 2h or milliseconds; default 1h, at most 24h' },
    },
  },
  response: {
    200: { ...signalForecastSchema, description: 'the forecast points after the latest complete step, with their interval' },
    ...errorResponses({
      400: 'a query parameter is invalid',
      404: 'the entity or the signal is unknown, or the signal is not analysed',
      409: 'the signal has too little history for a forecast yet',
      503: 'live analytics is off',
    }),
  },
};

interface ForecastQuery {
  entity: string;
  signal: string;
  horizon?: string;
}

export function registerForecastRoute(app: FastifyInstance, twin: TwinReader, analytics: LiveAnalytics | undefined): void {
  app.get('/api/v1/forecast', { schema, config: { scope: 'read' } }, async (request) => {
    const query = request.query as ForecastQuery;
    const horizonMs = query.horizon === undefined ? DEFAULT_HORIZON_MS : horizonOf(query.horizon);
    if (!analytics) throw analyticsDisabled();
    const { entity, signal } = query;
    const detail = twin.getEntity(entity);
    if (!detail) throw new ApiError(404, 'not_found', `entity: ${JSON.stringify(entity)} not found`);
    if (!detail.signals.some((s) => s.name === signal)) {
      throw new ApiError(404, 'not_found', `signal: ${JSON.stringify(signal)} not found on entity ${JSON.stringify(entity)}`);
    }
    const forecast = analytics.forecast(entity, signal, horizonMs);
    if (forecast) return forecast;
    if (!analytics.analysisOf(entity).some((a) => a.signal === signal)) {
      throw new ApiError(
        404,
        'not_analysed',
        `signal: ${JSON.stringify(signal)} of entity ${JSON.stringify(entity)} is not analysed (analytics.live.signals selects the signals)`,
      );
    }
    throw new ApiError(
      409,
      'insufficient_history',
      `signal: ${JSON.stringify(signal)} of entity ${JSON.stringify(entity)} has too little history for a forecast yet (see analytics.live.forecast.min_history_points)`,
    );
  });
}

function horizonOf(text: string): number {
  const horizonMs = durationParam('horizon', text);
  if (horizonMs > MAX_HORIZON_MS) {
    throw new ApiError(400, 'bad_request', `horizon: must be at most 24h (${MAX_HORIZON_MS} ms), got ${JSON.stringify(text)}`);
  }
  return horizonMs;
}

/** The answer of the analytics routes when the collector runs without live analytics. */
export function analyticsDisabled(): ApiError {
  return new ApiError(503, 'analytics_disabled', 'live analytics is off (analytics.live.enabled is false)');
}
