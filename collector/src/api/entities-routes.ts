import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AnomalyPoint, EntityHealth, LiveAnalytics } from '../analytics';
import { LEVELS } from '../model';
import type { EntityDetail, EntityFilter, Level, TwinReader } from '../model';
import { ApiError } from './errors';
import { entityDetailSchema, entitySchema, errorResponses } from './schemas';

const ATTRIBUTE_PREFIX = 'attr.';

const listSchema = {
  operationId: 'listEntities',
  summary: 'List entities, filtered and paged',
  tags: ['twin'],
  querystring: {
    type: 'object',
    additionalProperties: false,
    properties: {
      type: { type: 'string', minLength: 1, description: 'exact entity type, e.g. host, service, rack' },
      level: { type: 'string', enum: [...LEVELS], description: 'the level in the twin' },
      name: { type: 'string', minLength: 1, description: 'case-insensitive substring of the name' },
      limit: { type: 'integer', minimum: 1, maximum: 1000, default: 100, description: 'page size' },
      offset: { type: 'integer', minimum: 0, default: 0, description: 'items to skip' },
    },
    patternProperties: {
      '^attr\\..+$': { type: 'string', description: 'attr.<key>=<value>: keep entities whose attribute <key> equals <value>' },
    },
  },
  response: {
    200: {
      description: 'one page of entities and the number matching in all',
      type: 'object',
      required: ['total', 'items'],
      properties: { total: { type: 'integer' }, items: { type: 'array', items: entitySchema } },
    },
    ...errorResponses({ 400: 'a query parameter is invalid' }),
  },
};

const getSchema = {
  operationId: 'getEntity',
  summary: 'One entity with its signals, relations and events, and with live analytics on its health and anomaly scores',
  description: 'Ids contain ":" and "/": send them URL-encoded (rack%3Aams1%2Fr12); unencoded slashes are accepted too.',
  tags: ['twin'],
  params: {
    type: 'object',
    required: ['id'],
    properties: { id: { type: 'string', description: 'the entity id, URL-encoded' } },
  },
  response: {
    200: { ...entityDetailSchema, description: 'the entity' },
    ...errorResponses({ 404: 'no entity has this id' }),
  },
};

interface ListQuery {
  type?: string;
  level?: Level;
  name?: string;
  limit: number;
  offset: number;
  /** attr.<key> parameters; the schema admits only strings under that prefix. */
  [attribute: string]: string | number | undefined;
}

// What health says of an entity live analytics has not reached yet (it appeared since the last tick).
const NOT_YET: EntityHealth = { score: 1, status: 'unknown', reasons: [] };

export function registerEntityRoutes(app: FastifyInstance, twin: TwinReader, analytics?: LiveAnalytics): void {
  app.get('/api/v1/entities', { schema: listSchema, config: { scope: 'read' } }, async (request) =>
    twin.listEntities(toFilter(request.query as ListQuery)),
  );
  const getEntity = async (id: string) => {
    const entity = twin.getEntity(id);
    if (!entity) throw new ApiError(404, 'not_found', `entity ${JSON.stringify(id)} not found`);
    return analytics ? withAnalytics(entity, analytics) : entity;
  };
  app.get('/api/v1/entities/:id', { schema: getSchema, config: { scope: 'read' } }, (request: FastifyRequest) =>
    getEntity((request.params as { id: string }).id),
  );
  // Unencoded ids with slashes (rack:ams1/r12) do not fit one path segment; this alias catches them.
  app.get(
    '/api/v1/entities/*',
    { schema: { response: getSchema.response }, config: { scope: 'read', openapi: false } },
    (request: FastifyRequest) => getEntity((request.params as { '*': string })['*']),
  );
}

/** The entity with its health, and each analysed signal with its latest anomaly point. */
function withAnalytics(entity: EntityDetail, analytics: LiveAnalytics): EntityDetail & { health: EntityHealth } {
  const anomalies = new Map<string, AnomalyPoint>();
  for (const analysis of analytics.analysisOf(entity.id)) if (analysis.anomaly) anomalies.set(analysis.signal, analysis.anomaly);
  const signals = entity.signals.map((signal) => {
    const anomaly = anomalies.get(signal.name);
    return anomaly ? { ...signal, anomaly } : signal;
  });
  return { ...entity, health: analytics.health(entity.id) ?? NOT_YET, signals };
}

function toFilter(query: ListQuery): EntityFilter {
  const filter: EntityFilter = { limit: query.limit, offset: query.offset };
  if (query.type !== undefined) filter.type = query.type;
  if (query.level !== undefined) filter.level = query.level;
  if (query.name !== undefined) filter.name = query.name;
  const attributes: Record<string, string> = {};
  for (const [key, value] of Object.entries(query)) {
    if (key.startsWith(ATTRIBUTE_PREFIX)) attributes[key.slice(ATTRIBUTE_PREFIX.length)] = String(value);
  }
  if (Object.keys(attributes).length > 0) filter.attributes = attributes;
  return filter;
}
