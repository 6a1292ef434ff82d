/**
 * Simulation jobs: a small one runs at once and answers with its result; a larger one runs off
 * the main thread (one at a time, the rest queued) and is polled by id. Finished jobs are kept up
 * to a bound, the oldest going first; they live in memory (a restart forgets them, saved
 * scenarios survive in the store).
 */
import type { Clock } from '../../model';
import type { SimulationContext, SimulationResult } from '../engine';
import type { Scenario } from '../scenario';

export type JobStatus = 'queued' | 'running' | 'done' | 'failed';

export interface SimulationJob {
  id: string;
  status: JobStatus;
  /** The saved scenario's name, when a saved one was run. */
  scenarioName?: string;
  submittedAt: number;
  finishedAt?: number;
  result?: SimulationResult;
  error?: string;
}

export interface SimulationJobsSettings {
  clock: Clock;
  /** Runs on the calling thread (small simulations). */
  runInline(scenario: Scenario, context: SimulationContext): SimulationResult;
  /** Runs off the main thread (large simulations). */
  runAsync(scenario: Scenario, context: SimulationContext): Promise<SimulationResult>;
  /** Reports each finished job: mode and outcome, for the metrics. */
  onFinished?(mode: 'inline' | 'job', outcome: 'ok' | 'failed', seconds: number): void;
}

export interface SimulationJobs {
  /** Runs inline when `work` is at most `inlineMaxWork` (the job comes back done), else queues it. Inline errors throw. */
  submit(scenario: Scenario, context: SimulationContext, work: number, scenarioName?: string): SimulationJob;
  get(id: string): SimulationJob | undefined;
  /** Resolves when no job is queued or running (tests, shutdown). */
  idle(): Promise<void>;
}

export function createSimulationJobs(config: { inlineMaxWork: number; maxJobs: number }, settings: SimulationJobsSettings): SimulationJobs {
  const jobs = new Map<string, SimulationJob>();
  const queue: { job: SimulationJob; scenario: Scenario; context: SimulationContext }[] = [];
  let running: Promise<void> | undefined;
  let next = 1;

  const keep = (job: SimulationJob) => {
    jobs.set(job.id, job);
    for (const [id, old] of jobs) {
      if (jobs.size <= config.maxJobs) break;
      if (old.status === 'done' || old.status === 'failed') jobs.delete(id);
    }
  };
  const pump = () => {
    if (running || queue.length === 0) return;
    const { job, scenario, context } = queue.shift() as (typeof queue)[number];
    job.status = 'running';
    const began = settings.clock.now();
    running = settings
      .runAsync(scenario, context)
      .then(
        (result) => Object.assign(job, { status: 'done', result }),
        (error: Error) => Object.assign(job, { status: 'failed', error: error.message }),
      )
      .then(() => {
        job.finishedAt = settings.clock.now();
        settings.onFinished?.('job', job.status === 'done' ? 'ok' : 'failed', (job.finishedAt - began) / 1000);
        running = undefined;
        pump();
      });
  };

  return {
    submit(scenario, context, work, scenarioName) {
      const job: SimulationJob = { id: `sim-${next++}`, status: 'queued', submittedAt: settings.clock.now(), ...(scenarioName ? { scenarioName } : {}) };
      if (work <= config.inlineMaxWork) {
        try {
          job.result = settings.runInline(scenario, context);
        } catch (error) {
          settings.onFinished?.('inline', 'failed', (settings.clock.now() - job.submittedAt) / 1000);
          throw error;
        }
        job.status = 'done';
        job.finishedAt = settings.clock.now();
        settings.onFinished?.('inline', 'ok', (job.finishedAt - job.submittedAt) / 1000);
        keep(job);
        return job;
      }
      keep(job);
      queue.push({ job, scenario, context });
      pump();
      return job;
    },
    get: (id) => jobs.get(id),
    async idle() {
      while (running) await running;
    },
  };
}
