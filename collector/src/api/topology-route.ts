import type { FastifyInstance } from 'fastify';
import { LEVELS } from '../model';
import type { Level, Relation, TwinReader } from '../model';
import { errorResponses, topologyEdgeSchema, topologyNodeSchema } from './schemas';

const schema = {
  operationId: 'getTopology',
  summary: 'The graph of entities and relations, in the node/edge shape graph panels read',
  tags: ['twin'],
  querystring: {
    type: 'object',
    additionalProperties: false,
    properties: {
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
    ...errorResponses({ 400: 'a query parameter is invalid' }),
  },
};

export function registerTopologyRoute(app: FastifyInstance, twin: TwinReader): void {
  app.get('/api/v1/topology', { schema, config: { scope: 'read' } }, async (request) => {
    const { type, level } = request.query as { type?: string; level?: Level };
    const topology = twin.topology();
    const nodes = topology.nodes.filter((n) => (type === undefined || n.type === type) && (level === undefined || n.level === level));
    const kept = new Set(nodes.map((n) => n.id));
    const edges = topology.edges.filter((e) => kept.has(e.from) && kept.has(e.to)).map(toEdge);
    return { nodes, edges };
  });
}

/** Graph panels name an edge's ends source and target. */
function toEdge(relation: Relation) {
  const { from, to, ...rest } = relation;
  return { ...rest, source: from, target: to };
}
