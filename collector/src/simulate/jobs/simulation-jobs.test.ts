import { createSimulationJobs } from './simulation-jobs';
import type { SimulationContext, SimulationResult } from '../engine';
import type { Scenario } from '../scenario';

const scenario: Scenario = { horizon_seconds: 60, step_seconds: 10, changes: [] };
const context = {} as SimulationContext;
const result = (tag: number) => ({ start: tag }) as unknown as SimulationResult;

function setup(maxJobs = 10) {
  let now = 1000;
  const pending: { resolve: (r: SimulationResult) => void; reject: (e: Error) => void }[] = [];
  const finished: string[] = [];
  const jobs = createSimulationJobs(
    { inlineMaxWork: 100, maxJobs },
    {
      clock: { now: () => now },
      runInline: () => result(1),
      runAsync: () => new Promise((resolve, reject) => pending.push({ resolve, reject })),
      onFinished: (mode, outcome) => finished.push(`${mode} ${outcome}`),
    },
  );
  return { jobs, pending, finished, advance: (ms: number) => (now += ms) };
}

describe('simulation jobs', () => {
  it('answers a small simulation at once', () => {
    const { jobs, finished } = setup();
    const job = jobs.submit(scenario, context, 100, 'nightly');
    expect(job).toEqual({ id: 'sim-1', status: 'done', scenarioName: 'nightly', submittedAt: 1000, finishedAt: 1000, result: result(1) });
    expect(jobs.get('sim-1')).toBe(job);
    expect(finished).toEqual(['inline ok']);
  });

  it('runs large ones one at a time off the main thread, in order, and keeps failures', async () => {
    const { jobs, pending, finished, advance } = setup();
    const a = jobs.submit(scenario, context, 101);
    const b = jobs.submit(scenario, context, 101);
    expect([a.status, b.status, pending.length]).toEqual(['running', 'queued', 1]);
    advance(500);
    pending[0].resolve(result(2));
    await new Promise((resolve) => setImmediate(resolve));
    expect(jobs.get(a.id)).toMatchObject({ status: 'done', finishedAt: 1500, result: result(2) });
    expect([jobs.get(b.id)?.status, pending.length]).toEqual(['running', 2]);
    pending[1].reject(new Error('the simulation thread stopped'));
    await jobs.idle();
    expect(jobs.get(b.id)).toMatchObject({ status: 'failed', error: 'the simulation thread stopped' });
    expect(finished).toEqual(['job ok', 'job failed']);
  });

  it('forgets the oldest finished jobs beyond its bound', () => {
    const { jobs } = setup(2);
    const ids = [1, 2, 3].map(() => jobs.submit(scenario, context, 1).id);
    expect(ids.map((id) => jobs.get(id)?.status ?? 'forgotten')).toEqual(['forgotten', 'done', 'done']);
  });
});
