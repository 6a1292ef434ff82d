/**
 * The decode-only passes the full path is compared with: our decoders, and protobufjs's decoder
 * generated at runtime from the OTLP schema (a generic decoder: the baseline of issue 2).
 */
import { decodeMetrics, decodeTraces } from '../src/otlp/codec';
import type { DecodeResult } from '../src/otlp/codec';
import { loadOtlpSchema } from './otlp-schema';
import type { Pass } from './timing';

export interface DecodePasses {
  oursTraces: Pass;
  oursMetrics: Pass;
  protobufjsTraces: Pass;
  protobufjsMetrics: Pass;
}

export function createDecodePasses(): DecodePasses {
  const schema = loadOtlpSchema();
  return {
    oursTraces: oursPass(decodeTraces),
    oursMetrics: oursPass(decodeMetrics),
    protobufjsTraces: (bodies) => {
      for (const body of bodies) schema.traceRequest.decode(body);
    },
    protobufjsMetrics: (bodies) => {
      for (const body of bodies) schema.metricsRequest.decode(body);
    },
  };
}

function oursPass<T>(decode: (body: Uint8Array, encoding: 'protobuf') => DecodeResult<T>): Pass {
  return (bodies) => {
    for (const body of bodies) {
      const result = decode(body, 'protobuf');
      if (!result.ok) throw new Error(result.error);
    }
  };
}
