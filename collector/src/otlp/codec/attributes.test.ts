import { decodeLogs, decodeTraces, encodeTraces } from './index';
import type { TracesData } from '../telemetry';

function withAttributesJson(attrs: string): Uint8Array {
  return Buffer.from(`{"resourceSpans":[{"resource":{"attributes":${attrs}}}]}`);
}

function resourceAttributes(data: TracesData) {
  return data.resourceSpans[0].resource.attributes;
}

describe('attribute maps', () => {
  it('store "__proto__" as data in both decoders, never as the prototype', () => {
    const json = decodeTraces(
      withAttributesJson('[{"key":"__proto__","value":{"kvlistValue":{"values":[{"key":"polluted","value":{"boolValue":true}}]}}}]'),
      'json',
    );
    if (!json.ok) throw new Error(json.error);
    const attrs = resourceAttributes(json.value);
    expect(Object.getPrototypeOf(attrs)).toBe(Object.prototype);
    expect(Object.keys(attrs)).toEqual(['__proto__']);
    expect(Object.getOwnPropertyDescriptor(attrs, '__proto__')?.value).toEqual({ polluted: true });
    expect((attrs as Record<string, unknown>).polluted).toBeUndefined();
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();

    const proto = decodeTraces(encodeTraces(json.value), 'protobuf');
    if (!proto.ok) throw new Error(proto.error);
    expect(Object.keys(resourceAttributes(proto.value))).toEqual(['__proto__']);
    expect(Object.getOwnPropertyDescriptor(resourceAttributes(proto.value), '__proto__')?.value).toEqual({ polluted: true });
  });

  it('keep the last value of a repeated key', () => {
    const result = decodeTraces(
      withAttributesJson('[{"key":"a","value":{"intValue":"1"}},{"key":"a","value":{"stringValue":"two"}}]'),
      'json',
    );
    expect(result.ok && resourceAttributes(result.value)).toEqual({ a: 'two' });
  });

  it.each([
    ['{"stringValue":"s"}', 's'],
    ['{"boolValue":false}', false],
    ['{"intValue":"-9007199254740993"}', -9007199254740992],
    ['{"intValue":42}', 42],
    ['{"doubleValue":"NaN"}', NaN],
    ['{"doubleValue":"-Infinity"}', -Infinity],
    ['{"bytesValue":"AP8H"}', new Uint8Array([0, 255, 7])],
    ['{"bytesValue":"_-8"}', new Uint8Array([255, 239])],
    ['{"arrayValue":{}}', []],
    ['{"kvlistValue":{"values":[]}}', {}],
    ['{}', null],
    ['null', null],
  ])('decode the JSON AnyValue %s', (value, expected) => {
    const body = Buffer.from(`{"resourceLogs":[{"scopeLogs":[{"logRecords":[{"body":${value}}]}]}]}`);
    const result = decodeLogs(body, 'json');
    if (!result.ok) throw new Error(result.error);
    expect(result.value.resourceLogs[0].scopeLogs[0].logRecords[0].body).toEqual(expected);
  });
});
