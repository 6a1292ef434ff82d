import { SimulationInputError } from '../simulate';
import { ApiError } from './errors';
import { errorResponses } from './schemas';
import type { FastifyInstance } from 'fastify';
import type { SimulationJob, SimulationService } from '../simulate';

const scenarioBodySchema = {
  type: 'object',
  description: 'a scenario: horizon_seconds, step_seconds, changes (scale_load, move_workload, fail, set, add_hardware, remove_hardware, network, breach), optional seed, monte_carlo, objectives',
  additionalProperties: true,
};

const jobSchema = {
  type: 'object',
  required: ['id', 'status', 'submittedAt'],
  properties: {
    id: { type: 'string' },
    status: { type: 'string', enum: ['queued', 'running', 'done', 'failed'] },
    scenarioName: { type: 'string' },
    submittedAt: { type: 'number' },
    finishedAt: { type: 'number' },
    error: { type: 'string' },
    result: { type: 'object', additionalProperties: true, description: 'timestamps, series (baseline, predicted, bands), violations, kpis, affected, breach, unmodelled' },
  },
};

/** POST /api/v1/simulations, GET /api/v1/simulations/{id}, GET /api/v1/physics. */
export function registerSimulationRoutes(app: FastifyInstance, simulation: SimulationService | undefined): void {
  const service = (): SimulationService => {
    if (!simulation) throw new ApiError(503, 'unavailable', 'simulation is not enabled on this collector');
    return simulation;
  };

  app.post(
    '/api/v1/simulations',
    {
      schema: {
        operationId: 'runSimulation',
        summary: 'Run a what-if scenario on the calibrated twin: small ones answer with the result, large ones with a job to poll',
        tags: ['simulation'],
        body: scenarioBodySchema,
        response: {
          200: { ...jobSchema, description: 'done: the result is in the body' },
          202: { ...jobSchema, description: 'queued or running: poll GET /api/v1/simulations/{id}' },
          ...errorResponses({ 400: 'the scenario is invalid or names what the twin does not hold', 503: 'simulation is not enabled' }),
        },
      },
      config: { scope: 'read' },
    },
    async (request, reply) => answer(reply, run(service(), request.body)),
  );

  app.get(
    '/api/v1/simulations/:id',
    {
      schema: {
        operationId: 'getSimulation',
        summary: 'A simulation job: its status, and its result once done',
        tags: ['simulation'],
        params: { type: 'object', required: ['id'], properties: { id: { type: 'string' } } },
        response: { 200: jobSchema, ...errorResponses({ 404: 'no such job (unknown, or forgotten: jobs live in memory)', 503: 'simulation is not enabled' }) },
      },
      config: { scope: 'read' },
    },
    async (request) => {
      const { id } = request.params as { id: string };
      const job = service().job(id);
      if (!job) throw new ApiError(404, 'not_found', `simulation ${JSON.stringify(id)} not found`);
      return job;
    },
  );

  app.get(
    '/api/v1/physics',
    {
      schema: {
        operationId: 'getPhysics',
        summary: 'The calibrated models simulations run on: servers, racks, CRACs, rooms, PDUs and services, each fitted parameter with its fit quality',
        tags: ['simulation'],
        response: {
          200: {
            type: 'object',
            required: ['dataCenter', 'services'],
            properties: { dataCenter: { type: 'object', additionalProperties: true }, services: { type: 'object', additionalProperties: true } },
          },
          ...errorResponses({ 503: 'simulation is not enabled' }),
        },
      },
      config: { scope: 'read' },
    },
    async () => service().models(),
  );
}

/** Runs a scenario, turning bad input into a 400 that lists every problem. */
export function run(simulation: SimulationService, body: unknown, scenarioName?: string): SimulationJob {
  return asBadRequest(() => simulation.simulate(body, scenarioName));
}

/** Validates a scenario (to save it), with the same 400 as running it. */
export function validated(simulation: SimulationService, body: unknown): void {
  asBadRequest(() => simulation.validate(body));
}

function asBadRequest<T>(action: () => T): T {
  try {
    return action();
  } catch (error) {
    if (error instanceof SimulationInputError) throw new ApiError(400, 'bad_request', `invalid scenario: ${error.message}`);
    throw error;
  }
}

export function answer(reply: { code(status: number): unknown; header(name: string, value: string): unknown }, job: SimulationJob): SimulationJob {
  if (job.status !== 'done') {
    reply.code(202);
    reply.header('location', `/api/v1/simulations/${job.id}`);
  }
  return job;
}
