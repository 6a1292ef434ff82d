/**
 * What differs between traces, metrics and logs, in one table: the codec functions, where the
 * items sit, how an item is checked and counted, and the words used in messages. Everything else
 * (handler, receivers, forwarder) is generic over the signal.
 */
import { decodeLogs, decodeMetrics, decodeTraces, encodeLogs, encodeMetrics, encodeTraces } from './codec';
import type { DecodeResult, Encoding } from './codec';
import { checkLogRecord, checkMetric, checkSpan, metricWeight } from './item-checks';
import type {
  LogRecord,
  LogsData,
  Metric,
  MetricsData,
  ResourceLogs,
  ResourceMetrics,
  ResourceSpans,
  ScopeLogs,
  ScopeMetrics,
  ScopeSpans,
  Signal,
  Span,
  TracesData,
} from './telemetry';
import type { ItemLayout } from './validate-items';

export interface SignalSpec<D> {
  signal: Signal;
  /** Plural item noun for messages: spans, data points, log records. */
  noun: string;
  decode(body: Uint8Array, encoding: Encoding): DecodeResult<D>;
  encode(data: D): Uint8Array;
  // The layout's inner types do not matter to callers, hence `any` (the table below is typed).
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  layout: ItemLayout<D, any, any, any>;
}

const tracesLayout: ItemLayout<TracesData, ResourceSpans, ScopeSpans, Span> = {
  resources: (d) => d.resourceSpans,
  withResources: (d, resourceSpans) => ({ ...d, resourceSpans }),
  scopes: (r) => r.scopeSpans,
  withScopes: (r, scopeSpans) => ({ ...r, scopeSpans }),
  items: (s) => s.spans,
  withItems: (s, spans) => ({ ...s, spans }),
  weight: () => 1,
  check: checkSpan,
};

const metricsLayout: ItemLayout<MetricsData, ResourceMetrics, ScopeMetrics, Metric> = {
  resources: (d) => d.resourceMetrics,
  withResources: (d, resourceMetrics) => ({ ...d, resourceMetrics }),
  scopes: (r) => r.scopeMetrics,
  withScopes: (r, scopeMetrics) => ({ ...r, scopeMetrics }),
  items: (s) => s.metrics,
  withItems: (s, metrics) => ({ ...s, metrics }),
  weight: metricWeight,
  check: checkMetric,
};

const logsLayout: ItemLayout<LogsData, ResourceLogs, ScopeLogs, LogRecord> = {
  resources: (d) => d.resourceLogs,
  withResources: (d, resourceLogs) => ({ ...d, resourceLogs }),
  scopes: (r) => r.scopeLogs,
  withScopes: (r, scopeLogs) => ({ ...r, scopeLogs }),
  items: (s) => s.logRecords,
  withItems: (s, logRecords) => ({ ...s, logRecords }),
  weight: () => 1,
  check: checkLogRecord,
};

export const TRACES: SignalSpec<TracesData> = {
  signal: 'traces',
  noun: 'spans',
  decode: decodeTraces,
  encode: encodeTraces,
  layout: tracesLayout,
};

export const METRICS: SignalSpec<MetricsData> = {
  signal: 'metrics',
  noun: 'data points',
  decode: decodeMetrics,
  encode: encodeMetrics,
  layout: metricsLayout,
};

export const LOGS: SignalSpec<LogsData> = {
  signal: 'logs',
  noun: 'log records',
  decode: decodeLogs,
  encode: encodeLogs,
  layout: logsLayout,
};
