import type { FastifyInstance } from 'fastify';
import type { TwinChange } from '../model';
import { ApiError } from './errors';
import { MAX_WATCHED_SIGNALS, parseWatch } from './point-watch';
import { errorResponses } from './schemas';
import type { SseHub } from './sse-hub';

/** Every kind of TwinChange; the type check below fails when the model adds a kind not listed here. */
export const CHANGE_KINDS = [
  'entity.added',
  'entity.updated',
  'entity.removed',
  'relation.added',
  'relation.removed',
  'signal.added',
  'event.added',
] as const;
type Unlisted = Exclude<TwinChange['kind'], (typeof CHANGE_KINDS)[number]>;
const allKindsListed: [Unlisted] extends [never] ? true : false = true;
void allKindsListed;

const schema = {
  operationId: 'streamChanges',
  summary: 'Server-sent events of twin changes',
  description:
    'Each event is named after the change kind and carries the change as JSON data. A ":keepalive" comment ' +
    'is sent every api.keepalive_seconds. Each watched signal gets a "signal.point" event {entity, signal, t, v} ' +
    'when its latest point is newer than the one last sent (checked every second; the first check sends the ' +
    'current one), whatever kinds says. A client that stops reading is disconnected; reconnect and re-read.',
  tags: ['twin'],
  querystring: {
    type: 'object',
    additionalProperties: false,
    properties: {
      kinds: { type: 'string', description: `comma-separated change kinds to receive (${CHANGE_KINDS.join(', ')}); default all` },
      watch: {
        type: 'array',
        items: { type: 'string' },
        description:
          `a signal to stream the points of, as <entity>|<signal>; repeat for more, at most ${MAX_WATCHED_SIGNALS}. ` +
          'An entity or signal not in the twin yet is allowed: its points stream once it appears',
      },
    },
  },
  response: {
    200: { description: 'an endless text/event-stream', content: { 'text/event-stream': { schema: { type: 'string' } } } },
    ...errorResponses({ 400: 'a query parameter is invalid', 503: 'too many streams are open' }),
  },
};

export function registerStreamRoute(app: FastifyInstance, hub: SseHub, maxClients: number): void {
  app.get('/api/v1/stream', { schema, config: { scope: 'read' } }, (request, reply) => {
    const query = request.query as { kinds?: string; watch?: string[] };
    const kinds = parseKinds(query.kinds);
    const watch = parseWatch(query.watch);
    if (hub.size() >= maxClients) {
      throw new ApiError(503, 'unavailable', `too many event streams open (api.sse_max_clients is ${maxClients})`);
    }
    // From here on the stream is written raw and lives until the client or the shutdown ends it.
    reply.hijack();
    reply.raw.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache',
      connection: 'keep-alive',
      // Tells nginx-style proxies not to buffer the stream.
      'x-accel-buffering': 'no',
    });
    reply.raw.flushHeaders();
    hub.add(reply.raw, kinds, watch);
  });
}

function parseKinds(text: string | undefined): ReadonlySet<string> | undefined {
  if (text === undefined) return undefined;
  const kinds = text.split(',').map((k) => k.trim());
  const unknown = kinds.find((k) => !(CHANGE_KINDS as readonly string[]).includes(k));
  if (unknown !== undefined) {
    throw new ApiError(400, 'bad_request', `kinds: must list kinds among ${CHANGE_KINDS.join(', ')}, got ${JSON.stringify(unknown)}`);
  }
  return new Set(kinds);
}
