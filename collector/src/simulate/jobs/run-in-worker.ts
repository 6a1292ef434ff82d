/** Runs a simulation on its own thread, so a large one never stalls ingest or the API. */
import { spawnWorker } from '../../threads';
import type { SimulationContext, SimulationResult } from '../engine';
import type { Scenario } from '../scenario';

export function runInWorker(scenario: Scenario, context: SimulationContext): Promise<SimulationResult> {
  return new Promise((resolve, reject) => {
    const worker = spawnWorker(__dirname, 'simulation-worker', { scenario, context }, 'simulation');
    let settled = false;
    worker.once('message', (message: { result?: SimulationResult; error?: string }) => {
      settled = true;
      if (message.result) resolve(message.result);
      else reject(new Error(message.error ?? 'the simulation thread answered nothing'));
      void worker.terminate();
    });
    worker.once('error', (error) => {
      settled = true;
      reject(error);
    });
    worker.once('exit', (code) => {
      if (!settled) reject(new Error(`the simulation thread stopped (exit code ${code}) before answering`));
    });
  });
}
