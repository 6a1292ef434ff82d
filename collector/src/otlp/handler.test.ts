import { InMemoryMetricsRegistry } from '../model';
import { encodeTraces } from './codec';
import { OverloadError, PermanentError } from './errors';
import { createSignalHandler } from './handler';
import { createRateLimitedLog } from './rate-limited-log';
import { createReceiverMetrics } from './receiver-metrics';
import { TRACES } from './signal-specs';
import { memoryLogger, SinkConsumer, span, traces } from './testdata/fixtures';

function setup() {
  const registry = new InMemoryMetricsRegistry();
  const logger = memoryLogger();
  const now = { t: 0 };
  const sink = new SinkConsumer();
  const deps = { metrics: createReceiverMetrics(registry), log: createRateLimitedLog(logger, 10_000, () => now.t) };
  const handler = createSignalHandler(TRACES, (d) => sink.consumeTraces(d), deps);
  const requests = (outcome: string) =>
    registry.get('twinops_otlp_requests_total', { signal: 'traces', transport: 'grpc', outcome });
  return { registry, logger, sink, handler, requests, now };
}

describe('createSignalHandler', () => {
  it('hands valid data to the consumer and counts it', () => {
    const { handler, sink, registry, requests } = setup();
    const result = handler.handle(encodeTraces(traces(span(), span({ name: 'b' }))), 'protobuf', 'grpc');
    expect(result).toMatchObject({ ok: true, partial: undefined, accepted: 2, rejected: 0 });
    expect(sink.spanNames()).toEqual(['GET /cart', 'b']);
    expect(requests('success')).toBe(1);
    expect(registry.get('twinops_otlp_items_received_total', { signal: 'traces', transport: 'grpc' })).toBe(2);
  });

  it('answers partial success for invalid items, counts them by reason, and forwards the original', () => {
    const { handler, sink, registry, requests, logger } = setup();
    const data = traces(span({ name: 'bad', traceId: '0'.repeat(32) }), span({ name: 'good' }));
    const result = handler.handle(encodeTraces(data), 'protobuf', 'grpc');
    expect(result).toMatchObject({ ok: true, accepted: 1, rejected: 1 });
    if (!result.ok) throw new Error('unreachable');
    expect(result.partial?.rejected).toBe(1);
    expect(result.partial?.message).toMatch(/^rejected 1 of 2 spans \(invalid_trace_id: 1\); first: span "bad"/);
    expect(sink.spanNames()).toEqual(['good']);
    expect(Buffer.from(result.toProtobuf())).toEqual(Buffer.from(encodeTraces(data)));
    expect(registry.get('twinops_otlp_items_rejected_total', { signal: 'traces', reason: 'invalid_trace_id' })).toBe(1);
    expect(requests('partial_success')).toBe(1);
    expect(logger.lines).toHaveLength(1);
  });

  it('adds what the consumer rejected, and passes on a warning', () => {
    const { handler, sink, registry } = setup();
    sink.behave = () => ({ rejected: 1, message: 'one span too old' });
    const result = handler.handle(encodeTraces(traces(span(), span())), 'protobuf', 'grpc');
    expect(result).toMatchObject({ ok: true, accepted: 1, rejected: 1, partial: { rejected: 1, message: 'one span too old' } });
    expect(registry.get('twinops_otlp_items_rejected_total', { signal: 'traces', reason: 'consumer_rejected' })).toBe(1);
    sink.behave = () => ({ rejected: 0, message: 'deprecated attribute' });
    expect(handler.handle(encodeTraces(traces(span())), 'protobuf', 'grpc')).toMatchObject({
      partial: { rejected: 0, message: 'deprecated attribute' },
    });
  });

  it('treats an empty request as success', () => {
    const { handler } = setup();
    expect(handler.handle(new Uint8Array(0), 'protobuf', 'grpc')).toMatchObject({ ok: true, partial: undefined, accepted: 0 });
    expect(handler.handle(Buffer.from('{}'), 'json', 'grpc')).toMatchObject({ ok: true, partial: undefined, accepted: 0 });
  });

  it('refuses undecodable bodies as bad data and logs once per interval', () => {
    const { handler, requests, logger, now } = setup();
    const result = handler.handle(Buffer.from('{"resourceSpans": ['), 'json', 'grpc');
    expect(result).toMatchObject({ ok: false, failure: { kind: 'bad_data' } });
    if (result.ok) throw new Error('unreachable');
    expect(result.failure.message).toMatch(/^malformed OTLP\/JSON traces request: /);
    handler.handle(Buffer.from([0x0a, 0x05, 0x01]), 'protobuf', 'grpc');
    expect(requests('malformed_request')).toBe(2);
    expect(logger.lines).toHaveLength(1);
    now.t = 10_000;
    handler.handle(Buffer.from('nope'), 'json', 'grpc');
    expect(logger.lines[1]).toMatch(/"suppressed":1/);
  });

  it.each([
    ['OverloadError', new OverloadError('queue full', 3), { kind: 'throttled', message: 'queue full', retryAfterSeconds: 3 }, 'overloaded'],
    ['PermanentError', new PermanentError('nonsense'), { kind: 'bad_data', message: 'nonsense' }, 'malformed_request'],
    [
      'Error',
      new Error('store down'),
      { kind: 'unavailable', message: 'temporarily unable to process the request: store down' },
      'unavailable',
    ],
  ])('maps a consumer throwing %s', (_name, err, failure, reason) => {
    const { handler, sink, registry } = setup();
    sink.behave = () => {
      throw err;
    };
    expect(handler.handle(encodeTraces(traces(span(), span())), 'protobuf', 'grpc')).toEqual({ ok: false, failure });
    expect(registry.get('twinops_otlp_items_rejected_total', { signal: 'traces', reason })).toBe(2);
  });
});
