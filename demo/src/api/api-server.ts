import { randomBytes, timingSafeEqual } from 'node:crypto';
import Fastify from 'fastify';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { isSimulationError } from '../runner';
import type { Simulation } from '../runner';
import { renderInventoryYaml } from '../world';
import { ACTUATOR_COMMANDS } from './actuator-commands';
import { createAuditLog } from './audit-log';
import type { AuditEntry, AuditLog } from './audit-log';
import { readBody } from './request-body';

export interface ApiServerConfig {
  /** The bearer token; '' = generate one (print it for the user). */
  token: string;
  /** The token's name in audit lines. */
  tokenName: string;
  /** Audit entries kept in memory (GET /api/v1/audit). */
  auditLimit: number;
}

export interface ApiLogger {
  info(message: string, fields: Record<string, unknown>): void;
}

export interface ApiServerSettings {
  simulation: Simulation;
  logger: ApiLogger;
  /** Real time for audit lines. */
  clock?: () => Date;
}

export interface ApiServer {
  app: FastifyInstance;
  /** The token callers must send as `Authorization: Bearer <token>`. */
  token: string;
  audit: AuditLog;
}

export function defaultApiServerConfig(): ApiServerConfig {
  return { token: '', tokenName: 'demo', auditLimit: 1000 };
}

type Outcome = { status: number; body: unknown; faultId?: string };
const STATUS = { invalid_argument: 400, not_found: 404 } as const;

/** The fault and actuator API over a running simulation; call `app.listen` to serve it. */
export function createApiServer(config: ApiServerConfig, settings: ApiServerSettings): ApiServer {
  const { simulation, logger } = settings;
  const clock = settings.clock ?? (() => new Date());
  // 32 random bytes: unguessable, and short enough to paste.
  const token = config.token || randomBytes(32).toString('base64url');
  const expected = Buffer.from(`Bearer ${token}`);
  const audit = createAuditLog(config.auditLimit);
  const app = Fastify({ logger: false });
  const callers = new WeakMap<FastifyRequest, string>();

  const record = (caller: string, action: string, args: Record<string, unknown>, outcome: Outcome) => {
    const error = (outcome.body as { error?: { code: string; message: string } }).error;
    const entry: AuditEntry = {
      time: clock().toISOString(),
      simulatedEpochSeconds: simulation.config.startEpochSeconds + simulation.nowSeconds(),
      caller,
      action,
      arguments: args,
      result: { status: outcome.status, ...(error ?? {}), ...(outcome.faultId ? { faultId: outcome.faultId } : {}) },
    };
    audit.add(entry);
    logger.info(`audit ${action} ${outcome.status}`, { audit: entry });
  };
  const failure = (status: number, code: string, message: string): Outcome => ({ status, body: { error: { code, message } } });

  app.addHook('onRequest', async (request, reply) => {
    if (!request.url.startsWith('/api/')) return;
    const header = Buffer.from(request.headers.authorization ?? '');
    if (header.length === expected.length && timingSafeEqual(header, expected)) return void callers.set(request, config.tokenName);
    const missing = request.headers.authorization === undefined;
    const outcome = failure(401, 'unauthenticated', missing ? 'missing bearer token (Authorization: Bearer <token>)' : 'invalid bearer token');
    record(missing ? 'anonymous' : 'invalid', `${request.method} ${request.url.split('?')[0]}`, {}, outcome);
    return reply.code(401).header('www-authenticate', 'Bearer').send(outcome.body);
  });

  /** Runs one state-changing call, maps its errors and writes the audit line. */
  const act = (action: string, work: (request: FastifyRequest) => Outcome) => async (request: FastifyRequest, reply: FastifyReply) => {
    const args = { ...(request.params as object), ...(isObject(request.body) ? request.body : {}) };
    let outcome: Outcome;
    try {
      outcome = work(request);
    } catch (error) {
      if (!isSimulationError(error)) {
        record(callers.get(request) ?? 'anonymous', action, args, failure(500, 'internal', (error as Error).message));
        throw error;
      }
      outcome = failure(STATUS[error.code], error.code, error.message);
    }
    record(callers.get(request) ?? 'anonymous', action, args, outcome);
    return reply.code(outcome.status).send(outcome.body);
  };

  app.get('/healthz', async () => ({ status: 'ok' }));
  app.get('/api/v1/truth', async () => simulation.truth());
  app.get('/api/v1/audit', async () => ({ entries: audit.list() }));
  // The inventory file of the current layout (servers added at run time included), for the collector.
  app.get('/api/v1/inventory', async (_request, reply) => reply.type('application/yaml').send(renderInventoryYaml(simulation.layout, { speed: simulation.config.speed })));
  app.get('/api/v1/faults', async () => ({ faults: simulation.faults(), scheduled: simulation.truth().scheduled }));
  app.post('/api/v1/faults', act('fault.inject', (request) => {
    const body = readBody(request.body, ['fault', 'target']);
    const fault = simulation.inject(body.string('fault'), body.optionalString('target'));
    return { status: 201, body: fault, faultId: fault.id };
  }));
  app.delete('/api/v1/faults/:id', act('fault.clear', (request) => {
    const fault = simulation.clear((request.params as { id: string }).id);
    return { status: 200, body: fault, faultId: fault.id };
  }));
  for (const [name, spec] of Object.entries(ACTUATOR_COMMANDS)) {
    app.post(`/api/v1/actuators/${name}`, act(`actuator.${name}`, (request) => {
      const result = simulation.actuate(spec.command(readBody(request.body, spec.fields)));
      return { status: 200, body: { status: 'ok', ...result } };
    }));
  }

  app.setNotFoundHandler((request, reply) =>
    reply.code(404).send({ error: { code: 'not_found', message: `no route ${request.method} ${request.url.split('?')[0]}` } }));
  app.setErrorHandler((error: { statusCode?: number; message: string }, _request, reply) => {
    // Fastify's own 4xx (malformed JSON, wrong content type) keep their status in our error shape.
    const status = error.statusCode && error.statusCode < 500 ? error.statusCode : 500;
    const message = status === 500 ? 'internal error' : `body: ${error.message}`;
    return reply.code(status).send({ error: { code: status === 500 ? 'internal' : 'invalid_argument', message } });
  });
  return { app, token, audit };
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
