import type { FastifyInstance } from 'fastify';
import type { EntityHealth } from '../analytics';
import { LEVELS } from '../model';
import type { Level, TwinReader } from '../model';
import { ApiError } from './errors';
import { errorResponses, topologyEdgeSchema, topologyNodeSchema } from './schemas';
import { instantParam } from './time-params';
import { TOPOLOGY_VIEWS, queryTopology } from './topology';
import type { TopologyView } from './topology';

export const MAX_DEPTH = 10;

const schema = {
  operationId: 'getTopology',
  summary: 'The graph of services, infrastructure or both, in the node/edge shape graph panels read',
  description:
    'view=all joins services to what they run on: instances are collapsed into service -runs_on-> host (or container, pod) edges. ' +
    'Traffic edges (calls, database, messaging, part_of) silent longer than api.topology_edge_idle_seconds are left out.',
  tags: ['twin'],
  querystring: {
    type: 'object',
    additionalProperties: false,
    properties: {
      view: {
        type: 'string',
        enum: [...TOPOLOGY_VIEWS],
        default: 'all',
        description: 'services: services, virtual nodes and flows with calls, database, messaging, part_of edges; infra: hosts, Kubernetes, hardware and inventory with contains, runs_on, cools, powers; all: both, joined',
      },
      focus: { type: 'string', minLength: 1, description: 'an entity id: keep only what lies within depth hops of it, edges taken both ways' },
      depth: { type: 'integer', minimum: 0, maximum: MAX_DEPTH, default: 2, description: 'hops from focus (used with focus)' },
      at: {
        type: 'string',
        minLength: 1,
        description: 'a past moment within the history retention: RFC 3339, epoch milliseconds or now-<duration>; default now',
      },
      type: { type: 'string', minLength: 1, description: 'keep only nodes of this entity type' },
      level: { type: 'string', enum: [...LEVELS], description: 'keep only nodes at this level' },
    },
  },
  response: {
    200: {
      description: 'nodes, and the edges whose two ends are both among them',
      type: 'object',
      required: ['nodes', 'edges'],
      properties: {
        nodes: { type: 'array', items: topologyNodeSchema },
        edges: { type: 'array', items: topologyEdgeSchema },
      },
    },
    ...errorResponses({ 400: 'a query parameter is invalid', 404: 'the focus entity is unknown' }),
  },
};

interface TopologyQueryString {
  view: TopologyView;
  focus?: string;
  depth: number;
  at?: string;
  type?: string;
  level?: Level;
}

export interface TopologyRouteOptions {
  now: () => number;
  /** Traffic edges silent longer than this disappear (api.topology_edge_idle_seconds). */
  idleMs: number;
  /** Older statistics count as no traffic (api.topology_stats_max_age_seconds). */
  statsMaxAgeMs: number;
  /** How far back `at` may go: the twin's history retention. */
  retentionMs: number;
  /** Live analytics' health of an entity now (see TopologyOptions.health). */
  health?: (id: string) => EntityHealth | undefined;
}

export function registerTopologyRoute(app: FastifyInstance, twin: TwinReader, options: TopologyRouteOptions): void {
  app.get('/api/v1/topology', { schema, config: { scope: 'read' } }, async (request) => {
    const query = request.query as TopologyQueryString;
    const nowMs = options.now();
    const atMs = query.at === undefined ? nowMs : instantWithin(query.at, nowMs, options.retentionMs);
    if (query.focus !== undefined && !twin.getEntity(query.focus)) {
      throw new ApiError(404, 'not_found', `focus: entity ${JSON.stringify(query.focus)} not found`);
    }
    const graph = queryTopology(
      twin,
      {
        view: query.view,
        atMs,
        present: query.at === undefined,
        ...(query.focus !== undefined ? { focus: { id: query.focus, depth: query.depth } } : {}),
        ...(query.type !== undefined ? { type: query.type } : {}),
        ...(query.level !== undefined ? { level: query.level } : {}),
      },
      { idleMs: options.idleMs, statsMaxAgeMs: options.statsMaxAgeMs, ...(options.health ? { health: options.health } : {}) },
    );
    if (!graph) {
      const when = query.at === undefined ? '' : ` at ${iso(atMs)}`;
      throw badRequest(`focus: entity ${JSON.stringify(query.focus)} is not in the ${query.view} view${when}`);
    }
    return graph;
  });
}

/** `at` parsed and checked against now and the retention. */
function instantWithin(text: string, nowMs: number, retentionMs: number): number {
  const at = instantParam('at', text, nowMs);
  if (at > nowMs) throw badRequest(`at: must not be after now (${iso(nowMs)}), got ${iso(at)}`);
  const oldest = nowMs - retentionMs;
  if (at < oldest) {
    throw badRequest(
      `at: must be within the history retention of ${retentionMs / 1000} s (not before ${iso(oldest)}), got ${iso(at)}`,
    );
  }
  return at;
}

// Dates beyond what Date can show (now-999999999w) are shown as milliseconds instead of throwing.
function iso(ms: number): string {
  return Math.abs(ms) <= 8.64e15 ? new Date(ms).toISOString() : `${ms} ms`;
}

function badRequest(message: string): ApiError {
  return new ApiError(400, 'bad_request', message);
}
