import { formatStat } from './format-stat';

describe('formatStat', () => {
  it.each([
    [12.345, 'reqps', '12.3 req/s'],
    [0.25, 's', '250 ms'],
    [0.05, 'percentunit', '5%'],
    [3, undefined, '3'],
  ])('formats %p in %p as %p', (value, unit, expected) => {
    expect(formatStat(value, unit)).toBe(expected);
  });

  it.each([[null], [undefined], [NaN], [Infinity]])('has nothing to show for %p', (value) => {
    expect(formatStat(value, 'reqps')).toBeUndefined();
  });
});
