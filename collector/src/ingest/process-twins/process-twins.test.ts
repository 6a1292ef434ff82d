import { SpanKind, StatusCode } from '../../otlp';
import { span } from '../../otlp/testdata/fixtures';
import { createTracesIngest } from '../traces-ingest';
import { scope, setupTwin } from '../testdata/fixtures';
import { createProcessTwins, flowIdOf } from './process-twins';
import { defaultProcessesConfig } from './config';
import type { Attributes, Span, TracesData } from '../../otlp';
import type { ProcessesConfig } from './config';

// Span times in ms from 1e15 ns, where every ms is an exact double, so durations come out exact.
const T0_NS = 1e15;
const CHECKOUT = 'flow:frontend/POST /checkout';

interface Hop {
  service: string;
  id: string;
  parent: string;
  startMs: number;
  endMs: number;
  name?: string;
  kind?: number;
  extra?: Partial<Span>;
}

/** One request holding the given spans of one trace, grouped by service into resources. */
function trace(traceId: string, hops: Hop[]): TracesData {
  const byService = new Map<string, Span[]>();
  for (const h of hops) {
    const s = span({
      traceId,
      spanId: h.id,
      parentSpanId: h.parent,
      name: h.name ?? `op ${h.id}`,
      kind: h.kind ?? SpanKind.INTERNAL,
      startTimeUnixNano: T0_NS + h.startMs * 1e6,
      endTimeUnixNano: T0_NS + h.endMs * 1e6,
      ...h.extra,
    });
    byService.set(h.service, [...(byService.get(h.service) ?? []), s]);
  }
  const attributesOf = (service: string): Attributes => (service === '' ? {} : { 'service.name': service });
  return {
    resourceSpans: [...byService].map(([service, spans]) => ({
      resource: { attributes: attributesOf(service), droppedAttributesCount: 0 },
      scopeSpans: [{ scope, spans, schemaUrl: '' }],
      schemaUrl: '',
    })),
  };
}

/** frontend POST /checkout -> cart, then -> payment; payment holds 60 of the 100 ms critical path. */
function checkout(traceId: string, extra: Partial<Span> = {}): TracesData {
  return trace(traceId, [
    { service: 'frontend', id: 'fs', parent: '', startMs: 0, endMs: 100, name: 'POST /checkout', kind: SpanKind.SERVER, extra },
    { service: 'frontend', id: 'fc1', parent: 'fs', startMs: 10, endMs: 30, kind: SpanKind.CLIENT },
    { service: 'cart', id: 'cs', parent: 'fc1', startMs: 12, endMs: 28, kind: SpanKind.SERVER },
    { service: 'frontend', id: 'fc2', parent: 'fs', startMs: 30, endMs: 95, kind: SpanKind.CLIENT },
    { service: 'payment', id: 'ps', parent: 'fc2', startMs: 32, endMs: 92, kind: SpanKind.SERVER },
  ]);
}

/** A one-span trace of `service` named `name`, lasting `ms`. */
const single = (traceId: string, ms: number, name = 'GET /', service = 'frontend') =>
  trace(traceId, [{ service, id: 'r', parent: '', startMs: 0, endMs: ms, name, kind: SpanKind.SERVER }]);

function setup(change: Partial<ProcessesConfig> = {}) {
  const env = setupTwin();
  const sink = createProcessTwins({ ...defaultProcessesConfig(), ...change }, env);
  const ingest = createTracesIngest(env.twin, env.config, env, [sink]);
  const at = (seconds: number) => {
    env.advance(seconds * 1000);
    sink.tick(env.clock.now());
  };
  const latest = (id: string) =>
    Object.fromEntries((env.twin.getEntity(id)?.signals ?? []).map((s) => [s.name, s.latest?.v]));
  const dropped = (reason: string) => env.metrics.get('twinops_process_twins_dropped_total', { reason });
  return { ...env, sink, ingest, at, latest, dropped };
}

describe('process twins', () => {
  it('builds the checkout flow: entity, signals, part_of relations with critical path shares', () => {
    const { ingest, twin, at, latest, sink, metrics } = setup();
    ingest.consumeTraces(checkout('t1'));
    ingest.consumeTraces(checkout('t2'));
    ingest.consumeTraces(checkout('t3', { attributes: { 'http.response.status_code': 500 } }));
    ingest.consumeTraces(checkout('t4', { status: { code: StatusCode.ERROR, message: '' } }));
    at(9);
    expect(sink.pendingTraces).toBe(4);
    at(1);
    expect(sink.pendingTraces).toBe(0);
    expect(twin.getEntity(CHECKOUT)).toBeUndefined();
    at(5);
    const flow = twin.getEntity(CHECKOUT);
    expect(flow).toMatchObject({
      type: 'flow',
      level: 'process',
      name: 'frontend POST /checkout',
      attributes: { 'entry.service': 'service:frontend', 'entry.operation': 'POST /checkout' },
    });
    expect(latest(CHECKOUT)).toEqual({
      'flow.requests_per_second': 4 / 15,
      'flow.error_ratio': 0.5,
      'flow.latency_p50_seconds': 0.1,
      'flow.latency_p95_seconds': 0.1,
      'flow.latency_p99_seconds': 0.1,
    });
    const stats = Object.fromEntries((flow?.relations ?? []).map((r) => [r.id, r.stats]));
    expect(Object.keys(stats)).toEqual([
      'part_of:service:frontend->flow:frontend/POST /checkout',
      'part_of:service:cart->flow:frontend/POST /checkout',
      'part_of:service:payment->flow:frontend/POST /checkout',
    ]);
    const close = (v: number) => expect.closeTo(v, 12);
    expect(stats['part_of:service:payment->flow:frontend/POST /checkout']).toEqual({
      critical_path_share: close(0.6),
      critical_path_seconds: close(0.06),
    });
    expect(stats['part_of:service:cart->flow:frontend/POST /checkout']).toEqual({
      critical_path_share: close(0.16),
      critical_path_seconds: close(0.016),
    });
    expect(stats['part_of:service:frontend->flow:frontend/POST /checkout']).toEqual({
      critical_path_share: close(0.24),
      critical_path_seconds: close(0.024),
    });
    expect(metrics.get('twinops_process_twins_traces_total')).toBe(4);
    expect(metrics.get('twinops_process_twins_flows')).toBe(1);
  });

  it('averages the critical path share over the window, 0 for traces a service is not on the path of', () => {
    const { ingest, twin, at } = setup();
    ingest.consumeTraces(checkout('t1'));
    // Same entry operation, payment only: frontend 20 of 100 ms, payment 80; cart is not touched.
    ingest.consumeTraces(
      trace('t2', [
        { service: 'frontend', id: 'fs', parent: '', startMs: 0, endMs: 100, name: 'POST /checkout', kind: SpanKind.SERVER },
        { service: 'payment', id: 'ps', parent: 'fs', startMs: 10, endMs: 90, kind: SpanKind.SERVER },
      ]),
    );
    at(15);
    const stats = Object.fromEntries((twin.getEntity(CHECKOUT)?.relations ?? []).map((r) => [r.from, r.stats]));
    const close = (share: number, seconds: number) => ({
      critical_path_share: expect.closeTo(share, 12),
      critical_path_seconds: expect.closeTo(seconds, 12),
    });
    expect(stats).toEqual({
      'service:frontend': close(0.22, 0.022),
      'service:cart': close(0.08, 0.008),
      'service:payment': close(0.7, 0.07),
    });
  });

  it('computes p50/p95/p99 from the latency histogram: 10 x 20 ms, 8 x 60 ms, 2 x 400 ms', () => {
    const { ingest, at, latest } = setup();
    const latencies = [...Array(10).fill(20), ...Array(8).fill(60), 400, 400];
    latencies.forEach((ms, i) => ingest.consumeTraces(single(`t${i}`, ms)));
    at(15);
    // p50: rank 10 ends the (10, 25] ms bucket, narrowed below by the min: 20 + 5 * 10/10 = 25 ms.
    // p95: rank 19 is 1 of 2 in (250, 500] narrowed above by the max 400: 250 + 150 * 1/2 = 325 ms.
    // p99: rank 19.8: 250 + 150 * 1.8/2 = 385 ms.
    const values = latest('flow:frontend/GET /');
    expect(values['flow.latency_p50_seconds']).toBeCloseTo(0.025, 12);
    expect(values['flow.latency_p95_seconds']).toBeCloseTo(0.325, 12);
    expect(values['flow.latency_p99_seconds']).toBeCloseTo(0.385, 12);
    expect(values['flow.requests_per_second']).toBe(20 / 15);
    expect(values['flow.error_ratio']).toBe(0);
  });

  it('writes once per window, over the time since the last window, and 0 requests for an idle flow', () => {
    const { ingest, twin, at, latest } = setup({ windowSeconds: 20 });
    ingest.consumeTraces(single('t1', 10));
    at(19);
    expect(twin.getEntity('flow:frontend/GET /')).toBeUndefined();
    at(1);
    expect(latest('flow:frontend/GET /')['flow.requests_per_second']).toBe(1 / 20);
    ingest.consumeTraces(single('t2', 10));
    ingest.consumeTraces(single('t3', 10));
    at(25);
    expect(latest('flow:frontend/GET /')['flow.requests_per_second']).toBe(2 / 25);
    at(20);
    expect(latest('flow:frontend/GET /')['flow.requests_per_second']).toBe(0);
    expect(twin.signalHistory({ entity: 'flow:frontend/GET /', name: 'flow.requests_per_second' })?.points.length).toBe(3);
  });

  it('keeps separate flows per entry operation and service namespace', () => {
    const { ingest, twin, at } = setup();
    ingest.consumeTraces(single('t1', 10, 'GET /a'));
    ingest.consumeTraces(single('t2', 10, 'GET /b'));
    ingest.consumeTraces(single('t3', 10, 'GET /a', 'admin'));
    at(15);
    expect(twin.listEntities({ level: 'process' }).items.map((e) => [e.id, e.name])).toEqual([
      ['flow:frontend/GET /a', 'frontend GET /a'],
      ['flow:frontend/GET /b', 'frontend GET /b'],
      ['flow:admin/GET /a', 'admin GET /a'],
    ]);
    expect(flowIdOf('service:shop/frontend', 'POST /checkout')).toBe('flow:shop/frontend/POST /checkout');
  });

  it('drops traces of new flows beyond max_flows, counting their spans', () => {
    const { ingest, twin, at, dropped, sink } = setup({ maxFlows: 1 });
    ingest.consumeTraces(checkout('t1'));
    ingest.consumeTraces(single('t2', 10, 'GET /users/1'));
    ingest.consumeTraces(single('t3', 10, 'GET /users/2'));
    at(15);
    expect(dropped('max_flows')).toBe(2);
    expect(sink.flows).toBe(1);
    expect(twin.listEntities({ level: 'process' }).items.map((e) => e.id)).toEqual([CHECKOUT]);
  });

  it('drops at the buffer caps and when the root has no service', () => {
    const { ingest, at, dropped, latest } = setup({ maxTraces: 1, maxSpansPerTrace: 4 });
    ingest.consumeTraces(checkout('t1'));
    ingest.consumeTraces(single('t2', 10));
    at(15);
    expect(dropped('max_spans_per_trace')).toBe(1);
    expect(dropped('max_traces')).toBe(1);
    expect(latest(CHECKOUT)['flow.requests_per_second']).toBe(1 / 15);
    ingest.consumeTraces(single('t3', 10, 'GET /', ''));
    at(15);
    expect(dropped('no_service')).toBe(1);
  });

  it('drops spans beyond max_spans and still counts the trace with the spans it kept', () => {
    const { ingest, at, dropped, twin } = setup({ maxSpans: 3 });
    ingest.consumeTraces(checkout('t1'));
    at(15);
    expect(dropped('max_spans')).toBe(2);
    // Kept: fs, fc1, fc2 (frontend's resource comes first); cart and payment never arrived.
    expect(twin.getEntity(CHECKOUT)?.relations.map((r) => r.from)).toEqual(['service:frontend']);
  });
});
