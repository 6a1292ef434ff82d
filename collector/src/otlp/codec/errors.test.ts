import { decodeLogs, decodeMetrics, decodeTraces, encodeTraces } from './index';
import type { AnyValue, TracesData } from '../telemetry';

const proto = (...bytes: number[]): Uint8Array => new Uint8Array(bytes);
const json = (value: string): Uint8Array => Buffer.from(value);

function parserMessage(text: string): string {
  try {
    JSON.parse(text);
  } catch (err) {
    return (err as Error).message;
  }
  throw new Error('expected a parse error');
}

function nested(levels: number): AnyValue {
  let value: AnyValue = 'leaf';
  for (let i = 1; i < levels; i++) value = [value];
  return value;
}

function spanWithAttribute(value: AnyValue): TracesData {
  const span = {
    traceId: '',
    spanId: '',
    traceState: '',
    parentSpanId: '',
    flags: 0,
    name: '',
    kind: 0,
    startTimeUnixNano: 0,
    endTimeUnixNano: 0,
    attributes: { deep: value },
    droppedAttributesCount: 0,
    events: [],
    droppedEventsCount: 0,
    links: [],
    droppedLinksCount: 0,
    status: { message: '', code: 0 },
  };
  const scope = { name: '', version: '', attributes: {}, droppedAttributesCount: 0 };
  const resource = { attributes: {}, droppedAttributesCount: 0 };
  return { resourceSpans: [{ resource, schemaUrl: '', scopeSpans: [{ scope, schemaUrl: '', spans: [span] }] }] };
}

describe('protobuf errors name message, field, wire type and offset', () => {
  it.each([
    ['truncated varint', proto(0x0a), 'ExportTraceServiceRequest field 1 (wire type 2) at offset 0: truncated varint'],
    [
      'length past end',
      proto(0x0a, 0x05, 0x00),
      'ExportTraceServiceRequest field 1 (wire type 2) at offset 0: length 5 past end of message (1 byte left)',
    ],
    [
      'wrong wire type on a known field',
      proto(0x08, 0x01),
      'ExportTraceServiceRequest field 1 (wire type 0) at offset 0: wrong wire type, expected 2 (length-delimited)',
    ],
    [
      'group wire type',
      proto(0x2b),
      'ExportTraceServiceRequest field 5 (wire type 3) at offset 0: groups (wire types 3 and 4) are not supported',
    ],
    ['invalid wire type 6', proto(0x2e), 'ExportTraceServiceRequest field 5 (wire type 6) at offset 0: invalid wire type'],
    ['field number 0', proto(0x02, 0x00), 'ExportTraceServiceRequest at offset 0: invalid field number 0'],
    [
      'truncated fixed64 deep inside a span',
      proto(0x0a, 0x08, 0x12, 0x06, 0x12, 0x04, 0x39, 1, 2, 3),
      'Span field 7 (wire type 1) at offset 6: truncated fixed64 value',
    ],
    [
      'varint longer than 10 bytes',
      proto(0x28, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01),
      'ExportTraceServiceRequest field 5 (wire type 0) at offset 0: varint longer than 10 bytes',
    ],
    [
      'AnyValue nested 33 levels',
      encodeTraces(spanWithAttribute(nested(33))),
      'ArrayValue field 1 (wire type 2) at offset 154: AnyValue nested deeper than 32 levels',
    ],
  ])('%s', (_name, body, message) => {
    expect(decodeTraces(body, 'protobuf')).toEqual({ ok: false, error: `invalid protobuf: ${message}` });
  });

  it('accepts AnyValue nested 32 levels', () => {
    const result = decodeTraces(encodeTraces(spanWithAttribute(nested(32))), 'protobuf');
    expect(result.ok).toBe(true);
  });

  it('skips unknown fields of every wire type', () => {
    // unknown varint 20, fixed64 21, length-delimited 22, fixed32 23, then one empty ResourceSpans
    const body = proto(0xa0, 0x01, 0x05, 0xa9, 0x01, 1, 2, 3, 4, 5, 6, 7, 8, 0xb2, 0x01, 0x01, 0x00, 0xbd, 0x01, 1, 2, 3, 4, 0x0a, 0x00);
    expect(decodeTraces(body, 'protobuf')).toEqual({
      ok: true,
      value: {
        resourceSpans: [{ resource: { attributes: {}, droppedAttributesCount: 0 }, scopeSpans: [], schemaUrl: '' }],
      },
    });
  });

  it('names the message in metrics and logs too', () => {
    expect(decodeMetrics(proto(0x0a, 0x02, 0x12, 0x05), 'protobuf')).toEqual({
      ok: false,
      error: 'invalid protobuf: ResourceMetrics field 2 (wire type 2) at offset 2: length 5 past end of message (0 bytes left)',
    });
    expect(decodeLogs(proto(0x0a, 0x02, 0x10, 0x01), 'protobuf')).toEqual({
      ok: false,
      error: 'invalid protobuf: ResourceLogs field 2 (wire type 0) at offset 2: wrong wire type, expected 2 (length-delimited)',
    });
  });
});

describe('JSON errors name the JSON path', () => {
  const spans = (span: string): string => `{"resourceSpans":[{"scopeSpans":[{"spans":[${span}]}]}]}`;
  const at = 'resourceSpans[0].scopeSpans[0].spans[0]';
  it.each([
    [
      'wrong type for a timestamp',
      '{"resourceSpans":[{"scopeSpans":[{},{"spans":[{},{},{"startTimeUnixNano":"abc"}]}]}]}',
      'resourceSpans[0].scopeSpans[1].spans[2].startTimeUnixNano: expected an integer or a decimal string, got "abc"',
    ],
    ['bad hex id', spans('{"traceId":"xyz"}'), `${at}.traceId: expected a hex string of even length, got "xyz"`],
    ['odd-length hex id', spans('{"spanId":"abc"}'), `${at}.spanId: expected a hex string of even length, got "abc"`],
    ['enum by name', spans('{"kind":"SPAN_KIND_SERVER"}'), `${at}.kind: expected an integer enum value, got "SPAN_KIND_SERVER"`],
    ['negative timestamp', spans('{"endTimeUnixNano":"-5"}'), `${at}.endTimeUnixNano: expected a non-negative integer, got "-5"`],
    ['uint32 out of range', spans('{"droppedAttributesCount":4294967296}'), `${at}.droppedAttributesCount: expected an integer in 0..4294967295, got 4294967296`],
    ['attributes not an array', spans('{"attributes":{"a":1}}'), `${at}.attributes: expected an array, got an object`],
    [
      'attribute value of the wrong type',
      spans('{"attributes":[{"key":"k","value":{"boolValue":"yes"}}]}'),
      `${at}.attributes[0].value.boolValue: expected a boolean, got "yes"`,
    ],
    ['root not an object', '[]', '(root): expected an object, got an array'],
    ['null span', spans('null'), `${at}: expected an object, got null`],
    ['invalid JSON', '{"resourceSpans":', `invalid JSON: ${parserMessage('{"resourceSpans":')}`],
    ['empty body', '', `invalid JSON: ${parserMessage('')}`],
  ])('%s', (_name, body, message) => {
    expect(decodeTraces(json(body), 'json')).toEqual({ ok: false, error: message });
  });

  it('reports metric and log paths', () => {
    expect(
      decodeMetrics(json('{"resourceMetrics":[{"scopeMetrics":[{"metrics":[{"histogram":{"dataPoints":[{"bucketCounts":["1","x"]}]}}]}]}]}'), 'json'),
    ).toEqual({
      ok: false,
      error:
        'resourceMetrics[0].scopeMetrics[0].metrics[0].histogram.dataPoints[0].bucketCounts[1]: expected an integer or a decimal string, got "x"',
    });
    expect(decodeLogs(json('{"resourceLogs":[{"scopeLogs":[{"logRecords":[{"body":{"bytesValue":"%%"}}]}]}]}'), 'json')).toEqual({
      ok: false,
      error: 'resourceLogs[0].scopeLogs[0].logRecords[0].body.bytesValue: expected a base64 string, got "%%"',
    });
  });
});
