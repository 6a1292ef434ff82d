/**
 * Protobuf decoding of ExportMetricsServiceRequest (same layout as MetricsData) per metrics/v1.
 * Case labels are whole tags: field number * 8 + wire type.
 */
import type { Metric, MetricData, MetricsData, ResourceMetrics, ScopeMetrics } from '../telemetry';
import { newAttributes } from './attributes';
import { decodeKeyValue, decodeResource, decodeScope, emptyResource, emptyScope } from './proto-common';
import {
  decodeExponentialHistogramDataPoint,
  decodeHistogramDataPoint,
  decodeNumberDataPoint,
  decodeSummaryDataPoint,
} from './proto-data-points';
import { readString } from './wire-bytes';
import type { WireReader } from './wire-reader';
import { readBool, readLength, readTag, readVarint32 } from './wire-reader';
import type { WireTable } from './wire-skip';
import { skipUnknown, wireTable } from './wire-skip';

const REQUEST = wireTable({ 1: 2 });
const CONTAINER = wireTable({ 1: 2, 2: 2, 3: 2 });
const METRIC = wireTable({ 1: 2, 2: 2, 3: 2, 5: 2, 7: 2, 9: 2, 10: 2, 11: 2, 12: 2 });

export function decodeMetricsProto(r: WireReader): MetricsData {
  const end = r.buf.length;
  const resourceMetrics: ResourceMetrics[] = [];
  while (r.pos < end) {
    const tag = readTag(r, end, 'ExportMetricsServiceRequest');
    if (tag === 10) resourceMetrics.push(decodeResourceMetrics(r, readLength(r, end)));
    else skipUnknown(r, end, tag, REQUEST);
  }
  return { resourceMetrics };
}

function decodeResourceMetrics(r: WireReader, end: number): ResourceMetrics {
  const out: ResourceMetrics = { resource: emptyResource(), scopeMetrics: [], schemaUrl: '' };
  while (r.pos < end) {
    const tag = readTag(r, end, 'ResourceMetrics');
    if (tag === 10) out.resource = decodeResource(r, readLength(r, end));
    else if (tag === 18) out.scopeMetrics.push(decodeScopeMetrics(r, readLength(r, end)));
    else if (tag === 26) out.schemaUrl = readString(r, end);
    else skipUnknown(r, end, tag, CONTAINER);
  }
  return out;
}

function decodeScopeMetrics(r: WireReader, end: number): ScopeMetrics {
  const out: ScopeMetrics = { scope: emptyScope(), metrics: [], schemaUrl: '' };
  while (r.pos < end) {
    const tag = readTag(r, end, 'ScopeMetrics');
    if (tag === 10) out.scope = decodeScope(r, readLength(r, end));
    else if (tag === 18) out.metrics.push(decodeMetric(r, readLength(r, end)));
    else if (tag === 26) out.schemaUrl = readString(r, end);
    else skipUnknown(r, end, tag, CONTAINER);
  }
  return out;
}

/** The data oneof: a later data field replaces an earlier one (the deprecated int_* fields are skipped). */
function decodeMetric(r: WireReader, end: number): Metric {
  const metric: Metric = { name: '', description: '', unit: '', metadata: newAttributes(), data: undefined };
  while (r.pos < end) {
    const tag = readTag(r, end, 'Metric');
    switch (tag) {
      case 10: // name = 1
        metric.name = readString(r, end);
        break;
      case 18: // description = 2
        metric.description = readString(r, end);
        break;
      case 26: // unit = 3
        metric.unit = readString(r, end);
        break;
      case 42: // gauge = 5
      case 58: // sum = 7
      case 74: // histogram = 9
      case 82: // exponential_histogram = 10
      case 90: // summary = 11
        metric.data = decodeAggregate(r, readLength(r, end), tag >>> 3);
        break;
      case 98: // metadata = 12
        decodeKeyValue(r, readLength(r, end), metric.metadata, 1);
        break;
      default:
        skipUnknown(r, end, tag, METRIC);
    }
  }
  return metric;
}

/** Message name and known fields of each aggregate, keyed by its field number in Metric. */
const AGGREGATES: Record<number, { name: string; known: WireTable }> = {
  5: { name: 'Gauge', known: wireTable({ 1: 2 }) },
  7: { name: 'Sum', known: wireTable({ 1: 2, 2: 0, 3: 0 }) },
  9: { name: 'Histogram', known: wireTable({ 1: 2, 2: 0 }) },
  10: { name: 'ExponentialHistogram', known: wireTable({ 1: 2, 2: 0 }) },
  11: { name: 'Summary', known: wireTable({ 1: 2 }) },
};

/** Gauge, Sum, Histogram, ExponentialHistogram and Summary share field numbers 1..3. */
function decodeAggregate(r: WireReader, end: number, kind: number): MetricData {
  const { name, known } = AGGREGATES[kind];
  const points: unknown[] = [];
  let temporality = 0;
  let monotonic = false;
  while (r.pos < end) {
    const tag = readTag(r, end, name);
    if (tag === 10) points.push(decodePoint(r, readLength(r, end), kind)); // data_points = 1
    else if (tag === 16 && known[2] === 0) temporality = readVarint32(r, end) | 0; // aggregation_temporality = 2
    else if (tag === 24 && known[3] === 0) monotonic = readBool(r, end); // is_monotonic = 3
    else skipUnknown(r, end, tag, known);
  }
  return toMetricData(kind, points, temporality, monotonic);
}

function decodePoint(r: WireReader, end: number, kind: number): unknown {
  if (kind === 5 || kind === 7) return decodeNumberDataPoint(r, end);
  if (kind === 9) return decodeHistogramDataPoint(r, end);
  if (kind === 10) return decodeExponentialHistogramDataPoint(r, end);
  return decodeSummaryDataPoint(r, end);
}

function toMetricData(kind: number, points: unknown[], temporality: number, monotonic: boolean): MetricData {
  // The casts are safe: decodePoint chose the point type from the same `kind`.
  switch (kind) {
    case 5:
      return { type: 'gauge', dataPoints: points as never };
    case 7:
      return { type: 'sum', aggregationTemporality: temporality, isMonotonic: monotonic, dataPoints: points as never };
    case 9:
      return { type: 'histogram', aggregationTemporality: temporality, dataPoints: points as never };
    case 10:
      return { type: 'exponentialHistogram', aggregationTemporality: temporality, dataPoints: points as never };
    default:
      return { type: 'summary', dataPoints: points as never };
  }
}
