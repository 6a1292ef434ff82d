/** Running queries: variables, per-type requests and framing, simulation polling, Save & test, annotations. */
export { framesToAnnotations, twinAnnotationSupport } from './annotation-support';
export { DEFAULT_POLL, awaitSimulation } from './await-simulation';
export type { PollSettings } from './await-simulation';
export { checkCollector } from './check-collector';
export type { CheckOutcome, CollectorCheck } from './check-collector';
export { findVariableValues } from './find-variable-values';
export { interpolateQuery } from './interpolate-query';
export type { ReplaceFn } from './interpolate-query';
export { millis, optional, parseAttributes, parseScenario, required } from './query-params';
export { runTarget } from './run-target';
export { TwinVariableSupport } from './variable-support';
export type { TwinVariableRequest } from './variable-support';
export type { TargetContext } from './run-target';
