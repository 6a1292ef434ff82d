import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Logger } from '../model';

/** The one error body of the API: `{ "error": { "code", "message" } }`. */
export interface ApiErrorBody {
  error: { code: string; message: string };
}

/** An error a handler throws to answer with a given status and code. */
export class ApiError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export function errorBody(code: string, message: string): ApiErrorBody {
  return { error: { code, message } };
}

const CODES: Record<number, string> = {
  400: 'bad_request',
  401: 'unauthenticated',
  403: 'forbidden',
  404: 'not_found',
  405: 'method_not_allowed',
  406: 'not_acceptable',
  413: 'payload_too_large',
  414: 'uri_too_long',
  415: 'unsupported_media_type',
  429: 'too_many_requests',
  431: 'headers_too_large',
  503: 'unavailable',
};

/** The error code for a status the framework chose; unknown client errors stay `bad_request`. */
export function codeForStatus(status: number): string {
  return CODES[status] ?? (status < 500 ? 'bad_request' : 'internal');
}

interface AjvLikeError {
  keyword: string;
  instancePath: string;
  message?: string;
  params: Record<string, unknown>;
  data?: unknown;
}

/** Turns schema validation errors into one message that names the parameter, the rule and the value. */
export function formatValidationErrors(errors: readonly AjvLikeError[], context: string): string {
  return errors.map((e) => formatOne(e, context)).join('; ');
}

function formatOne(error: AjvLikeError, context: string): string {
  const at = error.instancePath.replace(/^\//, '').replace(/\//g, '.') || context;
  switch (error.keyword) {
    case 'required':
      return `${String(error.params.missingProperty)}: is required`;
    case 'additionalProperties':
      return `${String(error.params.additionalProperty)}: unknown ${context === 'querystring' ? 'query parameter' : 'property'}`;
    case 'enum':
      return `${at}: must be one of ${(error.params.allowedValues as unknown[]).join(', ')}, got ${JSON.stringify(error.data)}`;
    default:
      return `${at}: ${error.message ?? 'is invalid'}, got ${JSON.stringify(error.data)}`;
  }
}

/** Only errors are logged here; any Logger fits. */
export type ErrorLogger = Pick<Logger, 'error'>;

/** Makes every failure answer with the one error body: handler errors, validation, 404, bad URLs. */
export function installErrorHandling(app: FastifyInstance, logger: ErrorLogger | undefined): void {
  app.setErrorHandler((error: FastifyError | ApiError, request: FastifyRequest, reply: FastifyReply) => {
    if (error instanceof ApiError) return reply.code(error.statusCode).send(errorBody(error.code, error.message));
    const fastifyError = error as FastifyError;
    if (fastifyError.validation) {
      const message = formatValidationErrors(fastifyError.validation, fastifyError.validationContext ?? 'request');
      return reply.code(400).send(errorBody('bad_request', message));
    }
    const status = fastifyError.statusCode ?? 500;
    if (status >= 400 && status < 500) return reply.code(status).send(errorBody(codeForStatus(status), error.message));
    // A fault of ours: log it with the route, and do not echo internals to the caller.
    logger?.error('api request failed', { route: request.routeOptions.url ?? 'unmatched', error: error.message });
    return reply.code(500).send(errorBody('internal', 'internal error'));
  });
  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?')[0];
    const shown = path.length > 200 ? `${path.slice(0, 200)}...` : path;
    return reply.code(404).send(errorBody('not_found', `no route for ${request.method} ${shown}`));
  });
}
