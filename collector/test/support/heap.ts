/** Heap figures for memory assertions in tests that share the process with the collector. */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/** `global.gc` when node runs with --expose-gc; otherwise the flag is set now and gc taken from a fresh context. */
function gcFunction(): () => void {
  const exposed = (globalThis as { gc?: () => void }).gc;
  if (exposed) return exposed;
  setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as () => void;
}

/** heapUsed after a full collection, so only live objects count. */
export function heapUsedAfterGc(): number {
  const gc = gcFunction();
  gc();
  gc();
  return process.memoryUsage().heapUsed;
}
