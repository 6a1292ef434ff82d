import { ROOT_CONTEXT, trace } from '@opentelemetry/api';
import { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { createPlannedSampler, withSamplingProbability } from './planned-sampler';

describe('createPlannedSampler', () => {
  const exporter = new InMemorySpanExporter();
  const tracer = new BasicTracerProvider({ sampler: createPlannedSampler(), spanProcessors: [new SimpleSpanProcessor(exporter)] }).getTracer('test');
  afterEach(() => exporter.reset());

  it('stamps a root with its probability and the SDK hands the tracestate down to its children', () => {
    const root = tracer.startSpan('root', {}, withSamplingProbability(ROOT_CONTEXT, 0.125));
    const child = tracer.startSpan('child', {}, trace.setSpan(ROOT_CONTEXT, root));
    const grandchild = tracer.startSpan('grandchild', {}, trace.setSpan(ROOT_CONTEXT, child));
    [grandchild, child, root].forEach((s) => s.end());
    const spans = exporter.getFinishedSpans();
    expect(spans.map((s) => s.spanContext().traceState?.serialize())).toEqual(['ot=th:e', 'ot=th:e', 'ot=th:e']);
    expect(spans.every((s) => s.spanContext().traceFlags === 1)).toBe(true);
  });

  it('does not overwrite a parent’s tracestate with a probability left in the context', () => {
    const root = tracer.startSpan('root', {}, withSamplingProbability(ROOT_CONTEXT, 0.5));
    const child = tracer.startSpan('child', {}, withSamplingProbability(trace.setSpan(ROOT_CONTEXT, root), 0.25));
    [child, root].forEach((s) => s.end());
    expect(exporter.getFinishedSpans().map((s) => s.spanContext().traceState?.serialize())).toEqual(['ot=th:8', 'ot=th:8']);
  });

  it('records a root without a probability, with no tracestate', () => {
    tracer.startSpan('plain', {}, ROOT_CONTEXT).end();
    const [span] = exporter.getFinishedSpans();
    expect(span.spanContext().traceState).toBeUndefined();
    expect(span.spanContext().traceFlags).toBe(1);
  });
});
