import {
  apiUrlError,
  attributesError,
  durationError,
  durationMs,
  instantError,
  numberError,
  scenarioError,
} from './validation';

describe('numberError', () => {
  const depth = { min: 0, max: 10, integer: true };
  const score = { min: 0, max: 1, integer: false };
  it.each<[string, typeof depth, string | undefined]>([
    ['0', depth, undefined],
    ['10', depth, undefined],
    ['11', depth, 'Must be a whole number from 0 to 10, got "11"'],
    ['-1', depth, 'Must be a whole number from 0 to 10, got "-1"'],
    ['2.5', depth, 'Must be a whole number from 0 to 10, got "2.5"'],
    ['1e1', depth, 'Must be a whole number from 0 to 10, got "1e1"'],
    ['0x5', depth, 'Must be a whole number from 0 to 10, got "0x5"'],
    ['0.75', score, undefined],
    ['.5', score, undefined],
    ['1', score, undefined],
    ['1.01', score, 'Must be a number from 0 to 1, got "1.01"'],
    ['high', score, 'Must be a number from 0 to 1, got "high"'],
  ])('%s', (text, rules, expected) => {
    expect(numberError(text, rules)).toBe(expected);
  });
});

describe('durationMs and durationError', () => {
  it.each<[string, number | undefined]>([
    ['250ms', 250],
    ['30s', 30_000],
    ['5m', 300_000],
    ['2h', 7_200_000],
    ['1d', 86_400_000],
    ['1w', 604_800_000],
    ['60000', 60_000],
    ['5 m', undefined],
    ['1.5h', undefined],
    ['m', undefined],
  ])('%s is %s ms', (text, ms) => {
    expect(durationMs(text)).toBe(ms);
  });

  it.each<[string, string | undefined]>([
    ['30s', undefined],
    ['$__interval', undefined],
    ['0s', 'Must be a duration such as 30s, 5m or 1h, got "0s"'],
    ['soon', 'Must be a duration such as 30s, 5m or 1h, got "soon"'],
    ['24h', undefined],
    ['25h', 'Must be at most 24h, got "25h"'],
  ])('%s capped at 24h: %s', (text, expected) => {
    expect(durationError(text, 86_400_000, '24h')).toBe(expected);
  });
});

describe('instantError', () => {
  it.each<[string, string | undefined]>([
    ['now', undefined],
    ['now-15m', undefined],
    ['1767225600000', undefined],
    ['2026-01-01T00:00:00Z', undefined],
    ['2026-01-01 00:00:00.5+01:00', undefined],
    ['${__to}', undefined],
    ['now-', 'Must be RFC 3339, epoch milliseconds, now or now-<duration>, got "now-"'],
    ['2026-01-01', 'Must be RFC 3339, epoch milliseconds, now or now-<duration>, got "2026-01-01"'],
  ])('%s', (text, expected) => {
    expect(instantError(text)).toBe(expected);
  });
});

describe('attributesError', () => {
  it.each<[string, string | undefined]>([
    ['env=prod', undefined],
    ['env=prod, region=$region', undefined],
    ['env=', undefined],
    ['$filters', undefined],
    ['env=prod,,rack=r1', 'Must be key=value pairs separated by commas, got ""'],
    ['=prod', 'Must be key=value pairs separated by commas, got "=prod"'],
    ['env=prod, prod', 'Must be key=value pairs separated by commas, got "prod"'],
  ])('%s', (text, expected) => {
    expect(attributesError(text)).toBe(expected);
  });
});

describe('scenarioError', () => {
  const prefix = 'Must be a JSON object such as {"horizon_seconds": 3600, "changes": []}';
  it.each<[string, string | undefined]>([
    ['{"horizon_seconds": 600, "changes": [{"type": "fail", "target": "$host"}]}', undefined],
    ['{}', undefined],
    ['{"horizon_seconds": $h}', `${prefix}: this is not valid JSON`],
    ['[]', `${prefix}, got an array`],
    ['null', `${prefix}, got null`],
    ['"fail"', `${prefix}, got a string`],
    ['42', `${prefix}, got a number`],
  ])('%s', (text, expected) => {
    expect(scenarioError(text)).toBe(expected);
  });
});

describe('apiUrlError', () => {
  it.each<[string, string | undefined]>([
    ['http://twinops:8088', undefined],
    ['https://twinops.example/collector', undefined],
    ['', 'The collector URL is required'],
    ['twinops', 'Must be an http:// or https:// URL such as http://twinops:8088, got "twinops"'],
    ['ws://twinops:8088', 'Must be an http:// or https:// URL such as http://twinops:8088, got "ws://twinops:8088"'],
    [
      'http://:tok@twinops',
      'Must not hold credentials: every viewer of the datasource can read the URL; set the API token below instead',
    ],
    [
      'http://twinops:8088/?token=x',
      'Must not hold a query string or fragment: the datasource appends /api/v1/… paths to it, got "http://twinops:8088/?token=x"',
    ],
  ])('%s', (text, expected) => {
    expect(apiUrlError(text)).toBe(expected);
  });
});
