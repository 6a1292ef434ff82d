/** Worker threads started from built code or, under Jest, from the TypeScript source. */
export { spawnWorker } from './spawn-worker';
