import { ApiError } from './errors';
import { errorResponses } from './schemas';
import { answer, run, validated } from './simulation-routes';
import type { FastifyInstance } from 'fastify';
import type { SimulationService } from '../simulate';
import type { SavedScenario, SavedScenarios } from '../store';

const NAME_PATTERN = '^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$';
const nameParams = {
  type: 'object',
  required: ['name'],
  properties: { name: { type: 'string', pattern: NAME_PATTERN, description: 'letters, digits, `.`, `_`, `-`; up to 128' } },
};
const savedSchema = {
  type: 'object',
  required: ['name', 'version', 'updatedAt', 'updatedBy', 'scenario'],
  properties: {
    name: { type: 'string' },
    version: { type: 'integer', description: '1 on creation, +1 on every save' },
    updatedAt: { type: 'number' },
    updatedBy: { type: 'string' },
    scenario: { type: 'object', additionalProperties: true },
  },
};

/** Saved, named scenarios: PUT to save (validated), GET to list or read, DELETE, POST …/run to run one again. */
export function registerScenarioRoutes(app: FastifyInstance, library: SavedScenarios | undefined, simulation: SimulationService | undefined, now: () => number): void {
  const store = (): SavedScenarios => {
    if (!library || !simulation) throw new ApiError(503, 'unavailable', 'saved scenarios need the store and simulation');
    return library;
  };
  const view = (saved: SavedScenario) => ({ ...saved, scenario: JSON.parse(saved.scenario) as object });
  const tags = ['simulation'];

  app.get(
    '/api/v1/scenarios',
    {
      schema: { operationId: 'listScenarios', summary: 'Saved scenarios, by name', tags, response: { 200: { type: 'object', required: ['items'], properties: { items: { type: 'array', items: savedSchema } } }, ...errorResponses({ 503: 'not enabled' }) } },
      config: { scope: 'read' },
    },
    async () => ({ items: (await store().listScenarios()).map(view) }),
  );

  app.get(
    '/api/v1/scenarios/:name',
    {
      schema: { operationId: 'getScenario', summary: 'One saved scenario', tags, params: nameParams, response: { 200: savedSchema, ...errorResponses({ 404: 'no scenario of that name', 503: 'not enabled' }) } },
      config: { scope: 'read' },
    },
    async (request) => view(await found(store(), (request.params as { name: string }).name)),
  );

  app.put(
    '/api/v1/scenarios/:name',
    {
      schema: {
        operationId: 'saveScenario',
        summary: 'Save a scenario under a name (validated first; replaces one of the same name)',
        tags,
        params: nameParams,
        body: { type: 'object', additionalProperties: true },
        response: { 200: savedSchema, ...errorResponses({ 400: 'the scenario is invalid', 503: 'not enabled' }) },
      },
      config: { scope: 'write' },
    },
    async (request) => {
      const { name } = request.params as { name: string };
      const library = store();
      validated(simulation as SimulationService, request.body);
      return view(await library.saveScenario({ name, scenario: JSON.stringify(request.body), updatedAt: now(), updatedBy: 'api' }));
    },
  );

  app.delete(
    '/api/v1/scenarios/:name',
    {
      schema: { operationId: 'deleteScenario', summary: 'Delete a saved scenario', tags, params: nameParams, response: { 204: { type: 'null', description: 'deleted' }, ...errorResponses({ 404: 'no scenario of that name', 503: 'not enabled' }) } },
      config: { scope: 'write' },
    },
    async (request, reply) => {
      const { name } = request.params as { name: string };
      if (!(await store().deleteScenario(name))) throw new ApiError(404, 'not_found', `scenario ${JSON.stringify(name)} not found`);
      return reply.code(204).send();
    },
  );

  app.post(
    '/api/v1/scenarios/:name/run',
    {
      schema: {
        operationId: 'runScenario',
        summary: 'Run a saved scenario on the twin as it is now',
        tags,
        params: nameParams,
        response: { 200: { type: 'object', additionalProperties: true }, 202: { type: 'object', additionalProperties: true }, ...errorResponses({ 400: 'the saved scenario names what the twin no longer holds', 404: 'no scenario of that name', 503: 'not enabled' }) },
      },
      config: { scope: 'read' },
    },
    async (request, reply) => {
      const saved = await found(store(), (request.params as { name: string }).name);
      return answer(reply, run(simulation as SimulationService, JSON.parse(saved.scenario), saved.name));
    },
  );
}

async function found(library: SavedScenarios, name: string): Promise<SavedScenario> {
  const saved = await library.getScenario(name);
  if (!saved) throw new ApiError(404, 'not_found', `scenario ${JSON.stringify(name)} not found`);
  return saved;
}
