import { SpanKind } from '../../otlp';
import { analyseTrace, criticalPathSelfTimes, findRoot, httpStatusOf } from './critical-path';
import { rec } from './testdata/spans';
import type { SpanRecord } from './trace-buffer';

/** Critical path seconds by service, as a plain object. */
function pathOf(spans: SpanRecord[]): Record<string, number> {
  return Object.fromEntries(analyseTrace(spans)?.criticalPathSeconds ?? []);
}

/** Self time on the path in ms, by span id (spans off the path are absent). */
function selfMs(spans: SpanRecord[]): Record<string, number> {
  const root = findRoot(spans) as SpanRecord;
  return Object.fromEntries([...criticalPathSelfTimes(spans, root)].map(([s, ns]) => [s.spanId, ns / 1e6]));
}

describe('critical path', () => {
  it('sequential calls: each call and the gaps between them', () => {
    const spans = [rec('r', '', 'frontend', 0, 100), rec('a', 'r', 'cart', 10, 40), rec('b', 'r', 'payment', 40, 90)];
    expect(selfMs(spans)).toEqual({ r: 20, a: 30, b: 50 });
    expect(pathOf(spans)).toEqual({ 'service:frontend': 0.02, 'service:cart': 0.03, 'service:payment': 0.05 });
  });

  it('parallel fan-out: only the child finishing last is on the path', () => {
    const spans = [
      rec('r', '', 'frontend', 0, 100),
      rec('a', 'r', 'cart', 10, 90),
      rec('b', 'r', 'stock', 20, 80),
      rec('c', 'r', 'payment', 15, 95),
    ];
    expect(selfMs(spans)).toEqual({ r: 20, c: 80 });
    expect(pathOf(spans)).toEqual({ 'service:frontend': 0.02, 'service:payment': 0.08 });
    expect(analyseTrace(spans)?.services).toEqual(['service:frontend', 'service:cart', 'service:stock', 'service:payment']);
  });

  it('overlapping children: a child still running when the last one started is off the path', () => {
    const spans = [rec('r', '', 'frontend', 0, 100), rec('a', 'r', 'cart', 10, 50), rec('b', 'r', 'payment', 40, 90)];
    expect(selfMs(spans)).toEqual({ r: 50, b: 50 });
  });

  it('nested calls across services add up to the root duration', () => {
    const spans = [
      rec('fs', '', 'frontend', 0, 100, { kind: SpanKind.SERVER }),
      rec('fc', 'fs', 'frontend', 5, 95, { kind: SpanKind.CLIENT }),
      rec('cs', 'fc', 'checkout', 10, 90, { kind: SpanKind.SERVER }),
      rec('cc', 'cs', 'checkout', 20, 80, { kind: SpanKind.CLIENT }),
      rec('ps', 'cc', 'payment', 25, 75, { kind: SpanKind.SERVER }),
      rec('db', 'ps', 'payment', 30, 60, { kind: SpanKind.CLIENT }),
    ];
    expect(selfMs(spans)).toEqual({ fs: 10, fc: 10, cs: 20, cc: 10, ps: 20, db: 30 });
    expect(pathOf(spans)).toEqual({ 'service:frontend': 0.02, 'service:checkout': 0.03, 'service:payment': 0.05 });
  });

  it('an async child outliving its parent is clipped to the parent, and so are its children', () => {
    const spans = [
      rec('r', '', 'frontend', 0, 100),
      rec('a', 'r', 'cart', 10, 40),
      rec('b', 'r', 'queue', 50, 250),
      rec('c', 'b', 'worker', 60, 200),
    ];
    expect(selfMs(spans)).toEqual({ r: 20, a: 30, b: 10, c: 40 });
    expect(analyseTrace(spans)?.durationSeconds).toBe(0.1);
  });

  it('clock skew: a child starting before its parent is clipped to the parent start', () => {
    const spans = [rec('r', '', 'frontend', 100, 200), rec('a', 'r', 'cart', 90, 150), rec('b', 'r', 'payment', 150, 190)];
    expect(selfMs(spans)).toEqual({ r: 10, a: 50, b: 40 });
  });

  it('a child entirely outside its parent is off the path', () => {
    const spans = [rec('r', '', 'frontend', 100, 200), rec('a', 'r', 'cart', 20, 80), rec('b', 'r', 'payment', 210, 300)];
    expect(selfMs(spans)).toEqual({ r: 100 });
  });

  it('spans without a service stay out of the per-service times', () => {
    const spans = [rec('r', '', 'frontend', 0, 100), rec('a', 'r', undefined, 10, 40)];
    expect(pathOf(spans)).toEqual({ 'service:frontend': 0.07 });
    expect(analyseTrace(spans)?.services).toEqual(['service:frontend']);
  });

  it('terminates on malformed traces: self parents and duplicate span ids', () => {
    const spans = [
      rec('r', '', 'frontend', 0, 100),
      rec('a', 'r', 'cart', 10, 90),
      rec('r', 'a', 'cart', 20, 80),
      rec('x', 'x', 'cart', 0, 50),
    ];
    // The duplicate 'r' under 'a' would lead back to 'a': each span is walked once.
    expect(pathOf(spans)).toEqual({ 'service:frontend': 0.02, 'service:cart': 0.02 });
  });
});

describe('findRoot', () => {
  it('takes the earliest of several roots, counting a span whose parent is missing as a root', () => {
    const spans = [rec('a', 'gone', 'cart', 5, 50), rec('b', '', 'frontend', 10, 60), rec('c', 'a', 'cart', 6, 7)];
    expect(findRoot(spans)?.spanId).toBe('a');
  });

  it('is undefined for no spans', () => {
    expect(findRoot([])).toBeUndefined();
    expect(analyseTrace([])).toBeUndefined();
  });

  it('gives a negative root duration as 0', () => {
    expect(analyseTrace([rec('r', '', 'frontend', 100, 90)])?.durationSeconds).toBe(0);
  });
});

describe('trace error', () => {
  it.each([
    ['status ERROR', { statusError: true }, true],
    ['SERVER with 500', { kind: SpanKind.SERVER, httpStatus: 500 }, true],
    ['SERVER with 503', { kind: SpanKind.SERVER, httpStatus: 503 }, true],
    ['SERVER with 404', { kind: SpanKind.SERVER, httpStatus: 404 }, false],
    ['CONSUMER with 500', { kind: SpanKind.CONSUMER, httpStatus: 500 }, false],
    ['SERVER with no status', { kind: SpanKind.SERVER }, false],
  ])('%s', (_name, extra: Partial<SpanRecord>, error) => {
    expect(analyseTrace([rec('r', '', 'frontend', 0, 10, extra)])?.error).toBe(error);
  });
});

describe('httpStatusOf', () => {
  it.each([
    [{ 'http.response.status_code': 502 }, 502],
    [{ 'http.status_code': 500 }, 500],
    [{ 'http.response.status_code': 200, 'http.status_code': 500 }, 200],
    [{ 'http.status_code': '503' }, 503],
    [{ 'http.status_code': 'x' }, 0],
    [{ 'http.status_code': 5.5 }, 0],
    [{}, 0],
  ])('%j -> %d', (attributes, status) => {
    expect(httpStatusOf(attributes)).toBe(status);
  });
});
