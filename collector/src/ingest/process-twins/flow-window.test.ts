import { addTrace, LATENCY_BOUNDS_SECONDS, newFlowWindow, summariseFlow } from './flow-window';
import { rec } from './testdata/spans';
import type { TraceAnalysis } from './critical-path';

function analysis(durationSeconds: number, paths: [string, number][], error = false): TraceAnalysis {
  return {
    root: rec('r', '', 'frontend', 0, durationSeconds * 1000),
    durationSeconds,
    error,
    services: paths.map(([service]) => service),
    criticalPathSeconds: new Map(paths.filter(([, s]) => s > 0)),
  };
}

describe('flow window', () => {
  it.each([
    [0, 0],
    [0.005, 0],
    [0.0051, 1],
    [0.1, 5],
    [60, 15],
    [61, 16],
  ])('puts %d s in bucket %d (upper bounds inclusive)', (seconds, bucket) => {
    const window = newFlowWindow();
    addTrace(window, analysis(seconds, []));
    const expected = new Array(LATENCY_BOUNDS_SECONDS.length + 1).fill(0);
    expected[bucket] = 1;
    expect(window.counts).toEqual(expected);
  });

  it('summarises rates, error ratio, quantiles and average shares', () => {
    const window = newFlowWindow();
    // Binary fractions, so the expected values are exact.
    addTrace(window, analysis(0.25, [['service:a', 0.0625], ['service:b', 0.1875]], true));
    addTrace(window, analysis(0.25, [['service:a', 0.25], ['service:b', 0]]));
    const summary = summariseFlow(window, 10);
    expect(summary).toEqual({
      requests: 2,
      requestsPerSecond: 0.2,
      errorRatio: 0.5,
      latencyP50Seconds: 0.25,
      latencyP95Seconds: 0.25,
      latencyP99Seconds: 0.25,
      services: [
        { serviceId: 'service:a', criticalPathShare: 0.625, criticalPathSeconds: 0.15625 },
        { serviceId: 'service:b', criticalPathShare: 0.375, criticalPathSeconds: 0.09375 },
      ],
    });
  });

  it('gives no quantiles and no rate for an empty window, and share 0 for a zero-length trace', () => {
    expect(summariseFlow(newFlowWindow(), 0)).toEqual({
      requests: 0,
      requestsPerSecond: 0,
      errorRatio: 0,
      latencyP50Seconds: undefined,
      latencyP95Seconds: undefined,
      latencyP99Seconds: undefined,
      services: [],
    });
    const window = newFlowWindow();
    addTrace(window, analysis(0, [['service:a', 0]]));
    expect(summariseFlow(window, 15).services).toEqual([{ serviceId: 'service:a', criticalPathShare: 0, criticalPathSeconds: 0 }]);
  });
});
