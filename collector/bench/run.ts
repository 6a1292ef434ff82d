/**
 * Benchmark entry point (`npm run bench`: node --expose-gc dist-bench/bench/run.js). Prints, from
 * one run: full-path and decode-only throughput for traces and metrics against protobufjs, and
 * the twin's memory per entity and per signal at 10,000 entities, the service graph, and ingest
 * with the SQLite store on against in-memory only, analytics, and the what-if engine, marked
 * against the targets.
 * Figures only: a missed target prints FAIL but does not fail the process.
 */
import { runFullPathBench } from './full-path-bench';
import { runMemoryBench } from './memory-bench';
import { analyticsLines, headerLines, memoryLines, serviceGraphLines, simulationLines, storeLines, throughputLines, twinLine } from './report';
import { runServiceGraphBench } from './service-graph-bench';
import { runStoreBench } from './store-bench';
import { runForecastBench } from './forecast-bench';
import { runAnomalyBench } from './anomaly-bench';
import { runLiveBench } from './live-bench';
import { runSimulationBench } from './simulation-bench';

async function main(): Promise<void> {
  const throughput = runFullPathBench({ traceRequests: 200, metricRequests: 200, rounds: 7, warmupRounds: 3 });
  const lines = [
    ...headerLines(throughput),
    ...throughputLines('traces', 'ExportTraceServiceRequest', 'spans', throughput.traces, 'the same bodies every round'),
    ...throughputLines(
      'metrics',
      'ExportMetricsServiceRequest',
      'data points',
      throughput.metrics,
      'a new batch per round, times moved past the previous one',
    ),
    twinLine(throughput),
  ];
  console.log(lines.join('\n'));
  const memory = runMemoryBench({ services: 400, instances: 8000, hosts: 1600 });
  console.log(memoryLines(memory).join('\n'));
  const graph = runServiceGraphBench({ pairs: 100_000, services: 40, rounds: 5, pending: 100_000 });
  console.log(serviceGraphLines(graph).join('\n'));
  const store = await runStoreBench({ requests: 200, rounds: 7, warmupRounds: 3 });
  console.log(storeLines(store).join('\n'));
  console.log(analyticsLines(runForecastBench(), runAnomalyBench(), runLiveBench()).join('\n'));
  console.log(simulationLines(runSimulationBench()).join('\n'));
}

void main();
