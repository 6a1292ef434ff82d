import type { FastifyInstance } from 'fastify';
import { SEVERITIES, severityOf } from '../model';
import type { EntityDetail, EntityEvent, TwinReader } from '../model';
import { ApiError } from './errors';
import { errorResponses, eventSchema } from './schemas';
import { timeRange } from './time-params';

const DEFAULT_RANGE_MS = 3_600_000;
// The twin keeps only WARN-or-worse events, so lower thresholds would promise what it cannot give.
const MIN_SEVERITIES = ['WARN', 'ERROR', 'FATAL'] as const;
type MinSeverity = (typeof MIN_SEVERITIES)[number];

const schema = {
  operationId: 'listEvents',
  summary: 'The log events the twin keeps (each entity\'s latest WARN-or-worse records), newest first',
  tags: ['twin'],
  querystring: {
    type: 'object',
    additionalProperties: false,
    properties: {
      entity: { type: 'string', minLength: 1, description: 'only this entity\'s events; default all entities' },
      from: { type: 'string', description: 'start, inclusive: RFC 3339, epoch milliseconds or now-<duration>; default now-1h' },
      to: { type: 'string', description: 'end, inclusive: RFC 3339, epoch milliseconds or now-<duration>; default now' },
      minSeverity: {
        type: 'string',
        enum: [...MIN_SEVERITIES],
        default: 'WARN',
        description: 'only events at least this severe (severity numbers 13, 17, 21 of the OpenTelemetry log data model)',
      },
      limit: { type: 'integer', minimum: 1, maximum: 1000, default: 100, description: 'at most this many' },
    },
  },
  response: {
    200: {
      description: 'the events in the range, newest first, from each entity\'s bounded list of latest errors',
      type: 'object',
      required: ['items'],
      properties: {
        items: {
          type: 'array',
          items: {
            ...eventSchema,
            required: ['entity', ...eventSchema.required],
            properties: { entity: { type: 'string', description: 'the entity id' }, ...eventSchema.properties },
          },
        },
      },
    },
    ...errorResponses({ 400: 'a query parameter is invalid', 404: 'the entity is unknown' }),
  },
};

interface EventsQuery {
  entity?: string;
  from?: string;
  to?: string;
  minSeverity: MinSeverity;
  limit: number;
}

type EventItem = EntityEvent & { entity: string };

export function registerEventsRoute(app: FastifyInstance, twin: TwinReader, now: () => number): void {
  app.get('/api/v1/events', { schema, config: { scope: 'read' } }, async (request) => {
    const query = request.query as EventsQuery;
    const { from, to } = timeRange(query, now(), DEFAULT_RANGE_MS);
    const minRank = rank(query.minSeverity);
    const items: EventItem[] = [];
    for (const entity of entitiesOf(twin, query.entity)) {
      for (const event of entity.events.latestErrors) {
        if (event.t >= from && event.t <= to && severityRank(event) >= minRank) items.push({ entity: entity.id, ...event });
      }
    }
    // Ties in time are ordered by entity id, so pages are the same on every call.
    items.sort((a, b) => b.t - a.t || (a.entity < b.entity ? -1 : a.entity > b.entity ? 1 : 0));
    return { items: items.slice(0, query.limit) };
  });
}

/** One entity, or every entity (a filter without a limit lists them all). */
function entitiesOf(twin: TwinReader, id: string | undefined): EntityDetail[] {
  if (id === undefined) {
    return twin.listEntities({}).items.flatMap((e) => twin.getEntity(e.id) ?? []);
  }
  const entity = twin.getEntity(id);
  if (!entity) throw new ApiError(404, 'not_found', `entity ${JSON.stringify(id)} not found`);
  return [entity];
}

/**
 * The rank by severity range (WARN 13-16, ERROR 17-20, FATAL 21-24); a record that carries only a
 * severity text (number 0) is ranked by its text, as the twin did when it kept it.
 */
function severityRank(event: EntityEvent): number {
  return rank(severityOf(event.severityNumber, event.severityText));
}

/** The index in SEVERITIES; UNSPECIFIED ranks below all (-1). */
function rank(severity: string): number {
  return (SEVERITIES as readonly string[]).indexOf(severity);
}
