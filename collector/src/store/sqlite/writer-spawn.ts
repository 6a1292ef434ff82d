import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { WriterWorkerData } from './writer-protocol';

const COMPILED = join(__dirname, 'writer-worker.js');
const SOURCE = join(__dirname, 'writer-worker.ts');

/**
 * Run inside a worker to load the TypeScript entry: compiles each required .ts file with
 * @swc/core, as Jest's transform does for the test's own thread.
 */
const TYPESCRIPT_BOOTSTRAP = `
const { readFileSync } = require('node:fs');
const { workerData } = require('node:worker_threads');
const swc = require(workerData.swcPath);
const options = { jsc: { parser: { syntax: 'typescript' }, target: 'es2022' }, module: { type: 'commonjs' }, sourceMaps: 'inline' };
require.extensions['.ts'] = (module, filename) => {
  module._compile(swc.transformSync(readFileSync(filename, 'utf8'), { ...options, filename }).code, filename);
};
require(workerData.entry);
`;

/**
 * Starts the writer thread. Built code (dist/, dist-bench/) runs the compiled writer-worker.js
 * beside this file. A worker cannot load TypeScript, so when this module itself runs from
 * source (Jest via @swc/jest), the worker compiles the source entry the same way through a
 * require hook: tests then run the code they see, never a stale build in dist/.
 */
export function spawnWriterWorker(data: WriterWorkerData): Worker {
  if (existsSync(COMPILED)) return new Worker(COMPILED, { workerData: data });
  if (existsSync(SOURCE)) {
    let swcPath: string;
    try {
      swcPath = require.resolve('@swc/core');
    } catch {
      throw new Error(`sqlite store: cannot run the writer thread from ${SOURCE}: @swc/core is not installed; build the collector (npm run build)`);
    }
    return new Worker(TYPESCRIPT_BOOTSTRAP, { eval: true, workerData: { ...data, entry: SOURCE, swcPath } });
  }
  throw new Error(`sqlite store: the writer thread's entry is missing (neither ${COMPILED} nor ${SOURCE} exists)`);
}
