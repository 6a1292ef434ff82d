import { describeRejections, validateItems } from './validate-items';
import { LOGS, METRICS, TRACES } from './signal-specs';
import { gauge, logRecord, logs, metrics, span, traces } from './testdata/fixtures';

const ZERO_TRACE = '0'.repeat(32);

describe('span checks', () => {
  it.each([
    ['valid root span', {}, undefined],
    ['valid child span', { parentSpanId: 'aaaaaaaaaaaaaaaa' }, undefined],
    ['upper-case hex', { traceId: 'ABCDEF0123456789ABCDEF0123456789' }, undefined],
    ['all-zero trace id', { traceId: ZERO_TRACE }, 'invalid_trace_id'],
    ['empty trace id', { traceId: '' }, 'invalid_trace_id'],
    ['short trace id', { traceId: 'abcd' }, 'invalid_trace_id'],
    ['non-hex trace id', { traceId: 'z'.repeat(32) }, 'invalid_trace_id'],
    ['all-zero span id', { spanId: '0'.repeat(16) }, 'invalid_span_id'],
    ['long span id', { spanId: 'a'.repeat(18) }, 'invalid_span_id'],
    ['short parent span id', { parentSpanId: 'abc' }, 'invalid_parent_span_id'],
    ['all-zero parent span id', { parentSpanId: '0'.repeat(16) }, 'invalid_parent_span_id'],
  ])('%s', (_name, overrides, reason) => {
    const v = validateItems(traces(span(overrides)), TRACES.layout);
    expect([...v.reasons.keys()]).toEqual(reason ? [reason] : []);
  });
});

describe('validateItems', () => {
  it('returns the input itself when every item is valid', () => {
    const data = traces(span(), span({ name: 'b' }));
    const v = validateItems(data, TRACES.layout);
    expect(v.data).toBe(data);
    expect(v).toMatchObject({ items: 2, rejected: 0 });
  });

  it('drops bad spans from a copy and leaves the input alone', () => {
    const data = traces(span({ name: 'bad', traceId: ZERO_TRACE }), span({ name: 'good' }));
    const v = validateItems(data, TRACES.layout);
    expect(v.data.resourceSpans[0].scopeSpans[0].spans.map((s) => s.name)).toEqual(['good']);
    expect(data.resourceSpans[0].scopeSpans[0].spans).toHaveLength(2);
    expect(describeRejections(v, TRACES.noun)).toBe(
      `rejected 1 of 2 spans (invalid_trace_id: 1); first: span "bad" has trace id "${ZERO_TRACE}" (must be 32 hex digits, not all zero)`,
    );
  });

  it('counts metrics by data points, and a metric without points as one', () => {
    const noData = { ...gauge('empty', []), data: undefined };
    const v = validateItems(metrics(gauge('cpu', [1, 2, 3]), gauge('', [1, 2]), noData, gauge('none', [])), METRICS.layout);
    expect(v).toMatchObject({ items: 7, rejected: 4 });
    expect(v.reasons).toEqual(new Map([['empty_metric_name', 2], ['metric_without_data', 2]]));
    expect(v.data.resourceMetrics[0].scopeMetrics[0].metrics.map((m) => m.name)).toEqual(['cpu']);
    expect(describeRejections(v, METRICS.noun)).toBe(
      'rejected 4 of 7 data points (empty_metric_name: 2, metric_without_data: 2); first: a metric has an empty name',
    );
  });

  it.each([
    ['no trace context', {}, undefined],
    ['full trace context', { traceId: 'a'.repeat(32), spanId: 'b'.repeat(16) }, undefined],
    ['short trace id', { traceId: 'abc' }, 'invalid_trace_id'],
    ['long span id', { spanId: 'b'.repeat(20) }, 'invalid_span_id'],
  ])('log record with %s', (_name, overrides, reason) => {
    const v = validateItems(logs(logRecord(overrides)), LOGS.layout);
    expect([...v.reasons.keys()]).toEqual(reason ? [reason] : []);
  });

  it('treats an empty request as zero items', () => {
    expect(validateItems({ resourceSpans: [] }, TRACES.layout)).toMatchObject({ items: 0, rejected: 0 });
  });
});
