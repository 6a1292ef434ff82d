/** Formats benchmark results as the lines `npm run bench` prints, with PASS/FAIL against the targets of issue 2. */
import type { FullPathBenchResult, SignalBenchResult } from './full-path-bench';
import type { MemoryBenchResult } from './memory-bench';

export const TARGETS = {
  /** Full path over protobufjs decode-only. */
  minRatio: 1.0,
  minSpansPerSecond: 100_000,
  maxBytesPerEntity: 2048,
};

const count = (n: number) => Math.round(n).toLocaleString('en-US');
const mark = (ok: boolean) => (ok ? 'PASS' : 'FAIL');

export function headerLines(result: FullPathBenchResult): string[] {
  const { rounds, warmupRounds } = result.traces;
  const cpu = Math.max(result.traces.cpuPerWall, result.metrics.cpuPerWall);
  return [
    `TwinOps collector benchmark (Node ${process.version}, ${process.platform} ${process.arch}; ` +
      `single-threaded: one core, CPU time / wall time in timed passes <= ${cpu.toFixed(2)})`,
    `throughput: ${warmupRounds} warm-up + ${rounds} measured rounds, passes alternating within each round; median round`,
  ];
}

export function throughputLines(
  signal: 'traces' | 'metrics',
  what: string,
  unit: string,
  result: SignalBenchResult,
  replay: string,
): string[] {
  const mb = (result.bytes / 1e6).toFixed(1);
  const base = result.protobufjs.itemsPerSecond;
  const ratio = result.fullPath.itemsPerSecond / base;
  const oursRatio = result.oursDecode.itemsPerSecond / base;
  const rate = (n: number) => `${count(n).padStart(9)} ${unit}/s`;
  const mbs = (n: number) => `${n.toFixed(1).padStart(6)} MB/s`;
  let targets = `[target >= ${TARGETS.minRatio.toFixed(1)}x: ${mark(ratio >= TARGETS.minRatio)}]`;
  if (signal === 'traces') {
    const ok = result.fullPath.itemsPerSecond >= TARGETS.minSpansPerSecond;
    targets += ` [target >= ${count(TARGETS.minSpansPerSecond)} spans/s: ${mark(ok)}]`;
  }
  return [
    `${signal.padEnd(8)} ${count(result.bodies)} ${what} bodies, ${count(result.items)} ${unit}, ${mb} MB per round (${replay})`,
    `  full path (decode+validate+twin)  ${rate(result.fullPath.itemsPerSecond)}  ${mbs(result.fullPath.megabytesPerSecond)}  ` +
      `${ratio.toFixed(2)}x protobufjs decode-only  ${targets}`,
    `  decode only, ours                 ${rate(result.oursDecode.itemsPerSecond)}  ${mbs(result.oursDecode.megabytesPerSecond)}  ` +
      `${oursRatio.toFixed(2)}x protobufjs decode-only`,
    `  decode only, protobufjs           ${rate(base)}  ${mbs(result.protobufjs.megabytesPerSecond)}`,
  ];
}

export function twinLine(result: FullPathBenchResult): string {
  const t = result.twin;
  return `twin after the throughput runs: ${count(t.entities)} entities, ${count(t.relations)} relations, ${count(t.signals)} signals, ${count(t.historyPoints)} history points`;
}

export function memoryLines(m: MemoryBenchResult): string[] {
  const { services, instances, hosts } = m.shape;
  const perEntityOk = m.bytesPerEntity <= TARGETS.maxBytesPerEntity;
  return [
    `memory   ${count(m.entities)} entities (${count(services)} services, ${count(instances)} instances, ${count(hosts)} hosts; ` +
      `${count(m.relations)} relations; ${m.attributesPerEntity.toFixed(1)} attributes per entity) from ${count(m.requests)} OTLP requests; ` +
      'V8 heap + array buffers after gc',
    `  per entity (excl. history)            ${count(m.bytesPerEntity).padStart(6)} B  [target <= ${TARGETS.maxBytesPerEntity} B: ${mark(perEntityOk)}]`,
    `  per signal, 1 point                   ${count(m.bytesPerSignalOnePoint).padStart(6)} B  (${count(m.signals)} signals)`,
    `  per signal, full history (${m.historyCapacity} points) ${count(m.bytesPerSignalFullHistory).padStart(6)} B  ` +
      `(the points alone: ${count(m.historyCapacity * 16)} B)`,
  ];
}
