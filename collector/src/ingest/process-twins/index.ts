/** Process twins: business flows built from whole traces, grouped by entry operation, with the critical path per service. */
export { createProcessTwins, flowIdOf } from './process-twins';
export type { ProcessTwins, ProcessTwinsSettings } from './process-twins';
export { processesConfigSchema, defaultProcessesConfig } from './config';
export type { ProcessesConfig } from './config';
export { analyseTrace, findRoot, criticalPathSelfTimes } from './critical-path';
export type { TraceAnalysis } from './critical-path';
export { createTraceBuffer } from './trace-buffer';
export type { SpanRecord, TraceBuffer, TraceBufferConfig, TraceBufferSettings } from './trace-buffer';
export { LATENCY_BOUNDS_SECONDS } from './flow-window';
