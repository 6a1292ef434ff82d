/**
 * Decode-only throughput: our decodeTraces against protobufjs's generated-at-runtime decoder on the
 * same bodies. Rounds alternate between the two so machine drift hits both alike; the figure per
 * decoder is the median round. Other benchmarks (full path, memory) plug in beside this one.
 */
import { decodeTraces } from '../src/otlp/codec';
import { loadOtlpSchema } from './otlp-schema';

export interface DecodeBenchOptions {
  bodies: Uint8Array[];
  /** Spans across all bodies (one pass). */
  spans: number;
  rounds?: number;
  warmupRounds?: number;
}

export interface DecoderFigures {
  spansPerSecond: number;
  megabytesPerSecond: number;
}

export interface DecodeBenchResult {
  bodies: number;
  spans: number;
  bytes: number;
  rounds: number;
  ours: DecoderFigures;
  protobufjs: DecoderFigures;
  /** ours.spansPerSecond / protobufjs.spansPerSecond */
  ratio: number;
}

type Pass = (bodies: Uint8Array[]) => void;

export function runDecodeBench(options: DecodeBenchOptions): DecodeBenchResult {
  const { bodies, spans } = options;
  const rounds = options.rounds ?? 7;
  const bytes = bodies.reduce((n, b) => n + b.length, 0);
  const schema = loadOtlpSchema();
  const ours: Pass = (list) => {
    for (const body of list) {
      const result = decodeTraces(body, 'protobuf');
      if (!result.ok) throw new Error(result.error);
    }
  };
  const baseline: Pass = (list) => {
    for (const body of list) schema.traceRequest.decode(body);
  };
  for (let i = 0; i < (options.warmupRounds ?? 3); i++) {
    ours(bodies);
    baseline(bodies);
  }
  const oursSeconds: number[] = [];
  const baselineSeconds: number[] = [];
  for (let i = 0; i < rounds; i++) {
    oursSeconds.push(timePass(ours, bodies));
    baselineSeconds.push(timePass(baseline, bodies));
  }
  const oursFigures = figures(median(oursSeconds), spans, bytes);
  const baselineFigures = figures(median(baselineSeconds), spans, bytes);
  return {
    bodies: bodies.length,
    spans,
    bytes,
    rounds,
    ours: oursFigures,
    protobufjs: baselineFigures,
    ratio: oursFigures.spansPerSecond / baselineFigures.spansPerSecond,
  };
}

function timePass(pass: Pass, bodies: Uint8Array[]): number {
  const start = process.hrtime.bigint();
  pass(bodies);
  return Number(process.hrtime.bigint() - start) / 1e9;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function figures(seconds: number, spans: number, bytes: number): DecoderFigures {
  return { spansPerSecond: spans / seconds, megabytesPerSecond: bytes / 1e6 / seconds };
}
