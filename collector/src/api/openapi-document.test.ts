import { createOpenApiDocument } from './openapi-document';
import { createTestApp } from './test-support/test-app';

const ERROR_SCHEMA = {
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

describe('GET /api/v1/openapi.json', () => {
  async function fetchDocument() {
    const { app } = createTestApp();
    const res = await app.inject('/api/v1/openapi.json');
    expect(res.statusCode).toBe(200);
    return JSON.parse(res.body);
  }

  it('is an OpenAPI 3.1 document with bearer security', async () => {
    const doc = await fetchDocument();
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.info).toEqual({
      title: 'TwinOps',
      version: '1.2.3',
      description: 'The TwinOps collector API: a live twin of entities, relations and signals built from OpenTelemetry data.',
    });
    expect(doc.components.securitySchemes).toEqual({
      bearer: { type: 'http', scheme: 'bearer', description: 'a token from auth.tokens; needed only when tokens are configured' },
    });
  });

  it('lists every route once, with its parameters, and not the raw-slash alias', async () => {
    const doc = await fetchDocument();
    const listing = Object.entries(doc.paths as Record<string, Record<string, { parameters?: { name: string; in: string; required: boolean }[] }>>).map(
      ([path, methods]) =>
        Object.entries(methods).map(([method, op]) => [method, path, (op.parameters ?? []).map((p) => `${p.in}:${p.name}${p.required ? '!' : ''}`)]),
    );
    expect(listing.flat()).toEqual([
      ['get', '/api/v1/anomalies', ['query:from', 'query:to', 'query:entity', 'query:minScore', 'query:limit']],
      ['get', '/api/v1/correlations', ['query:entity!', 'query:signal!', 'query:from', 'query:to', 'query:maxLag', 'query:limit']],
      ['get', '/api/v1/entities', ['query:type', 'query:level', 'query:name', 'query:limit', 'query:offset', 'query:attr.<key>']],
      ['get', '/api/v1/entities/{id}', ['path:id!']],
      ['get', '/api/v1/events', ['query:entity', 'query:from', 'query:to', 'query:minSeverity', 'query:limit']],
      ['get', '/api/v1/forecast', ['query:entity!', 'query:signal!', 'query:horizon']],
      ['get', '/api/v1/openapi.json', []],
      ['get', '/api/v1/physics', []],
      ['get', '/api/v1/rca', ['query:entity!', 'query:signal!', 'query:at', 'query:window']],
      ['get', '/api/v1/scenarios', []],
      ['delete', '/api/v1/scenarios/{name}', ['path:name!']],
      ['get', '/api/v1/scenarios/{name}', ['path:name!']],
      ['put', '/api/v1/scenarios/{name}', ['path:name!']],
      ['post', '/api/v1/scenarios/{name}/run', ['path:name!']],
      ['get', '/api/v1/service-graph/stats', []],
      ['get', '/api/v1/signals', ['query:entity!', 'query:name!', 'query:from', 'query:to', 'query:step']],
      ['post', '/api/v1/simulations', []],
      ['get', '/api/v1/simulations/{id}', ['path:id!']],
      ['get', '/api/v1/status', []],
      ['get', '/api/v1/stream', ['query:kinds', 'query:watch']],
      ['get', '/api/v1/topology', ['query:view', 'query:focus', 'query:depth', 'query:at', 'query:type', 'query:level']],
      ['get', '/healthz', []],
      ['get', '/metrics', []],
      ['get', '/readyz', []],
    ]);
  });

  it('marks which operations need a token and which scope', async () => {
    const doc = await fetchDocument();
    const security = Object.entries(doc.paths as Record<string, Record<string, { security: unknown; 'x-twinops-scope'?: string }>>).flatMap(([path, methods]) =>
      Object.entries(methods).map(([method, op]) => [`${method} ${path}`, op.security, op['x-twinops-scope']]),
    );
    expect(security).toEqual([
      ['get /api/v1/anomalies', [{ bearer: [] }], 'read'],
      ['get /api/v1/correlations', [{ bearer: [] }], 'read'],
      ['get /api/v1/entities', [{ bearer: [] }], 'read'],
      ['get /api/v1/entities/{id}', [{ bearer: [] }], 'read'],
      ['get /api/v1/events', [{ bearer: [] }], 'read'],
      ['get /api/v1/forecast', [{ bearer: [] }], 'read'],
      ['get /api/v1/openapi.json', [], undefined],
      ['get /api/v1/physics', [{ bearer: [] }], 'read'],
      ['get /api/v1/rca', [{ bearer: [] }], 'read'],
      ['get /api/v1/scenarios', [{ bearer: [] }], 'read'],
      ['delete /api/v1/scenarios/{name}', [{ bearer: [] }], 'write'],
      ['get /api/v1/scenarios/{name}', [{ bearer: [] }], 'read'],
      ['put /api/v1/scenarios/{name}', [{ bearer: [] }], 'write'],
      ['post /api/v1/scenarios/{name}/run', [{ bearer: [] }], 'read'],
      ['get /api/v1/service-graph/stats', [{ bearer: [] }], 'read'],
      ['get /api/v1/signals', [{ bearer: [] }], 'read'],
      ['post /api/v1/simulations', [{ bearer: [] }], 'read'],
      ['get /api/v1/simulations/{id}', [{ bearer: [] }], 'read'],
      ['get /api/v1/status', [{ bearer: [] }], 'read'],
      ['get /api/v1/stream', [{ bearer: [] }], 'read'],
      ['get /api/v1/topology', [{ bearer: [] }], 'read'],
      ['get /healthz', [], undefined],
      ['get /metrics', [{ bearer: [] }], 'read'],
      ['get /readyz', [], undefined],
    ]);
  });

  it('describes responses from the route schemas, non-JSON ones by their content type', async () => {
    const doc = await fetchDocument();
    const entity = doc.paths['/api/v1/entities/{id}'].get;
    expect(Object.keys(entity.responses)).toEqual(['200', '401', '403', '404']);
    expect(entity.responses['404']).toEqual({ description: 'no entity has this id', content: { 'application/json': { schema: ERROR_SCHEMA } } });
    expect(entity.responses['401']).toEqual({ description: 'no valid bearer token', content: { 'application/json': { schema: ERROR_SCHEMA } } });
    expect(entity.responses['200'].content['application/json'].schema.required).toEqual([
      'id', 'type', 'level', 'name', 'attributes', 'desired', 'firstSeen', 'lastSeen', 'signals', 'relations', 'events',
    ]);
    expect(doc.paths['/api/v1/stream'].get.responses['200']).toEqual({
      description: 'an endless text/event-stream',
      content: { 'text/event-stream': { schema: { type: 'string' } } },
    });
    expect(doc.paths['/metrics'].get.responses['200'].content).toEqual({ 'text/plain': { schema: { type: 'string' } } });
    const topology = doc.paths['/api/v1/topology'].get;
    expect(topology.parameters.slice(0, 3).map((p: { schema: unknown }) => p.schema)).toEqual([
      { type: 'string', enum: ['services', 'infra', 'all'], default: 'all' },
      { type: 'string', minLength: 1 },
      { type: 'integer', minimum: 0, maximum: 10, default: 2 },
    ]);
    expect(Object.keys(topology.responses)).toEqual(['200', '400', '401', '403', '404']);
    expect(topology.responses['200'].content['application/json'].schema.properties.nodes.items.required).toEqual([
      'id', 'type', 'level', 'title', 'subtitle', 'virtual', 'health', 'stats', 'firstSeen', 'lastSeen',
    ]);
    const stats = doc.paths['/api/v1/service-graph/stats'].get;
    expect(Object.keys(stats.responses)).toEqual(['200', '401', '403', '503']);
    expect(stats.responses['200'].content['application/json'].schema.required).toEqual([
      'pending', 'capacity', 'paired', 'expired', 'virtualEdges', 'dropped',
    ]);
    expect(doc.paths['/api/v1/entities'].get.parameters[3]).toEqual({
      name: 'limit',
      in: 'query',
      required: false,
      description: 'page size',
      schema: { type: 'integer', minimum: 1, maximum: 1000, default: 100 },
    });
  });
});

describe('createOpenApiDocument', () => {
  it('turns :params into {params} and documents a route without a schema', () => {
    const doc = createOpenApiDocument(
      [{ method: 'DELETE', url: '/things/:thingId', schema: { params: { type: 'object', properties: { thingId: { type: 'string' } } } }, scope: 'admin' }],
      '0.0.1',
    ) as { paths: Record<string, Record<string, unknown>> };
    expect(doc.paths).toEqual({
      '/things/{thingId}': {
        delete: {
          parameters: [{ name: 'thingId', in: 'path', required: true, schema: { type: 'string' } }],
          security: [{ bearer: [] }],
          'x-twinops-scope': 'admin',
          responses: {
            '401': { description: 'no valid bearer token', content: { 'application/json': { schema: ERROR_SCHEMA } } },
            '403': { description: 'the token lacks the scope', content: { 'application/json': { schema: ERROR_SCHEMA } } },
          },
        },
      },
    });
  });
});
