import type { FastifyInstance } from 'fastify';
import { rankTwinRootCauses, twinCorrelations } from '../analytics';
import type { TwinReader } from '../model';
import { ApiError } from './errors';
import { errorResponses } from './schemas';
import { durationParam, instantParam, timeRange } from './time-params';

const MAX_WINDOW_MS = 86_400_000;

const movedSignalSchema = {
  type: 'object',
  required: ['entity', 'metric', 'strength', 'correlation', 'lag'],
  properties: {
    entity: { type: 'string', description: 'the entity carrying the signal: the candidate, one of its instances or hardware components' },
    metric: { type: 'string' },
    strength: { type: 'number', description: '|robust z| of the signal at the symptom time' },
    onset: { type: ['number', 'null'], description: 'when its anomaly began, ms since the epoch (null: not anomalous)' },
    correlation: { type: 'number', description: '|r| of its changes against the symptom’s, at the best lag' },
    lag: { type: 'number', description: 'how far it led the symptom, ms' },
  },
};

const rcaSchema = {
  operationId: 'rankRootCauses',
  summary: 'Candidate root causes of a symptom, best first, with the path and the signals that moved',
  tags: ['analytics'],
  querystring: {
    type: 'object',
    additionalProperties: false,
    required: ['entity', 'signal'],
    properties: {
      entity: { type: 'string', minLength: 1, description: 'the entity showing the symptom' },
      signal: { type: 'string', minLength: 1, description: 'the signal that misbehaves, e.g. service.latency_p95_seconds' },
      at: { type: 'string', description: 'when: RFC 3339, epoch milliseconds or now-<duration>; default now' },
      window: { type: 'string', description: 'evidence before `at` (30m, 2h or ms; default 30m, at most 24h): its calm part is the reference' },
    },
  },
  response: {
    200: {
      description: 'every entity the symptom depends on (callees, hosts, racks, CRACs, PDUs), ranked; instances are judged with their service, hardware components with their asset',
      type: 'object',
      required: ['items'],
      properties: {
        items: {
          type: 'array',
          items: {
            type: 'object',
            required: ['entity', 'score', 'path', 'anomalous', 'signals', 'explains'],
            properties: {
              entity: { type: 'string' },
              score: { type: 'number' },
              path: { type: 'array', items: { type: 'string' }, description: 'cause first, symptom last' },
              anomalous: { type: 'boolean' },
              onset: { type: ['number', 'null'], description: 'when its first anomaly began (null: none)' },
              explainedBy: { type: 'string', description: 'an anomalous dependency that began no later and explains it' },
              explains: { type: 'array', items: { type: 'string' } },
              signals: { type: 'array', items: movedSignalSchema },
            },
          },
        },
      },
    },
    ...errorResponses({ 400: 'a query parameter is invalid', 404: 'the entity or the signal is unknown' }),
  },
};

const correlationsSchema = {
  operationId: 'listCorrelations',
  summary: 'Signals of the twin that moved with one signal in a window, strongest first',
  tags: ['analytics'],
  querystring: {
    type: 'object',
    additionalProperties: false,
    required: ['entity', 'signal'],
    properties: {
      entity: { type: 'string', minLength: 1 },
      signal: { type: 'string', minLength: 1 },
      from: { type: 'string', description: 'start: RFC 3339, epoch milliseconds or now-<duration>; default now-1h' },
      to: { type: 'string', description: 'end; default now' },
      maxLag: { type: 'string', description: 'largest lead or lag tried (5m or ms; default 5m)' },
      limit: { type: 'integer', minimum: 1, maximum: 1000, default: 20 },
    },
  },
  response: {
    200: {
      description: 'signals as `<entity>|<signal>`, with Pearson r of their changes and the lag (positive: it led)',
      type: 'object',
      required: ['items'],
      properties: {
        items: {
          type: 'array',
          items: {
            type: 'object',
            required: ['entity', 'signal', 'correlation', 'lag', 'pairs'],
            properties: { entity: { type: 'string' }, signal: { type: 'string' }, correlation: { type: 'number' }, lag: { type: 'number' }, pairs: { type: 'integer' } },
          },
        },
      },
    },
    ...errorResponses({ 400: 'a query parameter is invalid', 404: 'the entity or the signal is unknown' }),
  },
};

export function registerRootCauseRoutes(app: FastifyInstance, twin: TwinReader, now: () => number): void {
  app.get('/api/v1/rca', { schema: rcaSchema, config: { scope: 'read' } }, async (request) => {
    const query = request.query as { entity: string; signal: string; at?: string; window?: string };
    const nowMs = now();
    const at = query.at === undefined ? nowMs : instantParam('at', query.at, nowMs);
    const windowMs = query.window === undefined ? 1_800_000 : durationParam('window', query.window);
    if (windowMs > MAX_WINDOW_MS) throw new ApiError(400, 'bad_request', `window: must be at most 24h, got ${JSON.stringify(query.window)}`);
    knownSignal(twin, query.entity, query.signal);
    const items = rankTwinRootCauses(twin, { entity: query.entity, signal: query.signal, at, windowMs }).map((c) => ({
      entity: c.node,
      score: c.score,
      path: c.path,
      anomalous: c.anomalous,
      onset: Number.isNaN(c.onset) ? null : c.onset,
      ...(c.explainedBy ? { explainedBy: c.explainedBy } : {}),
      explains: c.explains,
      signals: c.signals.map((s) => ({ ...s, onset: Number.isNaN(s.onset) ? null : s.onset })),
    }));
    return { items };
  });

  app.get('/api/v1/correlations', { schema: correlationsSchema, config: { scope: 'read' } }, async (request) => {
    const query = request.query as { entity: string; signal: string; from?: string; to?: string; maxLag?: string; limit: number };
    const nowMs = now();
    const { from, to } = timeRange(query, nowMs, 3_600_000);
    const maxLagMs = query.maxLag === undefined ? 300_000 : durationParam('maxLag', query.maxLag);
    knownSignal(twin, query.entity, query.signal);
    const found = twinCorrelations(twin, { entity: query.entity, signal: query.signal, from, to, maxLagMs, limit: query.limit }) ?? [];
    return {
      items: found.map((c) => {
        const bar = c.id.indexOf('|');
        return { entity: c.id.slice(0, bar), signal: c.id.slice(bar + 1), correlation: c.correlation, lag: c.lag, pairs: c.pairs };
      }),
    };
  });
}

function knownSignal(twin: TwinReader, entity: string, signal: string): void {
  const found = twin.getEntity(entity);
  if (!found) throw new ApiError(404, 'not_found', `entity ${JSON.stringify(entity)} not found`);
  if (!found.signals.some((s) => s.name === signal)) {
    throw new ApiError(404, 'not_found', `signal ${JSON.stringify(signal)} not found on entity ${JSON.stringify(entity)}`);
  }
}
