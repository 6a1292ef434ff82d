import { MAX_MERGED_EVENTS, isSummedSignal, mergeEventSummaries, mergePointValues, mergeRelationStats } from './merge-rules';
import type { EntityEvent } from '../model';

const NOW = 1_700_000_000_000;
const STALE_MS = 60_000;

function event(t: number, message: string): EntityEvent {
  return { t, severityNumber: 17, severityText: 'ERROR', message, attributes: {} };
}

describe('mergeRelationStats', () => {
  it('sums rates and totals, recomputes error_ratio and weights percentiles by request rate', () => {
    const merged = mergeRelationStats(
      [
        { collectorId: 'a', updatedMs: NOW - 1000, stats: { requests_per_second: 3, failed_per_second: 1, error_ratio: 1 / 3, requests_total: 30, latency_p95_seconds: 0.2 } },
        { collectorId: 'b', updatedMs: NOW, stats: { requests_per_second: 1, failed_per_second: 0, error_ratio: 0, requests_total: 12, latency_p95_seconds: 0.6 } },
      ],
      NOW,
      STALE_MS,
    );
    expect(merged).toEqual({
      requests_per_second: 4,
      failed_per_second: 1,
      requests_total: 42,
      latency_p95_seconds: (0.2 * 3 + 0.6 * 1) / 4,
      error_ratio: 0.25,
    });
  });

  it('drops the rates of a collector not heard from within stale_after, keeps its totals', () => {
    const merged = mergeRelationStats(
      [
        { collectorId: 'a', updatedMs: NOW - STALE_MS, stats: { requests_per_second: 8, failed_per_second: 8, requests_total: 100, latency_p50_seconds: 9 } },
        { collectorId: 'b', updatedMs: NOW - STALE_MS + 1, stats: { requests_per_second: 2, failed_per_second: 1, requests_total: 5, latency_p50_seconds: 0.5 } },
      ],
      NOW,
      STALE_MS,
    );
    expect(merged).toEqual({ requests_per_second: 2, failed_per_second: 1, requests_total: 105, latency_p50_seconds: 0.5, error_ratio: 0.5 });
  });

  it('takes a plain mean when no collector has fresh traffic, and leaves error_ratio out without requests', () => {
    const merged = mergeRelationStats(
      [
        { collectorId: 'a', updatedMs: NOW, stats: { requests_per_second: 0, failed_per_second: 0, error_ratio: 0, latency_p99_seconds: 1 } },
        { collectorId: 'b', updatedMs: NOW - 2 * STALE_MS, stats: { requests_per_second: 5, latency_p99_seconds: 3 } },
      ],
      NOW,
      STALE_MS,
    );
    expect(merged).toEqual({ requests_per_second: 0, failed_per_second: 0, latency_p99_seconds: 2 });
  });

  it('averages only over the collectors that report a key', () => {
    const merged = mergeRelationStats(
      [
        { collectorId: 'a', updatedMs: NOW, stats: { requests_per_second: 1, latency_p50_seconds: 0.1 } },
        { collectorId: 'b', updatedMs: NOW, stats: { requests_per_second: 3 } },
      ],
      NOW,
      STALE_MS,
    );
    expect(merged).toEqual({ requests_per_second: 4, latency_p50_seconds: 0.1 });
  });

  it('is empty without contributions, and a single collector comes back as it was', () => {
    expect(mergeRelationStats([], NOW, STALE_MS)).toEqual({});
    const stats = { requests_per_second: 2, failed_per_second: 1, error_ratio: 0.5, latency_p95_seconds: 0.3, bytes_total: 7 };
    expect(mergeRelationStats([{ collectorId: 'a', updatedMs: NOW, stats }], NOW, STALE_MS)).toEqual(stats);
  });
});

describe('isSummedSignal', () => {
  it.each([
    ['{request}/s', 'sum', true],
    ['By/s', 'gauge', true],
    ['1', 'count', true],
    ['{log}', 'count', true],
    ['Cel', 'gauge', false],
    ['s', 'histogram', false],
    ['1', 'sum', false],
    ['/sec', 'gauge', false],
  ])('unit %s, kind %s: summed %s', (unit, kind, expected) => {
    expect(isSummedSignal(unit, kind)).toBe(expected);
  });
});

describe('mergePointValues', () => {
  it.each([
    [[1, 2, 4], true, 7],
    [[1, 2, 4], false, 7 / 3],
    [[21.5], false, 21.5],
    [[], true, 0],
  ])('%j summed=%s -> %d', (values, summed, expected) => {
    expect(mergePointValues(values, summed)).toBe(expected);
  });
});

describe('mergeEventSummaries', () => {
  it('sums counts by severity and interleaves latest errors newest first', () => {
    const merged = mergeEventSummaries([
      { countsBySeverity: { INFO: 5, ERROR: 2 }, latestErrors: [event(300, 'a3'), event(100, 'a1')] },
      { countsBySeverity: { ERROR: 1, WARN: 4 }, latestErrors: [event(200, 'b2')] },
    ]);
    expect(merged).toEqual({
      countsBySeverity: { INFO: 5, ERROR: 3, WARN: 4 },
      latestErrors: [event(300, 'a3'), event(200, 'b2'), event(100, 'a1')],
    });
  });

  it(`keeps at most ${MAX_MERGED_EVENTS} latest errors`, () => {
    const a = Array.from({ length: 15 }, (_, i) => event(1000 - 2 * i, `a${i}`));
    const b = Array.from({ length: 15 }, (_, i) => event(999 - 2 * i, `b${i}`));
    const merged = mergeEventSummaries([
      { countsBySeverity: { ERROR: 15 }, latestErrors: a },
      { countsBySeverity: { ERROR: 15 }, latestErrors: b },
    ]);
    expect(merged.latestErrors.map((e) => e.message)).toEqual(
      Array.from({ length: 10 }, (_, i) => [`a${i}`, `b${i}`]).flat(),
    );
    expect(merged.countsBySeverity).toEqual({ ERROR: 30 });
  });

  it('is empty without summaries', () => {
    expect(mergeEventSummaries([])).toEqual({ countsBySeverity: {}, latestErrors: [] });
  });
});
