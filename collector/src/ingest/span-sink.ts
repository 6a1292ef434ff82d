/**
 * The seam between trace ingest and the processors that read spans one by one (the service
 * graph, the process twins): traces-ingest resolves each resource once and hands every span to
 * every sink with the service it belongs to.
 */
import type { Attributes, Span } from '../otlp';

export interface SpanOrigin {
  /** The twin id of the span's service (`service:shop/checkout`); undefined without service.name. */
  serviceId: string | undefined;
  /** The service's display name (`checkout`). */
  serviceName: string | undefined;
  /** The resource's attributes (peer and database attributes may sit there too). */
  resource: Attributes;
}

export interface SpanSink {
  consumeSpan(span: Span, origin: SpanOrigin): void;
  /** Called from the ingest's timer (and by tests with an advanced clock): expire, flush windows. */
  tick(nowMs: number): void;
}
