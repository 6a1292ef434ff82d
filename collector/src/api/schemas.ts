/**
 * JSON Schemas of the API's payloads. Routes use them to validate and serialize, and the OpenAPI
 * document is generated from the routes, so these are the single source of truth.
 */
import { LEVELS, RELATION_TYPES } from '../model';

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

export const topologyNodeSchema = {
  type: 'object',
  required: [...entityRequired, 'signals'],
  properties: { ...entityProperties, signals: { type: 'array', items: signalSummarySchema } },
};

export const topologyEdgeSchema = {
  type: 'object',
  required: ['id', 'source', 'target', 'type', 'stats', 'firstSeen', 'lastSeen'],
  properties: {
    id: { type: 'string', description: '<type>:<source>-><target>' },
    source: { type: 'string', description: 'the relation\'s from entity' },
    target: { type: 'string', description: 'the relation\'s to entity' },
    type: { type: 'string', enum: [...RELATION_TYPES] },
    stats: statsMap,
    firstSeen: millis('milliseconds since the epoch'),
    lastSeen: millis('milliseconds since the epoch'),
  },
};
