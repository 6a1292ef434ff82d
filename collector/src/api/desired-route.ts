import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Entity } from '../model';
import { ApiError } from './errors';
import { entitySchema, errorResponses } from './schemas';

/** What the route needs: the control side's desired state (committed and audited before it resolves). */
export interface DesiredStateService {
  set(entityId: string, values: Record<string, number | string | boolean>, actor: string): Promise<Entity | undefined>;
}

const schema = {
  operationId: 'setDesiredState',
  summary: "Merge values into an entity's desired state",
  description:
    'Desired state is what an operator or a remediation wants (a CRAC setpoint, a replica count). It is stored and audited before the answer; the id must be URL-encoded.',
  tags: ['control'],
  params: {
    type: 'object',
    required: ['id'],
    properties: { id: { type: 'string', description: 'the entity id, URL-encoded' } },
  },
  body: {
    type: 'object',
    minProperties: 1,
    maxProperties: 64,
    // A list of types, not anyOf: Ajv then coerces nothing that already has one of them (300 stays a number).
    additionalProperties: { type: ['string', 'number', 'boolean'] },
    description: 'values to merge, e.g. {"supply_setpoint_celsius": 17}',
  },
  response: {
    200: { ...entitySchema, description: 'the entity with its new desired state' },
    ...errorResponses({ 400: 'the body is not a flat object of scalars', 404: 'no entity has this id' }),
  },
};

export function registerDesiredRoute(app: FastifyInstance, desired: DesiredStateService): void {
  app.put('/api/v1/entities/:id/desired', { schema, config: { scope: 'write' } }, async (request: FastifyRequest) => {
    const { id } = request.params as { id: string };
    const entity = await desired.set(id, request.body as Record<string, number | string | boolean>, 'api');
    if (!entity) throw new ApiError(404, 'not_found', `entity ${JSON.stringify(id)} not found`);
    return entity;
  });
}
