/** Simulation jobs: small ones at once, large ones on their own thread, polled by id. */
export { createSimulationJobs } from './simulation-jobs';
export type { SimulationJob, SimulationJobs, SimulationJobsSettings, JobStatus } from './simulation-jobs';
export { runInWorker } from './run-in-worker';
