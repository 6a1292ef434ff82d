/**
 * Full-path throughput against decode-only, in one run on the same bodies: per round the full path
 * (handler + ingest + twin), our decoder alone and protobufjs alone each take one pass over the
 * round's bodies, in alternation (see timing.ts).
 *
 * Traces replay the same bodies every round: trace ingest records only per-service span counts,
 * stamped with the clock, so a replay is as much work as new spans. Metrics get a fresh batch per
 * round, the same requests with every time moved past the previous batch: replayed points would
 * be older than what the twin holds and turned away early, which would flatter the full path.
 */
import { createDecodePasses } from './decode-passes';
import { createFullPath } from './full-path';
import type { FullPath } from './full-path';
import { generateMetricRequests, generateTraceRequests } from './generate-requests';
import { runAlternating } from './timing';
import type { NamedPass } from './timing';

export interface ThroughputFigures {
  itemsPerSecond: number;
  /** Items over the CPU time of the pass (all threads): the rate one core sustains. */
  itemsPerCpuSecond: number;
  megabytesPerSecond: number;
}

export interface SignalBenchResult {
  /** Bodies, items and bytes of one round. */
  bodies: number;
  items: number;
  bytes: number;
  rounds: number;
  warmupRounds: number;
  cpuPerWall: number;
  fullPath: ThroughputFigures;
  oursDecode: ThroughputFigures;
  protobufjs: ThroughputFigures;
}

export interface FullPathBenchResult {
  traces: SignalBenchResult;
  metrics: SignalBenchResult;
  /** The twin after both runs. */
  twin: { entities: number; relations: number; signals: number; historyPoints: number };
}

export interface FullPathBenchOptions {
  traceRequests: number;
  metricRequests: number;
  rounds: number;
  warmupRounds: number;
}

export function runFullPathBench(options: FullPathBenchOptions): FullPathBenchResult {
  const { rounds, warmupRounds } = options;
  const decode = createDecodePasses();
  const path = createFullPath();

  const traceBatch = generateTraceRequests({ requests: options.traceRequests, seed: 42 });
  const traces = measure(
    [
      { name: 'full', run: path.traces },
      { name: 'ours', run: decode.oursTraces },
      { name: 'protobufjs', run: decode.protobufjsTraces },
    ],
    () => traceBatch,
    options,
  );

  // Each request of a batch is 10 s after the one before; the next batch starts after the last.
  const batchSeconds = options.metricRequests * 10;
  const metricBatches = Array.from({ length: warmupRounds + rounds }, (_, round) =>
    generateMetricRequests({ requests: options.metricRequests, seed: 7, timeOffsetSeconds: round * batchSeconds }),
  );
  const metrics = measure(
    [
      { name: 'full', run: path.metrics },
      { name: 'ours', run: decode.oursMetrics },
      { name: 'protobufjs', run: decode.protobufjsMetrics },
    ],
    (round) => metricBatches[round],
    options,
  );
  return { traces, metrics, twin: twinSize(path) };
}

function measure(
  passes: NamedPass[],
  batch: (round: number) => { bodies: Uint8Array[]; items: number; bytes: number },
  options: FullPathBenchOptions,
): SignalBenchResult {
  const { items, bytes, bodies } = batch(0);
  const result = runAlternating(passes, { ...options, bodies: (round) => batch(round).bodies });
  const figures = (name: string): ThroughputFigures => {
    const seconds = result.seconds.get(name) as number;
    const cpuSeconds = result.cpuSeconds.get(name) as number;
    return { itemsPerSecond: items / seconds, itemsPerCpuSecond: items / cpuSeconds, megabytesPerSecond: bytes / 1e6 / seconds };
  };
  return {
    bodies: bodies.length,
    items,
    bytes,
    rounds: result.rounds,
    warmupRounds: result.warmupRounds,
    cpuPerWall: result.cpuPerWall,
    fullPath: figures('full'),
    oursDecode: figures('ours'),
    protobufjs: figures('protobufjs'),
  };
}

function twinSize(path: FullPath): FullPathBenchResult['twin'] {
  const { entities, relations, signals, historyPoints } = path.twin.stats();
  return { entities, relations, signals, historyPoints };
}
