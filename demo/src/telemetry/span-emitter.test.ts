import { SpanKind, SpanStatusCode } from '@opentelemetry/api';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';
import type { SpanPlan } from '../shop';
import { createPlannedSampler } from './planned-sampler';
import { emitTrace, planEndSeconds } from './span-emitter';

const plan = (over: Partial<SpanPlan>): SpanPlan => ({
  service: 'frontend', instance: 'frontend-1', host: 'r01-s1', name: 'GET /', kind: 'SERVER',
  startOffsetSeconds: 0, endOffsetSeconds: 0.1, error: false, attributes: {}, children: [], ...over,
});

describe('emitTrace', () => {
  const exporter = new InMemorySpanExporter();
  const providers = new Map<string, BasicTracerProvider>();
  const tracerFor = (s: SpanPlan) => {
    if (!providers.has(s.instance)) {
      providers.set(s.instance, new BasicTracerProvider({ resource: resourceFromAttributes({ 'service.instance.id': s.instance }), spanProcessors: [new SimpleSpanProcessor(exporter)], sampler: createPlannedSampler() }));
    }
    return (providers.get(s.instance) as BasicTracerProvider).getTracer('test');
  };

  it('builds the tree with kinds, parents, resources, attributes, status and real-duration times ending at now', () => {
    const server = plan({ service: 'cart', instance: 'cart-1', host: 'r09-s1', name: 'GET /cart', startOffsetSeconds: 0.02, endOffsetSeconds: 0.05, error: true, attributes: { 'http.response.status_code': 503 } });
    const client = plan({ name: 'GET /cart', kind: 'CLIENT', startOffsetSeconds: 0.01, endOffsetSeconds: 0.06, error: true, attributes: { 'server.address': 'cart' }, children: [server] });
    const consumer = plan({ service: 'shipping', instance: 'shipping-1', name: 'process orders', kind: 'CONSUMER', startOffsetSeconds: 0.2, endOffsetSeconds: 0.25 });
    const producer = plan({ name: 'send orders', kind: 'PRODUCER', startOffsetSeconds: 0.06, endOffsetSeconds: 0.08, children: [consumer] });
    const root = plan({ endOffsetSeconds: 0.1, children: [client, producer] });
    expect(planEndSeconds(root)).toBe(0.25);

    expect(emitTrace({ startSeconds: 0, root, samplingProbability: 0.25 }, tracerFor, 1_000_000)).toBe(5);
    const spans = exporter.getFinishedSpans();
    const byKind = new Map(spans.map((s) => [s.kind, s]));
    const [r, c, sv, p, co] = [SpanKind.INTERNAL, SpanKind.CLIENT, SpanKind.SERVER, SpanKind.PRODUCER, SpanKind.CONSUMER].map((k) => byKind.get(k));
    expect(r).toBeUndefined();
    const rootSpan = spans.find((s) => s.parentSpanContext === undefined);
    expect(rootSpan?.kind).toBe(SpanKind.SERVER);
    expect(new Set(spans.map((s) => s.spanContext().traceId)).size).toBe(1);
    // Every span, on every instance's tracer, carries the trace's sampling probability (1/4).
    expect(spans.map((s) => s.spanContext().traceState?.serialize())).toEqual(Array(5).fill('ot=th:c'));
    expect(c?.parentSpanContext?.spanId).toBe(rootSpan?.spanContext().spanId);
    const cartServer = spans.find((s) => s.kind === SpanKind.SERVER && s !== rootSpan);
    expect(cartServer?.parentSpanContext?.spanId).toBe(c?.spanContext().spanId);
    expect(cartServer?.resource.attributes['service.instance.id']).toBe('cart-1');
    expect(cartServer?.status.code).toBe(SpanStatusCode.ERROR);
    expect(cartServer?.attributes['http.response.status_code']).toBe(503);
    expect(co?.parentSpanContext?.spanId).toBe(p?.spanContext().spanId);
    expect(c?.attributes['server.address']).toBe('cart');
    expect(sv).toBeDefined();
    // The trace ends at now; offsets keep their real (ms) scale: the root starts 250 ms before.
    const ms = (t: [number, number]) => t[0] * 1000 + t[1] / 1e6;
    expect(ms(co?.endTime as [number, number])).toBeCloseTo(1_000_000, 3);
    expect(ms(rootSpan?.startTime as [number, number])).toBeCloseTo(999_750, 3);
    expect(ms(cartServer?.endTime as [number, number]) - ms(cartServer?.startTime as [number, number])).toBeCloseTo(30, 3);
  });
});
