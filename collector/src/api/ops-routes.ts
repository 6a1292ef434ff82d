import type { FastifyInstance } from 'fastify';
import { ApiError } from './errors';
import { errorResponses } from './schemas';

/** Whether the collector takes traffic: its receivers are listening. */
export interface ReadyState {
  ready: boolean;
  /** Why not, when not ready, e.g. "receivers.otlp.grpc is not listening yet". */
  reason?: string;
}

/** The registry /metrics renders (the Prometheus one from export/ fits). */
export interface MetricsScrape {
  readonly contentType: string;
  metrics(): Promise<string>;
}

const statusSchema = (status: string, description: string) => ({
  description,
  type: 'object',
  required: ['status'],
  properties: { status: { type: 'string', enum: [status] } },
});

/** /healthz and /readyz are open to all (orchestrators probe them without tokens); /metrics needs read. */
export function registerOpsRoutes(app: FastifyInstance, ready: () => ReadyState, scrape: MetricsScrape): void {
  app.get(
    '/healthz',
    { schema: { operationId: 'health', summary: 'Liveness: the process serves requests', tags: ['operations'], response: { 200: statusSchema('ok', 'alive') } } },
    async () => ({ status: 'ok' }),
  );
  const readySchema = {
    operationId: 'ready',
    summary: 'Readiness: the receivers are listening',
    tags: ['operations'],
    response: { 200: statusSchema('ready', 'ready for traffic'), ...errorResponses({ 503: 'not ready; the message says why' }) },
  };
  app.get('/readyz', { schema: readySchema }, async () => {
    const state = ready();
    if (!state.ready) throw new ApiError(503, 'not_ready', state.reason ?? 'not ready');
    return { status: 'ready' };
  });
  const metricsSchema = {
    operationId: 'metrics',
    summary: 'The collector\'s own metrics in the Prometheus text format',
    tags: ['operations'],
    response: { 200: { description: 'Prometheus text exposition format 0.0.4', content: { 'text/plain': { schema: { type: 'string' } } } } },
  };
  app.get('/metrics', { schema: metricsSchema, config: { scope: 'read' } }, async (_request, reply) =>
    reply.type(scrape.contentType).send(await scrape.metrics()),
  );
}
