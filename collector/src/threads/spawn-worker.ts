import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';

/**
 * Run inside a worker to load a TypeScript entry: compiles each required .ts file with
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
 * Starts a worker thread on `<dir>/<entry>.js`. Built code (dist/, dist-bench/) runs the compiled
 * entry. A worker cannot load TypeScript, so when the caller itself runs from source (Jest via
 * @swc/jest), the worker compiles the source entry the same way through a require hook: tests
 * then run the code they see, never a stale build in dist/. `what` names the thread in errors.
 */
export function spawnWorker(dir: string, entry: string, data: object, what: string): Worker {
  const compiled = join(dir, `${entry}.js`);
  const source = join(dir, `${entry}.ts`);
  if (existsSync(compiled)) return new Worker(compiled, { workerData: data });
  if (existsSync(source)) {
    let swcPath: string;
    try {
      swcPath = require.resolve('@swc/core');
    } catch {
      throw new Error(`${what}: cannot run the thread from ${source}: @swc/core is not installed; build the collector (npm run build)`);
    }
    return new Worker(TYPESCRIPT_BOOTSTRAP, { eval: true, workerData: { ...data, entry: source, swcPath } });
  }
  throw new Error(`${what}: the thread's entry is missing (neither ${compiled} nor ${source} exists)`);
}
