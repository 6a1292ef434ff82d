import { bool, int, num, obj } from '../../config';
import type { ValueOf } from '../../config';

/** The `twin.processes` section: business flows (process twins) built from whole traces. */
export const processesConfigSchema = obj(
  {
    enabled: bool(true, 'group traces by their entry operation (root service + span name) into flow entities'),
    trace_wait_seconds: num(
      10,
      'a trace is complete once no span of it arrived for this long; 10 s covers the batching delay of SDKs and collectors',
      { min: 0 },
    ),
    max_traces: int(20_000, 'traces assembled at once; spans of new traces beyond it are dropped', { min: 1 }),
    max_spans_per_trace: int(1000, 'spans kept per trace; further spans are dropped (the trace is analysed without them)', {
      min: 1,
    }),
    max_spans: int(
      500_000,
      'spans held in all traces being assembled; further spans are dropped (about 360 bytes each: 500000 is about 180 MB)',
      { min: 1 },
    ),
    window_seconds: num(15, 'flow statistics are written once per window', { min: 1 }),
    max_flows: int(
      1000,
      'distinct flows kept; traces of new flows beyond it are dropped (name spans by route, not by URL, or flows explode)',
      { min: 1 },
    ),
  },
  'business flows: traces grouped by entry operation, with rates, latency and the critical path per service',
);

export type ProcessesConfig = ValueOf<typeof processesConfigSchema>;

export function defaultProcessesConfig(): ProcessesConfig {
  return processesConfigSchema.parse({}, 'twin.processes', []);
}
