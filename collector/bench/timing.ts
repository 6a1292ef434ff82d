/**
 * Timing shared by the throughput benchmarks: passes over the same request bodies run in
 * alternating rounds (A, B, C, A, B, C, ...) so machine drift and GC pressure hit every pass
 * alike, and each pass's figure is its median round.
 */

/** One pass over one round's request bodies. */
export type Pass = (bodies: Uint8Array[]) => void;

export interface NamedPass {
  name: string;
  run: Pass;
}

export interface AlternatingOptions {
  /** The bodies of round `round` (warm-up rounds first, then measured ones, counted from 0). */
  bodies(round: number): Uint8Array[];
  rounds?: number;
  warmupRounds?: number;
}

export interface AlternatingResult {
  rounds: number;
  warmupRounds: number;
  /** Median wall seconds of one pass, by pass name. */
  seconds: Map<string, number>;
  /**
   * Median CPU seconds (user + system, every thread of the process) of one pass, by pass name:
   * JavaScript runs on one thread, but V8's GC helper threads can add CPU time beside it.
   */
  cpuSeconds: Map<string, number>;
  /** CPU time (user + system) over wall time of the measured rounds: about 1.0 on one core. */
  cpuPerWall: number;
}

export function runAlternating(passes: NamedPass[], options: AlternatingOptions): AlternatingResult {
  const rounds = options.rounds ?? 7;
  const warmupRounds = options.warmupRounds ?? 3;
  for (let round = 0; round < warmupRounds; round++) {
    const bodies = options.bodies(round);
    for (const pass of passes) pass.run(bodies);
  }
  const samples = new Map<string, number[]>(passes.map((p) => [p.name, []]));
  const cpuSamples = new Map<string, number[]>(passes.map((p) => [p.name, []]));
  let wall = 0;
  let cpuMicros = 0;
  for (let round = warmupRounds; round < warmupRounds + rounds; round++) {
    const bodies = options.bodies(round);
    for (const pass of passes) {
      const cpuStart = process.cpuUsage();
      const seconds = timePass(pass.run, bodies);
      const cpu = process.cpuUsage(cpuStart);
      wall += seconds;
      cpuMicros += cpu.user + cpu.system;
      samples.get(pass.name)?.push(seconds);
      cpuSamples.get(pass.name)?.push((cpu.user + cpu.system) / 1e6);
    }
  }
  const medians = (all: Map<string, number[]>) => new Map([...all].map(([name, values]) => [name, median(values)]));
  return { rounds, warmupRounds, seconds: medians(samples), cpuSeconds: medians(cpuSamples), cpuPerWall: cpuMicros / 1e6 / wall };
}

export function timePass(pass: Pass, bodies: Uint8Array[]): number {
  const start = process.hrtime.bigint();
  pass(bodies);
  return Number(process.hrtime.bigint() - start) / 1e9;
}

/** The middle value (the upper middle for an even count). */
export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}
