/**
 * Decoded OTLP telemetry: what both codecs (protobuf and JSON) produce and every consumer reads.
 *
 * The shapes follow opentelemetry-proto (trace/v1, metrics/v1, logs/v1, common/v1, resource/v1)
 * with three deliberate simplifications:
 * - Timestamps are nanoseconds since the epoch as JS numbers. Values near 1.8e18 exceed 2^53, so
 *   they carry about 256 ns of rounding; both codecs round the same way (to nearest), so they agree.
 * - 64-bit integers (intValue, asInt, counts) are JS numbers, exact up to 2^53.
 * - Trace, span and parent span ids are lowercase hex strings ('' when absent), as OTLP/JSON has them.
 * Exemplars and the profiles signal are skipped by the decoders.
 */

/** An attribute or log body value: proto `AnyValue`. `null` is an AnyValue with no value set. */
export type AnyValue = string | number | boolean | Uint8Array | AnyValue[] | KeyValueList | null;

/** A map of attributes (proto `repeated KeyValue`); a repeated key keeps its last value. */
export interface KeyValueList {
  [key: string]: AnyValue;
}
export type Attributes = KeyValueList;

export interface Resource {
  attributes: Attributes;
  droppedAttributesCount: number;
}

export interface InstrumentationScope {
  name: string;
  version: string;
  attributes: Attributes;
  droppedAttributesCount: number;
}

// ---- traces ----------------------------------------------------------------------------------

export const SpanKind = {
  UNSPECIFIED: 0,
  INTERNAL: 1,
  SERVER: 2,
  CLIENT: 3,
  PRODUCER: 4,
  CONSUMER: 5,
} as const;

export const StatusCode = { UNSET: 0, OK: 1, ERROR: 2 } as const;

export interface TracesData {
  resourceSpans: ResourceSpans[];
}

export interface ResourceSpans {
  resource: Resource;
  scopeSpans: ScopeSpans[];
  schemaUrl: string;
}

export interface ScopeSpans {
  scope: InstrumentationScope;
  spans: Span[];
  schemaUrl: string;
}

export interface Span {
  traceId: string;
  spanId: string;
  traceState: string;
  parentSpanId: string;
  flags: number;
  name: string;
  kind: number;
  startTimeUnixNano: number;
  endTimeUnixNano: number;
  attributes: Attributes;
  droppedAttributesCount: number;
  events: SpanEvent[];
  droppedEventsCount: number;
  links: SpanLink[];
  droppedLinksCount: number;
  status: SpanStatus;
}

export interface SpanEvent {
  timeUnixNano: number;
  name: string;
  attributes: Attributes;
  droppedAttributesCount: number;
}

export interface SpanLink {
  traceId: string;
  spanId: string;
  traceState: string;
  attributes: Attributes;
  droppedAttributesCount: number;
  flags: number;
}

export interface SpanStatus {
  message: string;
  code: number;
}

// ---- metrics ---------------------------------------------------------------------------------

export const AggregationTemporality = { UNSPECIFIED: 0, DELTA: 1, CUMULATIVE: 2 } as const;

export interface MetricsData {
  resourceMetrics: ResourceMetrics[];
}

export interface ResourceMetrics {
  resource: Resource;
  scopeMetrics: ScopeMetrics[];
  schemaUrl: string;
}

export interface ScopeMetrics {
  scope: InstrumentationScope;
  metrics: Metric[];
  schemaUrl: string;
}

export interface Metric {
  name: string;
  description: string;
  unit: string;
  metadata: Attributes;
  /** `undefined` when the metric carries no data field (invalid per spec; the handler rejects it). */
  data: MetricData | undefined;
}

export type MetricData =
  | { type: 'gauge'; dataPoints: NumberDataPoint[] }
  | { type: 'sum'; aggregationTemporality: number; isMonotonic: boolean; dataPoints: NumberDataPoint[] }
  | { type: 'histogram'; aggregationTemporality: number; dataPoints: HistogramDataPoint[] }
  | {
      type: 'exponentialHistogram';
      aggregationTemporality: number;
      dataPoints: ExponentialHistogramDataPoint[];
    }
  | { type: 'summary'; dataPoints: SummaryDataPoint[] };

interface DataPointBase {
  attributes: Attributes;
  startTimeUnixNano: number;
  timeUnixNano: number;
  flags: number;
}

export interface NumberDataPoint extends DataPointBase {
  /** asDouble or asInt; `undefined` when neither is set. */
  value: number | undefined;
}

export interface HistogramDataPoint extends DataPointBase {
  count: number;
  sum: number | undefined;
  bucketCounts: number[];
  explicitBounds: number[];
  min: number | undefined;
  max: number | undefined;
}

export interface ExponentialHistogramBuckets {
  offset: number;
  bucketCounts: number[];
}

export interface ExponentialHistogramDataPoint extends DataPointBase {
  count: number;
  sum: number | undefined;
  scale: number;
  zeroCount: number;
  positive: ExponentialHistogramBuckets;
  negative: ExponentialHistogramBuckets;
  min: number | undefined;
  max: number | undefined;
  zeroThreshold: number;
}

export interface SummaryDataPoint extends DataPointBase {
  count: number;
  sum: number;
  quantileValues: { quantile: number; value: number }[];
}

// ---- logs ------------------------------------------------------------------------------------

export interface LogsData {
  resourceLogs: ResourceLogs[];
}

export interface ResourceLogs {
  resource: Resource;
  scopeLogs: ScopeLogs[];
  schemaUrl: string;
}

export interface ScopeLogs {
  scope: InstrumentationScope;
  logRecords: LogRecord[];
  schemaUrl: string;
}

export interface LogRecord {
  timeUnixNano: number;
  observedTimeUnixNano: number;
  severityNumber: number;
  severityText: string;
  body: AnyValue;
  attributes: Attributes;
  droppedAttributesCount: number;
  flags: number;
  traceId: string;
  spanId: string;
  eventName: string;
}

// ---- the seam between receivers and the twin -------------------------------------------------

/** What a consumer rejected of one request, for OTLP partial success. */
export interface ConsumeResult {
  rejected: number;
  message: string;
}

export interface TracesConsumer {
  consumeTraces(data: TracesData): ConsumeResult | undefined;
}
export interface MetricsConsumer {
  consumeMetrics(data: MetricsData): ConsumeResult | undefined;
}
export interface LogsConsumer {
  consumeLogs(data: LogsData): ConsumeResult | undefined;
}

export type Signal = 'traces' | 'metrics' | 'logs';
