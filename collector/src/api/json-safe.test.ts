import { jsonSafe } from './json-safe';

describe('jsonSafe', () => {
  it('replaces NaN and infinities with null at any depth, copying only what changes', () => {
    const untouched = { a: 1, b: ['x', true] };
    const input = { keep: untouched, stats: { rate: Number.NaN, p95: 0.2 }, points: [{ t: 1, v: -Infinity }, { t: 2, v: 3 }] };
    const output = jsonSafe(input);
    expect(output).toEqual({ keep: untouched, stats: { rate: null, p95: 0.2 }, points: [{ t: 1, v: null }, { t: 2, v: 3 }] });
    expect(output.keep).toBe(untouched);
    expect(output.points[1]).toBe(input.points[1]);
    expect(input.stats.rate).toBeNaN();
    expect(input.points[0].v).toBe(-Infinity);
  });

  it('returns the same object when nothing changes', () => {
    const input = { a: [1, 2, { b: 'c' }], d: null, e: undefined };
    expect(jsonSafe(input)).toBe(input);
  });

  it.each([
    [Number.NaN, null],
    [Infinity, null],
    [4, 4],
    ['NaN', 'NaN'],
    [null, null],
  ])('%p -> %p', (value, expected) => {
    expect(jsonSafe(value)).toBe(expected);
  });
});
