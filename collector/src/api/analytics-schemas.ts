/** JSON Schemas of live analytics' payloads: forecasts, anomalies and entity health (see analytics/live/types.ts). */

const millis = (description: string) => ({ type: 'number', description });
// null stands for NaN or an infinity, which JSON cannot carry (see json-safe.ts).
const value = (description: string) => ({ type: ['number', 'null'], description });

export const anomalyPointSchema = {
  type: 'object',
  required: ['t', 'score', 'flag'],
  description: 'the latest anomaly verdict of the signal, when live analytics analyses it',
  properties: {
    t: millis('bucket start, milliseconds since the epoch'),
    score: { type: 'number', minimum: 0, maximum: 1, description: 'in [0, 1]: how unusual the point is' },
    flag: { type: 'boolean', description: 'true when the detector calls the point an anomaly' },
  },
};

export const anomalyEventSchema = {
  type: 'object',
  required: ['entity', 'signal', 't', 'score', 'value'],
  properties: {
    entity: { type: 'string' },
    signal: { type: 'string' },
    t: millis('bucket start, milliseconds since the epoch'),
    score: { type: 'number', description: 'in [0, 1]' },
    value: value('the signal\'s value at t'),
  },
};

export const thresholdCrossingSchema = {
  type: 'object',
  required: ['limit', 'direction'],
  description: 'when the forecast crosses the configured limit; at, earliest and latest are absent when not within the horizon',
  properties: {
    limit: { type: 'number' },
    direction: { type: 'string', enum: ['above', 'below'] },
    at: millis('where the point forecast crosses, milliseconds since the epoch'),
    earliest: millis('where the pessimistic bound of the interval crosses'),
    latest: millis('where the optimistic bound of the interval crosses'),
  },
};

export const signalForecastSchema = {
  type: 'object',
  required: ['entity', 'signal', 'unit', 'model', 'level', 'stepMs', 'points'],
  properties: {
    entity: { type: 'string' },
    signal: { type: 'string' },
    unit: { type: 'string' },
    model: { type: 'string', description: 'the model or combination that produced the forecast' },
    level: { type: 'number', description: 'coverage of the interval, e.g. 0.9' },
    stepMs: { type: 'number', description: 'spacing of the points, milliseconds' },
    points: {
      type: 'array',
      items: {
        type: 'object',
        required: ['t', 'v', 'lower', 'upper'],
        properties: {
          t: millis('milliseconds since the epoch'),
          v: value('the point forecast'),
          lower: value('lower bound of the interval'),
          upper: value('upper bound of the interval'),
        },
      },
    },
    threshold: thresholdCrossingSchema,
  },
};

export const entityHealthSchema = {
  type: 'object',
  required: ['score', 'status', 'reasons'],
  description: 'health from live analytics, rolled up the hierarchy and along dependencies; present when live analytics is on',
  properties: {
    score: { type: 'number', minimum: 0, maximum: 1, description: '1 when all is well, 0 at worst' },
    status: { type: 'string', enum: ['ok', 'degraded', 'failing', 'unknown'] },
    reasons: {
      type: 'array',
      description: 'worst first',
      items: {
        type: 'object',
        required: ['kind', 'message'],
        properties: {
          kind: { type: 'string', enum: ['anomaly', 'error_ratio', 'threshold', 'hw_status', 'child', 'dependency'] },
          message: { type: 'string', description: 'for people' },
          entity: { type: 'string', description: 'the child or callee the reason comes from' },
          signal: { type: 'string' },
        },
      },
    },
  },
};
