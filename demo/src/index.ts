/** @twinops/demo: a simulated data center running a microservice shop, with ground-truth physics and load. */
export { createRandom } from './random';
export type { Random } from './random';
