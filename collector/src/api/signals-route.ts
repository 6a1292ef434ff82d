import type { FastifyInstance } from 'fastify';
import type { SignalPoint, SignalSeries, TwinReader } from '../model';
import { ApiError } from './errors';
import { errorResponses, pointSchema } from './schemas';
import { durationParam, timeRange } from './time-params';

const DEFAULT_RANGE_MS = 3_600_000;
// Prometheus caps a range query at 11,000 points per series for the same reason: a tiny step over
// a long range costs the server and no panel can draw it.
export const MAX_POINTS = 11_000;

const schema = {
  operationId: 'getSignalHistory',
  summary: 'The history of one signal of one entity',
  tags: ['twin'],
  querystring: {
    type: 'object',
    additionalProperties: false,
    required: ['entity', 'name'],
    properties: {
      entity: { type: 'string', minLength: 1, description: 'the entity id' },
      name: { type: 'string', minLength: 1, description: 'the signal name, e.g. cpu.utilization' },
      from: { type: 'string', description: 'start, inclusive: RFC 3339, epoch milliseconds or now-<duration>; default now-1h' },
      to: { type: 'string', description: 'end, inclusive: RFC 3339, epoch milliseconds or now-<duration>; default now' },
      step: { type: 'string', description: 'bucket width, points averaged per bucket: 30s, 5m, 1h or milliseconds; default raw points' },
    },
  },
  response: {
    200: {
      description: 'the points in the range, oldest first',
      type: 'object',
      required: ['entity', 'name', 'unit', 'points'],
      properties: {
        entity: { type: 'string' },
        name: { type: 'string' },
        unit: { type: 'string' },
        points: { type: 'array', items: pointSchema },
      },
    },
    ...errorResponses({ 400: 'a query parameter is invalid', 404: 'the entity or the signal is unknown' }),
  },
};

interface SignalsQuery {
  entity: string;
  name: string;
  from?: string;
  to?: string;
  step?: string;
}

/** History older than the twin keeps in memory: the store's raw points and rollups. */
export interface SignalArchive {
  /** How far back the twin's own history reaches (twin.history.retention_seconds x 1000). */
  memoryMs: number;
  query(query: { entity: string; name: string; from: number; to: number; stepMs?: number }): Promise<SignalPoint[]>;
}

export function registerSignalsRoute(app: FastifyInstance, twin: TwinReader, now: () => number, archive?: SignalArchive): void {
  app.get('/api/v1/signals', { schema, config: { scope: 'read' } }, async (request) => {
    const query = request.query as SignalsQuery;
    const nowMs = now();
    const { from, to } = timeRange(query, nowMs, DEFAULT_RANGE_MS);
    const stepMs = query.step === undefined ? undefined : durationParam('step', query.step);
    if (stepMs !== undefined && (to - from) / stepMs > MAX_POINTS) {
      throw badRequest(`step: too small for the range, at most ${MAX_POINTS} points per series, got ${query.step} over ${to - from} ms`);
    }
    const entity = twin.getEntity(query.entity);
    if (!entity) throw new ApiError(404, 'not_found', `entity ${JSON.stringify(query.entity)} not found`);
    const wanted = { entity: query.entity, name: query.name, from, to, ...(stepMs ? { stepMs } : {}) };
    const series = archive && from < nowMs - archive.memoryMs ? await withArchive(twin, archive, wanted, nowMs) : twin.signalHistory(wanted);
    if (!series) {
      throw new ApiError(404, 'not_found', `signal ${JSON.stringify(query.name)} not found on entity ${JSON.stringify(query.entity)}`);
    }
    return series;
  });
}

/**
 * The twin's memory answers for what it holds; the archive for the part of the range before the
 * oldest point in memory (cut on a step boundary, so no bucket is averaged from two sources).
 */
async function withArchive(
  twin: TwinReader,
  archive: SignalArchive,
  wanted: { entity: string; name: string; from: number; to: number; stepMs?: number },
  nowMs: number,
): Promise<SignalSeries | undefined> {
  const recent = twin.signalHistory(wanted);
  const oldest = recent?.points[0]?.t ?? nowMs - archive.memoryMs;
  const split = wanted.stepMs ? Math.floor(oldest / wanted.stepMs) * wanted.stepMs : oldest;
  if (split <= wanted.from) return recent;
  const older = await archive.query({ ...wanted, to: Math.min(wanted.to, split - 1) });
  if (!recent && older.length === 0) return undefined;
  const unit = recent?.unit ?? twin.getEntity(wanted.entity)?.signals.find((s) => s.name === wanted.name)?.unit ?? '';
  return { entity: wanted.entity, name: wanted.name, unit, points: [...older, ...(recent?.points ?? [])] };
}

function badRequest(message: string): ApiError {
  return new ApiError(400, 'bad_request', message);
}
