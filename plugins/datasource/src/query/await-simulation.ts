import { TwinApiError, type CallOptions, type SimulationJob, type SimulationResult, type TwinClient } from '../api';

export interface PollSettings {
  /** Wait between polls of a queued or running job. */
  intervalMs: number;
  /** Give up after this many polls. */
  maxPolls: number;
  /** Resolves after `ms` (injected so tests advance no clock). */
  sleep: (ms: number) => Promise<void>;
}

export const DEFAULT_POLL: PollSettings = {
  intervalMs: 1000,
  // Two minutes: simulations big enough to be queued take seconds, not minutes.
  maxPolls: 120,
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

/** The job's result, polling GET /api/v1/simulations/{id} while it is queued or running (a 202). */
export async function awaitSimulation(
  client: TwinClient,
  first: SimulationJob,
  poll: PollSettings,
  options?: CallOptions
): Promise<SimulationResult> {
  let job = first;
  for (let polls = 0; job.status === 'queued' || job.status === 'running'; polls++) {
    if (polls >= poll.maxPolls) {
      throw new Error(`simulation ${job.id} is still ${job.status} after ${poll.maxPolls} polls; try again later`);
    }
    await poll.sleep(poll.intervalMs);
    if (options?.signal?.aborted) {
      throw new Error('simulation: cancelled');
    }
    job = await client.getSimulation(job.id, options);
  }
  if (job.status === 'failed' || !job.result) {
    throw new TwinApiError(
      `TwinOps collector: simulation ${job.id} failed: ${job.error ?? 'no result'}`,
      'collector',
      200,
      'simulation_failed'
    );
  }
  return job.result;
}
