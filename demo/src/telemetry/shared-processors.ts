import type { Context } from '@opentelemetry/api';
import type { LogRecordProcessor, ReadWriteLogRecord } from '@opentelemetry/sdk-logs';
import type { ReadableSpan, Span, SpanProcessor } from '@opentelemetry/sdk-trace-base';

/**
 * Wrappers that let many providers share one batch processor (and so one exporter and one
 * timer): spans and log records carry their own resource, and the OTLP serializer groups them
 * per resource in each request. A provider's shutdown must not stop the shared processor, so
 * these ignore it; the emitter shuts the real one down once.
 */
export function sharedSpanProcessor(inner: SpanProcessor): SpanProcessor {
  return {
    onStart: (span: Span, context: Context) => inner.onStart(span, context),
    onEnd: (span: ReadableSpan) => inner.onEnd(span),
    forceFlush: () => inner.forceFlush(),
    shutdown: async () => undefined,
  };
}

export function sharedLogProcessor(inner: LogRecordProcessor): LogRecordProcessor {
  return {
    onEmit: (record: ReadWriteLogRecord, context?: Context) => inner.onEmit(record, context),
    forceFlush: () => inner.forceFlush(),
    shutdown: async () => undefined,
  };
}
