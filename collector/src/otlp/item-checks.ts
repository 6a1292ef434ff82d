/**
 * Per-item checks behind OTLP partial success: an item that fails is dropped from the request
 * and counted under its reason, while the rest of the request is still accepted.
 */
import type { LogRecord, Metric, Span } from './telemetry';

/** Why one item was rejected: `reason` is a metric label, `detail` is for the client's message. */
export interface ItemProblem {
  reason: string;
  detail: string;
}

const TRACE_ID = /^[0-9a-fA-F]{32}$/;
const SPAN_ID = /^[0-9a-fA-F]{16}$/;

/** 1 at the char codes of the hex digits 0-9, a-f and A-F. */
const HEX_DIGIT = new Uint8Array(256);
for (const c of '0123456789abcdefABCDEF') HEX_DIGIT[c.charCodeAt(0)] = 1;

// Ids are hex from the codec; an all-zero id is invalid per trace/v1/trace.proto. Every span of
// every request passes here, so this is one branch-free loop over the characters rather than two
// regular expressions (the same rule: exactly `length` hex digits, not all zero).
function isNonZeroHex(id: string, length: number): boolean {
  if (id.length !== length) return false;
  let bad = 0;
  let nonZero = 0;
  for (let i = 0; i < length; i++) {
    const c = id.charCodeAt(i);
    bad |= (c >> 8) | (HEX_DIGIT[c & 255] ^ 1);
    nonZero |= c ^ 48; // '0'
  }
  return bad === 0 && nonZero !== 0;
}

function isTraceId(id: string): boolean {
  return isNonZeroHex(id, 32);
}

function isSpanId(id: string): boolean {
  return isNonZeroHex(id, 16);
}

/** Keeps client text in messages short: a bad request must not produce a huge response. */
export function quote(text: string, max = 64): string {
  return JSON.stringify(text.length > max ? `${text.slice(0, max)}…` : text);
}

const TRACE_RULE = 'must be 32 hex digits, not all zero';
const SPAN_RULE = 'must be 16 hex digits, not all zero';

// The span's name is quoted only for a problem: a valid span must not pay for a message.
export function checkSpan(span: Span): ItemProblem | undefined {
  if (!isTraceId(span.traceId)) {
    return { reason: 'invalid_trace_id', detail: `span ${quote(span.name)} has trace id ${quote(span.traceId)} (${TRACE_RULE})` };
  }
  if (!isSpanId(span.spanId)) {
    return { reason: 'invalid_span_id', detail: `span ${quote(span.name)} has span id ${quote(span.spanId)} (${SPAN_RULE})` };
  }
  if (span.parentSpanId !== '' && !isSpanId(span.parentSpanId)) {
    return {
      reason: 'invalid_parent_span_id',
      detail: `span ${quote(span.name)} has parent span id ${quote(span.parentSpanId)} (must be empty or 16 hex digits, not all zero)`,
    };
  }
  return undefined;
}

export function checkMetric(metric: Metric): ItemProblem | undefined {
  if (metric.name === '') return { reason: 'empty_metric_name', detail: 'a metric has an empty name' };
  if (metric.data === undefined || metric.data.dataPoints.length === 0) {
    return { reason: 'metric_without_data', detail: `metric ${quote(metric.name)} has no data points` };
  }
  return undefined;
}

/**
 * A metric counts as its data points (OTLP counts rejected_data_points); a metric without points
 * counts as one, so rejecting it still shows in the client's rejected count.
 */
export function metricWeight(metric: Metric): number {
  return Math.max(1, metric.data?.dataPoints.length ?? 0);
}

// Log records may carry no trace context at all; only a present id of the wrong shape is bad.
export function checkLogRecord(record: LogRecord): ItemProblem | undefined {
  if (record.traceId !== '' && !TRACE_ID.test(record.traceId)) {
    return { reason: 'invalid_trace_id', detail: `a log record has trace id ${quote(record.traceId)} (must be 32 hex digits)` };
  }
  if (record.spanId !== '' && !SPAN_ID.test(record.spanId)) {
    return { reason: 'invalid_span_id', detail: `a log record has span id ${quote(record.spanId)} (must be 16 hex digits)` };
  }
  return undefined;
}
