import type { RetentionClass } from './config';
import { FALLBACK_RETENTION_CLASS, classOf, closedBefore, matchesGlob, rollupGraceMs, signalSourceFor } from './retention-classes';

describe('matchesGlob', () => {
  it.each([
    ['cpu.util', '*', true],
    ['', '*', true],
    ['cpu.util', 'cpu.*', true],
    ['cpu', 'cpu.*', false],
    ['cpuXutil', 'cpu.util', false],
    ['cpu.util', 'cpu.util', true],
    ['http.server.duration.p99', '*.p99', true],
    ['a(b)+c', 'a(b)+c', true],
    ['abc', 'a*c', true],
    ['ac', 'a*c', true],
    ['abd', 'a*c', false],
    ['line\nbreak', 'line*', true],
    ['x.rate', '*.rate*', true],
  ])('%j against %j is %s', (name, glob, expected) => {
    expect(matchesGlob(name, glob)).toBe(expected);
  });
});

describe('classOf', () => {
  const cpu: RetentionClass = { signals: 'cpu.*', rawSeconds: 60, rollups: [] };
  const all: RetentionClass = { signals: '*', rawSeconds: 120, rollups: [] };

  it('takes the first class that matches', () => {
    expect(classOf('cpu.util', [cpu, all])).toBe(cpu);
    expect(classOf('cpu.util', [all, cpu])).toBe(all);
    expect(classOf('mem.used', [cpu, all])).toBe(all);
  });

  it('falls back to two days of raw points and no rollups', () => {
    expect(classOf('mem.used', [cpu])).toBe(FALLBACK_RETENTION_CLASS);
    expect(classOf('mem.used', [])).toEqual({ signals: '*', rawSeconds: 172_800, rollups: [] });
  });
});

describe('rollup bucket closing', () => {
  it('waits one flush interval plus one raw bucket', () => {
    expect(rollupGraceMs(5, 10_000)).toBe(15_000);
  });

  it.each([
    [135_000, 60_000, 15_000, 120_000],
    [134_999, 60_000, 15_000, 60_000],
    [615_000, 600_000, 15_000, 600_000],
    [614_999, 600_000, 15_000, 0],
  ])('at %d with step %d and grace %d buckets before %d are closed', (now, step, grace, expected) => {
    expect(closedBefore(now, step, grace)).toBe(expected);
  });
});

describe('signalSourceFor', () => {
  const cls: RetentionClass = {
    signals: '*',
    rawSeconds: 100,
    rollups: [
      { stepSeconds: 10, keepSeconds: 1000 },
      { stepSeconds: 100, keepSeconds: 10_000 },
    ],
  };
  const now = 1_000_000_000;

  it.each([
    [now - 100_000, { kind: 'raw' }],
    [now - 100_001, { kind: 'rollup', stepMs: 10_000 }],
    [now - 1_000_000, { kind: 'rollup', stepMs: 10_000 }],
    [now - 1_000_001, { kind: 'rollup', stepMs: 100_000 }],
    [now - 99_000_000, { kind: 'rollup', stepMs: 100_000 }],
  ])('from %d reads %j', (from, expected) => {
    expect(signalSourceFor(cls, from, now)).toEqual(expected);
  });

  it('reads raw points when the class has no rollups', () => {
    expect(signalSourceFor(FALLBACK_RETENTION_CLASS, 0, now)).toEqual({ kind: 'raw' });
  });
});
