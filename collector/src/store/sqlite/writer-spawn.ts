import { spawnWorker } from '../../threads';
import type { Worker } from 'node:worker_threads';
import type { WriterWorkerData } from './writer-protocol';

/** Starts the writer thread (writer-worker.ts beside this file, built or from source). */
export function spawnWriterWorker(data: WriterWorkerData): Worker {
  return spawnWorker(__dirname, 'writer-worker', data, 'sqlite store');
}
