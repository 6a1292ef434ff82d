import { InMemoryMetricsRegistry } from '../../model';
import { createTraceBuffer } from './trace-buffer';
import { rec } from './testdata/spans';
import type { SpanRecord, TraceBufferConfig } from './trace-buffer';

function setup(change: Partial<TraceBufferConfig> = {}) {
  let now = 1_000_000;
  const metrics = new InMemoryMetricsRegistry();
  const completed: [string, string[]][] = [];
  const buffer = createTraceBuffer(
    { traceWaitSeconds: 10, maxTraces: 100, maxSpansPerTrace: 10, maxSpans: 1000, ...change },
    {
      clock: { now: () => now },
      metrics,
      onComplete: (traceId, spans: SpanRecord[]) => completed.push([traceId, spans.map((s) => s.spanId)]),
    },
  );
  const dropped = (reason: string) => metrics.get('twinops_process_twins_dropped_total', { reason });
  return { buffer, metrics, completed, dropped, advance: (ms: number) => (now += ms), now: () => now };
}

describe('trace buffer', () => {
  it('hands on a trace once it has been quiet for the wait time', () => {
    const { buffer, completed, advance, now } = setup();
    buffer.add('t1', rec('a', '', 'x', 0, 1));
    advance(6000);
    buffer.add('t1', rec('b', 'a', 'x', 0, 1));
    buffer.add('t2', rec('c', '', 'x', 0, 1));
    advance(4000);
    expect(buffer.expire(now())).toBe(0);
    advance(5999);
    expect(buffer.expire(now())).toBe(0);
    advance(1);
    expect(buffer.expire(now())).toBe(2);
    expect(completed).toEqual([
      ['t1', ['a', 'b']],
      ['t2', ['c']],
    ]);
    expect(buffer.pendingTraces).toBe(0);
    expect(buffer.pendingSpans).toBe(0);
  });

  it('orders by last activity: a late span keeps its trace waiting while older ones complete', () => {
    const { buffer, completed, advance, now } = setup();
    buffer.add('t1', rec('a', '', 'x', 0, 1));
    advance(1000);
    buffer.add('t2', rec('b', '', 'x', 0, 1));
    advance(1000);
    buffer.add('t1', rec('c', 'a', 'x', 0, 1));
    advance(9000);
    expect(buffer.expire(now())).toBe(1);
    expect(completed).toEqual([['t2', ['b']]]);
    expect(buffer.pendingTraces).toBe(1);
  });

  it('hands traces on by their last span when several are touched between expiries', () => {
    const { buffer, completed, advance, now } = setup();
    buffer.add('t1', rec('a', '', 'x', 0, 1));
    buffer.add('t2', rec('b', '', 'x', 0, 1));
    buffer.add('t3', rec('c', '', 'x', 0, 1));
    advance(1000);
    buffer.add('t2', rec('d', 'b', 'x', 0, 1));
    advance(1000);
    buffer.add('t1', rec('e', 'a', 'x', 0, 1));
    advance(9000);
    expect(buffer.expire(now())).toBe(2);
    buffer.add('t4', rec('f', '', 'x', 0, 1));
    advance(1000);
    expect(buffer.expire(now())).toBe(1);
    advance(10_000);
    expect(buffer.expire(now())).toBe(1);
    expect(completed.map(([traceId]) => traceId)).toEqual(['t3', 't2', 't1', 't4']);
    expect(buffer.pendingSpans).toBe(0);
  });

  it('drops spans of new traces beyond max_traces, and reports pending traces as a gauge', () => {
    const { buffer, metrics, dropped } = setup({ maxTraces: 2 });
    expect(buffer.add('t1', rec('a', '', 'x', 0, 1))).toBe(true);
    expect(buffer.add('t2', rec('b', '', 'x', 0, 1))).toBe(true);
    expect(buffer.add('t3', rec('c', '', 'x', 0, 1))).toBe(false);
    expect(buffer.add('t1', rec('d', 'a', 'x', 0, 1))).toBe(true);
    expect(dropped('max_traces')).toBe(1);
    expect(metrics.get('twinops_process_twins_pending_traces')).toBe(2);
    expect(metrics.get('twinops_process_twins_pending_spans')).toBe(3);
  });

  it('drops spans beyond max_spans_per_trace', () => {
    const { buffer, dropped, completed, advance, now } = setup({ maxSpansPerTrace: 2 });
    for (const id of ['a', 'b', 'c', 'd']) buffer.add('t1', rec(id, '', 'x', 0, 1));
    expect(dropped('max_spans_per_trace')).toBe(2);
    advance(10_000);
    buffer.expire(now());
    expect(completed).toEqual([['t1', ['a', 'b']]]);
  });

  it('drops spans beyond max_spans across all traces, and takes spans again once traces complete', () => {
    const { buffer, dropped, advance, now } = setup({ maxSpans: 3 });
    for (const id of ['a', 'b', 'c', 'd']) buffer.add(`t-${id}`, rec(id, '', 'x', 0, 1));
    expect(buffer.add('t-a', rec('e', 'a', 'x', 0, 1))).toBe(false);
    expect(dropped('max_spans')).toBe(2);
    expect(buffer.pendingSpans).toBe(3);
    advance(10_000);
    buffer.expire(now());
    expect(buffer.add('t-f', rec('f', '', 'x', 0, 1))).toBe(true);
  });

  it('stays bounded under 100,000 traces that never complete', () => {
    const { buffer, dropped, completed } = setup({ maxTraces: 1000, maxSpansPerTrace: 3, maxSpans: 1_000_000 });
    for (let i = 0; i < 100_000; i++) {
      buffer.add(`t${i % 2000}`, rec(`s${i}`, 'missing', 'x', 0, 1));
      buffer.expire(0);
    }
    expect(buffer.pendingTraces).toBe(1000);
    expect(buffer.pendingSpans).toBe(3000);
    expect(dropped('max_traces')).toBe(50_000);
    expect(dropped('max_spans_per_trace')).toBe(47_000);
    expect(completed).toEqual([]);
  });
});
