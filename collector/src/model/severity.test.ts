import { isWarnOrWorse, severityOf } from './severity';

describe('severityOf', () => {
  it.each([
    [1, '', 'TRACE'],
    [4, '', 'TRACE'],
    [5, '', 'DEBUG'],
    [8, 'x', 'DEBUG'],
    [9, '', 'INFO'],
    [12, '', 'INFO'],
    [13, '', 'WARN'],
    [16, '', 'WARN'],
    [17, '', 'ERROR'],
    [20, '', 'ERROR'],
    [21, '', 'FATAL'],
    [24, '', 'FATAL'],
    [0, 'Information', 'INFO'],
    [0, 'warning', 'WARN'],
    [0, 'Err', 'ERROR'],
    [0, 'CRITICAL', 'FATAL'],
    [0, 'notice', 'INFO'],
    [0, 'debug', 'DEBUG'],
    [0, '', 'UNSPECIFIED'],
    [25, 'what', 'UNSPECIFIED'],
  ])('number %d, text %j -> %s', (n, text, expected) => {
    expect(severityOf(n, text)).toBe(expected);
  });

  it.each([
    ['WARN', true],
    ['ERROR', true],
    ['FATAL', true],
    ['INFO', false],
    ['UNSPECIFIED', false],
  ] as const)('%s is WARN or worse: %s', (s, expected) => {
    expect(isWarnOrWorse(s)).toBe(expected);
  });
});
