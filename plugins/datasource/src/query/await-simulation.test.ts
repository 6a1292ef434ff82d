import type { SimulationJob, TwinClient } from '../api';
import { simulationDone } from '../test-support/fixtures';
import { awaitSimulation } from './await-simulation';

const queued: SimulationJob = { id: 'sim-2', status: 'queued', submittedAt: 1 };

function pollingClient(answers: SimulationJob[]) {
  const ids: string[] = [];
  const client = {
    getSimulation: async (id: string) => (ids.push(id), answers.shift() as SimulationJob),
  } as unknown as TwinClient;
  return { client, ids };
}

describe('awaitSimulation', () => {
  const sleeps: number[] = [];
  const poll = { intervalMs: 500, maxPolls: 3, sleep: async (ms: number) => void sleeps.push(ms) };
  beforeEach(() => (sleeps.length = 0));

  it("returns a done job's result without polling", async () => {
    const { client, ids } = pollingClient([]);
    await expect(awaitSimulation(client, simulationDone, poll)).resolves.toBe(simulationDone.result);
    expect([ids, sleeps]).toEqual([[], []]);
  });

  it('polls a queued job until it is done', async () => {
    const { client, ids } = pollingClient([
      { ...queued, status: 'running' },
      { ...simulationDone, id: 'sim-2' },
    ]);
    await expect(awaitSimulation(client, queued, poll)).resolves.toBe(simulationDone.result);
    expect([ids, sleeps]).toEqual([
      ['sim-2', 'sim-2'],
      [500, 500],
    ]);
  });

  it('reports a failed job with its error', async () => {
    const { client } = pollingClient([{ ...queued, status: 'failed', error: 'worker crashed' }]);
    await expect(awaitSimulation(client, queued, poll)).rejects.toThrow(
      'TwinOps collector: simulation sim-2 failed: worker crashed'
    );
  });

  it('gives up after the most polls', async () => {
    const { client } = pollingClient([queued, queued, queued, queued]);
    await expect(awaitSimulation(client, queued, poll)).rejects.toThrow(
      'simulation sim-2 is still queued after 3 polls; try again later'
    );
  });
});
