/**
 * JSON Schemas of the API's payloads. Routes use them to validate and serialize, and the OpenAPI
 * document is generated from the routes, so these are the single source of truth.
 */
import { LEVELS, RELATION_TYPES } from '../model';
import { anomalyPointSchema, entityHealthSchema } from './analytics-schemas';

const millis = (description: string) => ({ type: 'number', description });
// null stands for NaN or an infinity, which telemetry can carry and JSON cannot (see json-safe.ts).
const scalarMap = { type: 'object', additionalProperties: { type: ['string', 'number', 'boolean', 'null'] } };
const statsMap = { type: 'object', additionalProperties: { type: ['number', 'null'] } };

export const errorSchema = {
  type: 'object',
  required: ['error'],
  properties: {
    error: {
      type: 'object',
      required: ['code', 'message'],
      properties: {
        code: { type: 'string', description: 'machine-readable: bad_request, unauthenticated, forbidden, not_found, ...' },
        message: { type: 'string', description: 'for people; names the parameter at fault' },
      },
    },
  },
};

/** Error responses for the given statuses, each with a description for the OpenAPI document. */
export function errorResponses(descriptions: Record<number, string>): Record<number, object> {
  return Object.fromEntries(Object.entries(descriptions).map(([status, description]) => [status, { ...errorSchema, description }]));
}

const entityProperties = {
  id: { type: 'string', description: 'stable and readable, e.g. service:checkout, host:web-3, rack:ams1/r12' },
  type: { type: 'string' },
  level: { type: 'string', enum: [...LEVELS] },
  name: { type: 'string' },
  attributes: scalarMap,
  parent: { type: 'string', description: 'the containing entity, absent at the top' },
  desired: { ...scalarMap, description: 'target values set by control actions' },
  firstSeen: millis('milliseconds since the epoch'),
  lastSeen: millis('milliseconds since the epoch'),
};
const entityRequired = ['id', 'type', 'level', 'name', 'attributes', 'desired', 'firstSeen', 'lastSeen'];

export const entitySchema = { type: 'object', required: entityRequired, properties: entityProperties };

/** A point; `v` is null when the value was NaN or infinite, which JSON cannot carry. */
export const pointSchema = {
  type: 'object',
  required: ['t', 'v'],
  properties: { t: millis('milliseconds since the epoch'), v: { type: ['number', 'null'] } },
};

export const signalSummarySchema = {
  type: 'object',
  required: ['name', 'unit', 'kind'],
  properties: {
    name: { type: 'string' },
    unit: { type: 'string' },
    kind: { type: 'string', description: 'where it came from: gauge, sum, histogram statistic, log count' },
    latest: pointSchema,
    anomaly: anomalyPointSchema,
  },
};

export const relationSchema = {
  type: 'object',
  required: ['id', 'from', 'to', 'type', 'stats', 'firstSeen', 'lastSeen'],
  properties: {
    id: { type: 'string', description: '<type>:<from>-><to>' },
    from: { type: 'string' },
    to: { type: 'string' },
    type: { type: 'string', enum: [...RELATION_TYPES] },
    stats: statsMap,
    firstSeen: millis('milliseconds since the epoch'),
    lastSeen: millis('milliseconds since the epoch'),
  },
};

export const eventSchema = {
  type: 'object',
  required: ['t', 'severityNumber', 'severityText', 'message', 'attributes'],
  properties: {
    t: millis('milliseconds since the epoch'),
    severityNumber: { type: 'integer' },
    severityText: { type: 'string' },
    message: { type: 'string' },
    attributes: scalarMap,
  },
};

export const entityDetailSchema = {
  type: 'object',
  required: [...entityRequired, 'signals', 'relations', 'events'],
  properties: {
    ...entityProperties,
    health: entityHealthSchema,
    signals: { type: 'array', items: signalSummarySchema },
    relations: { type: 'array', items: relationSchema },
    events: {
      type: 'object',
      required: ['countsBySeverity', 'latestErrors'],
      properties: {
        countsBySeverity: { type: 'object', additionalProperties: { type: 'integer' } },
        latestErrors: { type: 'array', items: eventSchema, description: 'the latest WARN-or-worse records, newest first' },
      },
    },
  },
};

export const healthSchema = {
  type: 'object',
  required: ['status'],
  properties: {
    status: {
      type: 'string',
      enum: ['ok', 'degraded', 'failing', 'unknown'],
      description:
        'now, with live analytics on: the entity\'s analytics health (see /api/v1/entities/{id} for its reasons); otherwise, and for a past moment: services and flows by error ratio (ok below 1 %, degraded below 5 %, failing from 5 %, unknown without traffic), other nodes by hw.status, else unknown',
    },
    score: { type: ['number', 'null'], minimum: 0, maximum: 1, description: '1 when all is well, 0 at worst; absent when unknown' },
  },
};

export const topologyNodeSchema = {
  type: 'object',
  required: ['id', 'type', 'level', 'title', 'subtitle', 'virtual', 'health', 'stats', 'firstSeen', 'lastSeen'],
  properties: {
    id: entityProperties.id,
    type: { type: 'string' },
    level: { type: 'string', enum: [...LEVELS] },
    title: { type: 'string', description: 'the entity name' },
    subtitle: { type: 'string', description: '"virtual <type>" for nodes that send no telemetry, else the namespace or hardware type, else the type' },
    virtual: { type: 'boolean', description: 'a node the service graph inferred from its peers (user, unknown, database, messaging, external, service)' },
    parent: entityProperties.parent,
    health: healthSchema,
    stats: {
      ...statsMap,
      description: 'services and flows: requests_per_second, error_ratio, latency_p95_seconds, where recent enough',
    },
    firstSeen: millis('milliseconds since the epoch'),
    lastSeen: millis('milliseconds since the epoch'),
  },
};

export const topologyEdgeSchema = {
  type: 'object',
  required: ['id', 'source', 'target', 'type', 'stats', 'firstSeen', 'lastSeen'],
  properties: {
    id: { type: 'string', description: '<type>:<source>-><target>' },
    source: { type: 'string', description: 'the relation\'s from entity (the caller of a calls edge)' },
    target: { type: 'string', description: 'the relation\'s to entity' },
    type: { type: 'string', enum: [...RELATION_TYPES] },
    stats: {
      ...statsMap,
      description:
        'service-graph edges: requests_per_second, failed_per_second, error_ratio, client/server latency and messaging delay p50/p95/p99 (seconds), and now also requests_total, failed_total; part_of: critical_path_share, critical_path_seconds; a service\'s runs_on: instances',
    },
    firstSeen: millis('milliseconds since the epoch'),
    lastSeen: millis('milliseconds since the epoch'),
  },
};

export const serviceGraphStatsSchema = {
  type: 'object',
  required: ['pending', 'capacity', 'paired', 'expired', 'virtualEdges', 'dropped'],
  properties: {
    pending: { type: 'number', description: 'half-edges waiting for their partner now' },
    capacity: { type: 'number', description: 'the store\'s capacity (twin.service_graph.max_pending)' },
    paired: { type: 'number', description: 'client/server and producer/consumer pairs completed' },
    expired: {
      type: 'object',
      additionalProperties: { type: 'number' },
      description: 'half-edges that expired unpaired, by the kind of the span that waited: client, server, producer, consumer',
    },
    virtualEdges: { type: 'number', description: 'of the expired ones, how many became edges to or from a virtual node' },
    dropped: { type: 'object', additionalProperties: { type: 'number' }, description: 'spans turned away because the store was full, by kind' },
  },
};
