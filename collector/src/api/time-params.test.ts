import { parseDuration, parseInstant, parseStep } from './time-params';

const NOW = 1_700_000_000_000;

describe('parseDuration', () => {
  it.each([
    ['250ms', 250],
    ['30s', 30_000],
    ['5m', 300_000],
    ['1h', 3_600_000],
    ['2d', 172_800_000],
    ['1w', 604_800_000],
    ['0s', 0],
    ['1.5h', undefined],
    ['h', undefined],
    ['5 m', undefined],
    ['5M', undefined],
    ['-5m', undefined],
  ])('%s -> %s', (text, ms) => {
    expect(parseDuration(text)).toBe(ms);
  });
});

describe('parseInstant', () => {
  it.each([
    ['now', NOW],
    ['now-1h', NOW - 3_600_000],
    ['now-90s', NOW - 90_000],
    ['1699990000000', 1_699_990_000_000],
    ['0', 0],
    ['2023-11-14T22:13:20Z', NOW],
    ['2023-11-14T22:13:20.250Z', NOW + 250],
    ['2023-11-15T00:13:20+02:00', NOW],
    ['2023-11-14t22:13:20z', NOW],
    ['2023-11-14 22:13:20Z', NOW],
  ])('%s -> %s', (text, value) => {
    expect(parseInstant('from', text, NOW)).toEqual({ ok: true, value });
  });

  it.each(['yesterday', 'now-', 'now-1x', 'now+1h', '2023-11-14', '2023-11-14T22:13:20', '2023-13-01T00:00:00Z', '-5', '1e12', ''])(
    'rejects %j naming the parameter',
    (text) => {
      expect(parseInstant('to', text, NOW)).toEqual({
        ok: false,
        message: `to: expected RFC 3339, epoch milliseconds or now-<duration>, got ${JSON.stringify(text)}`,
      });
    },
  );
});

describe('parseStep', () => {
  it.each([
    ['30s', 30_000],
    ['5m', 300_000],
    ['1h', 3_600_000],
    ['15000', 15_000],
  ])('%s -> %s ms', (text, value) => {
    expect(parseStep('step', text)).toEqual({ ok: true, value });
  });

  it.each(['0', '0s', 'fast', '1.5', '-1m'])('rejects %j', (text) => {
    expect(parseStep('step', text)).toEqual({
      ok: false,
      message: `step: expected a positive duration such as 30s, 5m, 1h or milliseconds, got ${JSON.stringify(text)}`,
    });
  });
});
