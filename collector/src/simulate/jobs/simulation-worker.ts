/** A simulation thread's entry (started by run-in-worker.ts): runs one simulation and posts its result or error. */
import { parentPort, workerData } from 'node:worker_threads';
import { runSimulation } from '../engine';
import type { SimulationContext } from '../engine';
import type { Scenario } from '../scenario';

const { scenario, context } = workerData as { scenario: Scenario; context: SimulationContext };
try {
  parentPort?.postMessage({ result: runSimulation(scenario, context) });
} catch (error) {
  parentPort?.postMessage({ error: (error as Error).message });
}
