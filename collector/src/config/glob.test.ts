import { compileGlob, compileGlobs } from './glob';

describe('compileGlob', () => {
  it.each([
    ['hw.temperature*', 'hw.temperature', true],
    ['hw.temperature*', 'hw.temperature{hw.sensor_location="inlet"}', true],
    ['hw.temperature*', 'hw.temperatures', true],
    ['hw.temperature*', 'xhw.temperature', false],
    ['hw:*-inlet', 'hw:r01-s1/r01-s1-inlet', true],
    ['hw:*-inlet', 'hw:r01-s1/r01-s1-cpu', false],
    ['flow.*', 'flow.requests_per_second', true],
    ['a.b', 'aXb', false],
    ['a.b', 'a.b', true],
    ['*', '', true],
    ['x(1)*', 'x(1)y', true],
  ])('%s on %s: %s', (glob, name, expected) => {
    expect(compileGlob(glob)(name)).toBe(expected);
  });

  it('matches any of a list', () => {
    const match = compileGlobs(['a*', 'b']);
    expect([match('ax'), match('b'), match('bx'), match('c')]).toEqual([true, true, false, false]);
  });
});
