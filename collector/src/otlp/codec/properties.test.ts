/**
 * Property tests: decoders never throw and always terminate on hostile input, and encode → decode
 * is the identity on generated data.
 */
import fc from 'fast-check';
import type {
  AnyValue,
  Attributes,
  InstrumentationScope,
  LogRecord,
  LogsData,
  Resource,
  Span,
  TracesData,
} from '../telemetry';
import { decodeLogs, decodeMetrics, decodeTraces, encodeLogs, encodeTraces } from './index';
import type { DecodeResult, Encoding } from './index';

const HEX = '0123456789abcdef';
const toHex = (bytes: Uint8Array): string => Array.from(bytes, (b) => HEX[b >> 4] + HEX[b & 15]).join('');
const id = (n: number) => fc.oneof(fc.constant(''), fc.uint8Array({ minLength: n, maxLength: n }).map(toHex));
const uint32 = fc.integer({ min: 0, max: 0xffffffff });
const int32 = fc.integer({ min: -0x80000000, max: 0x7fffffff });
// Timestamps up to 2^63 (above 2^53 they are the doubles both codecs round to).
const nanos = fc.oneof(fc.maxSafeNat(), fc.bigInt({ min: 0n, max: 2n ** 63n - 1n }).map(Number));
const text = fc.string({ unit: 'grapheme', maxLength: 20 });
const key = fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom('__proto__', 'constructor', 'service.name'));

const { anyValue } = fc.letrec<{ anyValue: AnyValue; kvlist: Attributes }>((tie) => ({
  anyValue: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    text,
    fc.boolean(),
    fc.double(),
    fc.bigInt({ min: -(2n ** 63n), max: 2n ** 63n - 1n }).map(Number),
    fc.uint8Array({ maxLength: 8 }).map((b) => new Uint8Array(b)),
    fc.constant(null),
    fc.array(tie('anyValue'), { maxLength: 3 }),
    tie('kvlist'),
  ),
  kvlist: fc.array(fc.tuple(key, tie('anyValue')), { maxLength: 3 }).map(toAttributes),
}));

function toAttributes(entries: [string, AnyValue][]): Attributes {
  const attrs: Attributes = {};
  for (const [k, v] of entries) Object.defineProperty(attrs, k, { value: v, enumerable: true, writable: true, configurable: true });
  return attrs;
}

const attributes = fc.array(fc.tuple(key, anyValue), { maxLength: 4 }).map(toAttributes);
const resource: fc.Arbitrary<Resource> = fc.record({ attributes, droppedAttributesCount: uint32 });
const scope: fc.Arbitrary<InstrumentationScope> = fc.record({
  name: text,
  version: text,
  attributes,
  droppedAttributesCount: uint32,
});

const span: fc.Arbitrary<Span> = fc.record({
  traceId: id(16),
  spanId: id(8),
  traceState: text,
  parentSpanId: id(8),
  flags: uint32,
  name: text,
  kind: int32,
  startTimeUnixNano: nanos,
  endTimeUnixNano: nanos,
  attributes,
  droppedAttributesCount: uint32,
  events: fc.array(fc.record({ timeUnixNano: nanos, name: text, attributes, droppedAttributesCount: uint32 }), { maxLength: 2 }),
  droppedEventsCount: uint32,
  links: fc.array(
    fc.record({ traceId: id(16), spanId: id(8), traceState: text, attributes, droppedAttributesCount: uint32, flags: uint32 }),
    { maxLength: 2 },
  ),
  droppedLinksCount: uint32,
  status: fc.record({ message: text, code: int32 }),
});

const tracesData: fc.Arbitrary<TracesData> = fc.record({
  resourceSpans: fc.array(
    fc.record({
      resource,
      scopeSpans: fc.array(fc.record({ scope, spans: fc.array(span, { maxLength: 3 }), schemaUrl: text }), { maxLength: 2 }),
      schemaUrl: text,
    }),
    { maxLength: 2 },
  ),
});

const logRecord: fc.Arbitrary<LogRecord> = fc.record({
  timeUnixNano: nanos,
  observedTimeUnixNano: nanos,
  severityNumber: int32,
  severityText: text,
  body: anyValue,
  attributes,
  droppedAttributesCount: uint32,
  flags: uint32,
  traceId: id(16),
  spanId: id(8),
  eventName: text,
});

const logsData: fc.Arbitrary<LogsData> = fc.record({
  resourceLogs: fc.array(
    fc.record({
      resource,
      scopeLogs: fc.array(fc.record({ scope, logRecords: fc.array(logRecord, { maxLength: 3 }), schemaUrl: text }), { maxLength: 2 }),
      schemaUrl: text,
    }),
    { maxLength: 2 },
  ),
});

const decoders: ((body: Uint8Array, encoding: Encoding) => DecodeResult<unknown>)[] = [decodeTraces, decodeMetrics, decodeLogs];

function isDecodeResult(result: DecodeResult<unknown>): boolean {
  return result.ok ? result.value !== undefined : typeof result.error === 'string' && result.error.length > 0;
}

describe('decoders never throw', () => {
  it('on random bytes, in both encodings', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), (body) => {
        for (const decode of decoders) {
          expect(isDecodeResult(decode(body, 'protobuf'))).toBe(true);
          expect(isDecodeResult(decode(body, 'json'))).toBe(true);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('on truncations and bit flips of valid requests', () => {
    fc.assert(
      fc.property(tracesData, logsData, fc.nat(), fc.nat(), (traces, logs, cut, flip) => {
        for (const body of [encodeTraces(traces), encodeLogs(logs)]) {
          const truncated = body.subarray(0, body.length === 0 ? 0 : cut % body.length);
          const flipped = new Uint8Array(body);
          if (flipped.length > 0) flipped[flip % flipped.length] ^= 1 << flip % 8;
          for (const decode of decoders) {
            expect(isDecodeResult(decode(truncated, 'protobuf'))).toBe(true);
            expect(isDecodeResult(decode(flipped, 'protobuf'))).toBe(true);
          }
        }
      }),
      { numRuns: 200 },
    );
  });

  it('on random JSON values, including OTLP-shaped ones', () => {
    const otlpShaped = fc.record({
      resourceSpans: fc.array(fc.record({ scopeSpans: fc.array(fc.record({ spans: fc.array(fc.jsonValue()) })) })),
      resourceMetrics: fc.array(fc.record({ scopeMetrics: fc.array(fc.record({ metrics: fc.array(fc.jsonValue()) })) })),
      resourceLogs: fc.array(fc.record({ scopeLogs: fc.array(fc.record({ logRecords: fc.array(fc.jsonValue()) })) })),
    });
    fc.assert(
      fc.property(fc.oneof(fc.jsonValue(), otlpShaped), (value) => {
        const body = Buffer.from(JSON.stringify(value) ?? 'null');
        for (const decode of decoders) expect(isDecodeResult(decode(body, 'json'))).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});

describe('encode → decode round trip', () => {
  it('returns the same TracesData', () => {
    fc.assert(
      fc.property(tracesData, (data) => {
        expect(decodeTraces(encodeTraces(data), 'protobuf')).toEqual({ ok: true, value: data });
      }),
      { numRuns: 200 },
    );
  });

  it('returns the same LogsData', () => {
    fc.assert(
      fc.property(logsData, (data) => {
        expect(decodeLogs(encodeLogs(data), 'protobuf')).toEqual({ ok: true, value: data });
      }),
      { numRuns: 200 },
    );
  });
});
