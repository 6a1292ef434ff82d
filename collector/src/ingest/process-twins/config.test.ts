import { defaultProcessesConfig, processesConfigSchema } from './config';

describe('processes config', () => {
  it('has documented defaults', () => {
    expect(defaultProcessesConfig()).toEqual({
      enabled: true,
      traceWaitSeconds: 10,
      maxTraces: 20_000,
      maxSpansPerTrace: 1000,
      maxSpans: 500_000,
      windowSeconds: 15,
      maxFlows: 1000,
    });
  });

  it.each([
    [{ enabled: 'yes' }, 'twin.processes.enabled: must be true or false, got "yes"'],
    [{ trace_wait_seconds: -1 }, 'twin.processes.trace_wait_seconds: must be a number from 0 to 1.7976931348623157e+308, got -1'],
    [{ max_traces: 0 }, 'twin.processes.max_traces: must be a positive integer, got 0'],
    [{ max_spans_per_trace: 2.5 }, 'twin.processes.max_spans_per_trace: must be a positive integer, got 2.5'],
    [{ window_seconds: 0.5 }, 'twin.processes.window_seconds: must be a number from 1 to 1.7976931348623157e+308, got 0.5'],
    [{ max_spans: 0 }, 'twin.processes.max_spans: must be a positive integer, got 0'],
    [{ max_flows: -5 }, 'twin.processes.max_flows: must be a positive integer, got -5'],
    [{ max_flow: 5 }, 'twin.processes.max_flow: unknown key'],
  ])('rejects %j', (raw, message) => {
    const errors: string[] = [];
    processesConfigSchema.parse(raw, 'twin.processes', errors);
    expect(errors).toEqual([message]);
  });

  it('reads snake_case keys into camelCase fields', () => {
    const errors: string[] = [];
    const config = processesConfigSchema.parse({ trace_wait_seconds: 0, max_flows: 50, enabled: false }, 'twin.processes', errors);
    expect(errors).toEqual([]);
    expect(config).toMatchObject({ enabled: false, traceWaitSeconds: 0, maxFlows: 50 });
  });
});
