import Fastify from 'fastify';
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { LiveAnalytics } from '../analytics';
import type { SimulationService } from '../simulate';
import type { SavedScenarios } from '../store';
import { twinHistoryConfigSchema } from '../model';
import type { Authorize, Clock, MetricsRegistry, ServiceGraphStats, TwinReader } from '../model';
import type { ApiConfig } from './config';
import { registerAnomaliesRoute } from './anomalies-route';
import { registerEntityRoutes } from './entities-routes';
import { errorBody, installErrorHandling } from './errors';
import type { ErrorLogger } from './errors';
import { jsonSafe } from './json-safe';
import { registerEventsRoute } from './events-route';
import { registerForecastRoute } from './forecast-route';
import { createOpenApiDocument } from './openapi-document';
import type { RouteDoc } from './openapi-document';
import { registerOpsRoutes } from './ops-routes';
import type { MetricsScrape, ReadyState } from './ops-routes';
import './route-config';
import { registerServiceGraphStatsRoute } from './service-graph-stats-route';
import { registerSignalsRoute } from './signals-route';
import type { SignalArchive } from './signals-route';
import { registerAuditRoute } from './audit-route';
import { registerRootCauseRoutes } from './root-cause-routes';
import { registerSimulationRoutes } from './simulation-routes';
import { registerScenarioRoutes } from './scenario-routes';
import type { AuditLog } from './audit-route';
import { registerDesiredRoute } from './desired-route';
import type { DesiredStateService } from './desired-route';
import { createSseHub, systemTimers } from './sse-hub';
import type { SseHub, Timers } from './sse-hub';
import { registerStatusRoute } from './status-route';
import { registerStreamRoute } from './stream-route';
import { registerTopologyRoute } from './topology-route';
import { locateUi, registerUiRoutes } from './ui-route';

/** What code injects into the API server. */
export interface ApiServerSettings {
  twin: TwinReader;
  /** Counts API requests, and /metrics renders it: the Prometheus registry from export/. */
  metrics: MetricsRegistry & MetricsScrape;
  /** From createAuthorizer; decides every route that declares a scope. */
  authorize: Authorize;
  /** Whether the receivers are listening; /readyz answers 503 with the reason until they are. */
  ready: () => ReadyState;
  /** The collector's version, shown in the OpenAPI document and by /api/v1/status. */
  version: string;
  /** The service graph's pairing counts (its builder's stats()); without it the route answers 503. */
  serviceGraphStats?: () => ServiceGraphStats;
  /** The twin's twin.history.retention_seconds: how far back topology `at` may go (default 3600). */
  historyRetentionSeconds?: number;
  /** History older than the twin's memory (the store); without it /signals answers from memory only. */
  signalArchive?: SignalArchive;
  /** Desired state, committed before 2xx; without it PUT .../desired is not served. */
  desiredState?: DesiredStateService;
  /** The store's audit log; without it /audit is not served. */
  audit?: AuditLog;
  /** Live analytics: forecasts, anomalies, health in entities and topology; without it /forecast and /anomalies answer 503. */
  analytics?: LiveAnalytics;
  /** What-if simulations on the calibrated twin; without it /simulations and /physics answer 503. */
  simulation?: SimulationService;
  /** Saved scenarios (the store's); without it /scenarios answers 503. */
  scenarios?: SavedScenarios;
  clock?: Clock;
  timers?: Timers;
  logger?: ErrorLogger;
}

export interface ApiApp {
  app: FastifyInstance;
  hub: SseHub;
}

/** Assembles the Fastify app: hooks for auth and counting, the routes, error handling, OpenAPI. */
export function buildApiApp(config: ApiConfig, settings: ApiServerSettings): ApiApp {
  const app = Fastify({
    logger: false,
    // Unknown query parameters are errors, not silently dropped, so a typo never widens a query.
    ajv: { customOptions: { removeAdditional: false, verbose: true, allowUnionTypes: true } },
    // Malformed URLs (bad percent-encoding) are answered before routing; keep the one error body.
    frameworkErrors: (error, _request, reply) => {
      void (reply as unknown as FastifyReply).code(400).send(errorBody('bad_request', error.message));
    },
  });
  const requests = settings.metrics.counter('twinops_api_requests_total', 'API requests answered, by route template and status.', [
    'route',
    'status',
  ]);
  const dropped = settings.metrics.counter(
    'twinops_api_stream_clients_dropped_total',
    'Event-stream clients disconnected because they stopped reading.',
  );
  const hub = createSseHub({
    twin: settings.twin,
    keepaliveMs: config.keepaliveSeconds * 1000,
    // A second is as fast as a person reads a panel; each check reads each watched entity once.
    pointCheckMs: 1000,
    maxBufferedEvents: config.sseMaxBufferedEvents,
    timers: settings.timers ?? systemTimers,
    onSlowClient: () => dropped.inc(),
  });
  settings.metrics.observableGauge('twinops_api_stream_clients', 'Event-stream clients connected.', () => hub.size());

  const routes: RouteDoc[] = [];
  app.addHook('onRoute', (route) => {
    // schema.hide is how plugins (@fastify/static's file routes) keep routes out of API documents.
    if (route.config?.openapi === false || (route.schema as { hide?: boolean } | undefined)?.hide === true) return;
    for (const method of [route.method].flat()) {
      if (method !== 'HEAD') routes.push({ method, url: route.url, schema: route.schema as RouteDoc['schema'], scope: route.config?.scope });
    }
  });
  app.addHook('onRequest', async (request, reply) => {
    const scope = request.routeOptions.config.scope;
    if (!scope) return;
    const result = settings.authorize(request.headers.authorization, scope);
    if (result === 'unauthenticated') {
      return reply.code(401).header('www-authenticate', 'Bearer').send(errorBody('unauthenticated', 'a valid bearer token is required'));
    }
    if (result === 'forbidden') {
      return reply.code(403).send(errorBody('forbidden', `the token lacks the ${scope} scope`));
    }
  });
  // Unmatched URLs share one label, so scanners cannot grow the series count.
  app.addHook('onResponse', async (request, reply) => {
    requests.inc({ route: request.routeOptions.url ?? 'unmatched', status: String(reply.statusCode) });
  });
  app.addHook('preSerialization', async (_request, _reply, payload) => jsonSafe(payload));
  installErrorHandling(app, settings.logger);

  const now = () => (settings.clock ? settings.clock.now() : Date.now());
  const analytics = settings.analytics;
  registerEntityRoutes(app, settings.twin, analytics);
  registerSignalsRoute(app, settings.twin, now, settings.signalArchive);
  registerEventsRoute(app, settings.twin, now);
  registerRootCauseRoutes(app, settings.twin, now);
  if (settings.desiredState) registerDesiredRoute(app, settings.desiredState);
  if (settings.audit) registerAuditRoute(app, settings.audit);
  registerTopologyRoute(app, settings.twin, {
    now,
    idleMs: config.topologyEdgeIdleSeconds * 1000,
    statsMaxAgeMs: config.topologyStatsMaxAgeSeconds * 1000,
    retentionMs: (settings.historyRetentionSeconds ?? twinHistoryConfigSchema.defaultValue.retentionSeconds) * 1000,
    ...(analytics ? { health: (id: string) => analytics.health(id) } : {}),
  });
  registerForecastRoute(app, settings.twin, analytics);
  registerAnomaliesRoute(app, analytics, now);
  registerServiceGraphStatsRoute(app, settings.serviceGraphStats);
  registerSimulationRoutes(app, settings.simulation);
  registerScenarioRoutes(app, settings.scenarios, settings.simulation, now);
  registerStreamRoute(app, hub, config.sseMaxClients);
  registerOpsRoutes(app, settings.ready, settings.metrics);
  registerStatusRoute(app, settings.version);
  registerUiRoutes(app, locateUi(config.uiDir));
  let document: unknown;
  const openapiSchema = {
    operationId: 'openapi',
    summary: 'This OpenAPI 3.1 document, generated from the routes\' schemas',
    tags: ['operations'],
    response: { 200: { description: 'the document', type: 'object', additionalProperties: true } },
  };
  app.get(
    '/api/v1/openapi.json',
    { schema: openapiSchema },
    async () => (document ??= createOpenApiDocument(routes, settings.version)),
  );
  return { app, hub };
}
