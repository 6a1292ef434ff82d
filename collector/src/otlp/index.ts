/** OTLP receivers (HTTP and gRPC), the OTLP codecs, and forwarding to a next hop. */
export { SpanKind, StatusCode, AggregationTemporality } from './telemetry';
export type {
  AnyValue,
  KeyValueList,
  Attributes,
  Resource,
  InstrumentationScope,
  TracesData,
  ResourceSpans,
  ScopeSpans,
  Span,
  SpanEvent,
  SpanLink,
  SpanStatus,
  MetricsData,
  ResourceMetrics,
  ScopeMetrics,
  Metric,
  MetricData,
  NumberDataPoint,
  HistogramDataPoint,
  ExponentialHistogramBuckets,
  ExponentialHistogramDataPoint,
  SummaryDataPoint,
  LogsData,
  ResourceLogs,
  ScopeLogs,
  LogRecord,
  ConsumeResult,
  TracesConsumer,
  MetricsConsumer,
  LogsConsumer,
  Signal,
} from './telemetry';
export { createOtlpReceivers } from './otlp-receivers';
export type { OtlpReceivers, OtlpReceiversConfig, OtlpReceiversSettings } from './otlp-receivers';
export { otlpReceiverConfigSchema, defaultOtlpReceiverConfig, validateOtlpReceiverConfig } from './config';
export type { OtlpReceiverConfig } from './config';
export { forwardConfigSchema, defaultForwardConfig, validateForwardConfig } from './forward';
export type { ForwardConfig } from './forward';
export { PermanentError, OverloadError, InternalError } from './errors';
