import { labelSuffix, toEntityAttributes, toEntityValue, toText } from './attribute-values';

describe('attribute values', () => {
  it.each([
    ['a string', 'a string'],
    [42, 42],
    [1.5, 1.5],
    [true, true],
    [new Uint8Array([1, 2, 255]), 'AQL/'],
    [['many', 'values', 3], '["many","values",3]'],
    [{ 'some.map.key': 'some value', nested: [new Uint8Array([0])] }, '{"some.map.key":"some value","nested":["AA=="]}'],
    [null, undefined],
  ])('%j -> %j', (value, expected) => {
    expect(toEntityValue(value)).toEqual(expected);
  });

  it('converts attribute maps, skipping nulls and filtered keys', () => {
    expect(toEntityAttributes({ a: 1, b: null, c: ['x'], d: 'skip' }, (k) => k !== 'd')).toEqual({ a: 1, c: '["x"]' });
    expect(toText(null)).toBe('');
    expect(toText(7)).toBe('7');
  });

  it('builds sorted, escaped label suffixes', () => {
    expect(labelSuffix({})).toBe('');
    expect(labelSuffix({ 'hw.id': 'cpu0', 'hw.state': 'ok' }, new Set(['hw.id']))).toBe('{hw.state="ok"}');
    expect(labelSuffix({ b: 'x"y', a: 'back\\slash\nnl', c: 2 })).toBe('{a="back\\\\slash\\nnl",b="x\\"y",c="2"}');
  });
});
