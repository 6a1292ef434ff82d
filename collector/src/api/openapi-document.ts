import type { Scope } from './config';
import { errorSchema } from './schemas';

/** What the generator needs of a registered route (collected by an onRoute hook). */
export interface RouteDoc {
  method: string;
  /** Fastify's form, `/api/v1/entities/:id`. */
  url: string;
  schema?: Record<string, unknown>;
  scope?: Scope;
}

type JsonSchema = Record<string, unknown>;

const STATUS_TEXT: Record<string, string> = { 200: 'OK', 401: 'no valid bearer token', 403: 'the token lacks the scope' };

/** An OpenAPI 3.1 document built from the routes' own schemas, so it cannot drift from them. */
export function createOpenApiDocument(routes: readonly RouteDoc[], version: string): JsonSchema {
  const paths: Record<string, Record<string, unknown>> = {};
  const sorted = [...routes].sort((a, b) => a.url.localeCompare(b.url) || a.method.localeCompare(b.method));
  for (const route of sorted) {
    const path = route.url.replace(/:([A-Za-z0-9_]+)/g, '{$1}');
    paths[path] ??= {};
    paths[path][route.method.toLowerCase()] = operation(route);
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'TwinOps',
      version,
      description: 'The TwinOps collector API: a live twin of entities, relations and signals built from OpenTelemetry data.',
    },
    paths,
    components: {
      securitySchemes: {
        bearer: { type: 'http', scheme: 'bearer', description: 'a token from auth.tokens; needed only when tokens are configured' },
      },
    },
  };
}

function operation(route: RouteDoc): JsonSchema {
  const schema = route.schema ?? {};
  const op: JsonSchema = {};
  for (const key of ['operationId', 'summary', 'description', 'tags']) {
    if (schema[key] !== undefined) op[key] = schema[key];
  }
  const parameters = [...toParameters(schema.params, 'path'), ...toParameters(schema.querystring, 'query')];
  if (parameters.length > 0) op.parameters = parameters;
  const responses: JsonSchema = {};
  for (const [status, response] of Object.entries((schema.response ?? {}) as Record<string, JsonSchema>)) {
    responses[status] = toResponse(status, response);
  }
  if (route.scope) {
    responses['401'] = toResponse('401', errorSchema);
    responses['403'] = toResponse('403', errorSchema);
    op.security = [{ bearer: [] }];
    op['x-twinops-scope'] = route.scope;
  } else {
    op.security = [];
  }
  op.responses = responses;
  return op;
}

function toParameters(schema: unknown, where: 'path' | 'query'): JsonSchema[] {
  if (!schema) return [];
  const { properties = {}, patternProperties = {}, required = [] } = schema as {
    properties?: Record<string, JsonSchema>;
    patternProperties?: Record<string, JsonSchema>;
    required?: string[];
  };
  const named = Object.entries(properties).map(([name, property]) =>
    parameter(name, where, where === 'path' || required.includes(name), property),
  );
  // `^attr\..+$` becomes `attr.<key>`: OpenAPI has no pattern-named parameters, so the name shows the form.
  const patterned = Object.entries(patternProperties).map(([pattern, property]) =>
    parameter(pattern.replace(/^\^/, '').replace(/\$$/, '').replace(/\\\./g, '.').replace(/\.\+$/, '<key>'), where, false, property),
  );
  return [...named, ...patterned];
}

function parameter(name: string, where: string, required: boolean, property: JsonSchema): JsonSchema {
  const { description, ...schema } = property;
  return { name, in: where, required, ...(description !== undefined ? { description } : {}), schema };
}

function toResponse(status: string, response: JsonSchema): JsonSchema {
  const { description, content, ...schema } = response;
  const text = (description as string | undefined) ?? STATUS_TEXT[status] ?? `status ${status}`;
  return { description: text, content: content ?? { 'application/json': { schema } } };
}
