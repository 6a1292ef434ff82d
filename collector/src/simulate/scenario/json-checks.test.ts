import { joinPath, quote, readObject, nonEmptyString } from './json-checks';

describe('quote', () => {
  it.each<[unknown, string]>([
    [undefined, 'nothing'],
    [null, 'null'],
    [-1, '-1'],
    [Number.NaN, 'NaN'],
    [Number.NEGATIVE_INFINITY, '-Infinity'],
    ['a"b', '"a\\"b"'],
    [{ a: [1] }, '{"a":[1]}'],
    [BigInt(3), '3'],
    ['y'.repeat(100), `"${'y'.repeat(79)}…`],
  ])('%p -> %s', (value, text) => {
    expect(quote(value)).toBe(text);
  });
});

describe('joinPath', () => {
  it.each([
    ['', 'a', 'a'],
    ['changes[1]', 'at', 'changes[1].at'],
  ])('%s + %s -> %s', (path, key, joined) => {
    expect(joinPath(path, key)).toBe(joined);
  });
});

describe('readObject', () => {
  it('reports unknown keys with the hint, then reads required and optional fields', () => {
    const errors: string[] = [];
    const r = readObject({ a: 'x', b: '', c: 1 }, 'root', errors, ['a', 'b', 'd'], 'root takes a, b, d');
    expect(r?.required('a', nonEmptyString)).toBe('x');
    expect(r?.optional('b', nonEmptyString)).toBeUndefined();
    expect(r?.optional('d', nonEmptyString)).toBeUndefined();
    expect(r?.required('d', nonEmptyString)).toBeUndefined();
    expect(errors).toEqual([
      'root.c: unknown key (root takes a, b, d), got 1',
      'root.b: must be a non-empty string, got ""',
      'root.d: must be a non-empty string (required), got nothing',
    ]);
  });
});
