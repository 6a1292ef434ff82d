/**
 * Protobuf encoding of MetricsData as an ExportMetricsServiceRequest (metrics/v1). Number values
 * go out as as_double: a JS number is a double, so nothing is lost.
 */
import type {
  ExponentialHistogramBuckets,
  ExponentialHistogramDataPoint,
  HistogramDataPoint,
  Metric,
  MetricsData,
  NumberDataPoint,
  SummaryDataPoint,
} from '../telemetry';
import {
  encodeAttributes,
  encodeEnvelope,
  writeEnumField,
  writeFixed64Field,
  writeStringField,
  writeUint32Field,
} from './proto-encode-common';
import type { WireWriter } from './wire-writer';
import {
  beginMessage,
  endMessage,
  writeDouble,
  writeFixed64,
  writeSint32,
  writeTag,
  writeVarint64Number,
} from './wire-writer';

export function encodeMetricsProto(data: MetricsData): Uint8Array {
  return encodeEnvelope(data.resourceMetrics, (rm) => rm.scopeMetrics, (sm) => sm.metrics, encodeMetric);
}

const DATA_FIELDS = { gauge: 5, sum: 7, histogram: 9, exponentialHistogram: 10, summary: 11 } as const;

function encodeMetric(w: WireWriter, metric: Metric): void {
  const mark = beginMessage(w, 2);
  writeStringField(w, 1, metric.name);
  writeStringField(w, 2, metric.description);
  writeStringField(w, 3, metric.unit);
  const data = metric.data;
  if (data !== undefined) {
    const dataMark = beginMessage(w, DATA_FIELDS[data.type]);
    if (data.type === 'gauge' || data.type === 'sum') {
      for (const point of data.dataPoints) encodeNumberPoint(w, point);
    } else if (data.type === 'histogram') {
      for (const point of data.dataPoints) encodeHistogramPoint(w, point);
    } else if (data.type === 'exponentialHistogram') {
      for (const point of data.dataPoints) encodeExponentialPoint(w, point);
    } else {
      for (const point of data.dataPoints) encodeSummaryPoint(w, point);
    }
    if (data.type !== 'gauge' && data.type !== 'summary') writeEnumField(w, 2, data.aggregationTemporality);
    if (data.type === 'sum' && data.isMonotonic) writeUint32Field(w, 3, 1);
    endMessage(w, dataMark);
  }
  encodeAttributes(w, 12, metric.metadata);
  endMessage(w, mark);
}

function writeOptionalDouble(w: WireWriter, field: number, value: number | undefined): void {
  if (value === undefined) return;
  writeTag(w, field, 1);
  writeDouble(w, value);
}

function writeDoubleField(w: WireWriter, field: number, value: number): void {
  if (value !== 0 || Object.is(value, -0)) writeOptionalDouble(w, field, value);
}

function encodeNumberPoint(w: WireWriter, point: NumberDataPoint): void {
  const mark = beginMessage(w, 1);
  writeFixed64Field(w, 2, point.startTimeUnixNano);
  writeFixed64Field(w, 3, point.timeUnixNano);
  writeOptionalDouble(w, 4, point.value);
  encodeAttributes(w, 7, point.attributes);
  writeUint32Field(w, 8, point.flags);
  endMessage(w, mark);
}

function encodeHistogramPoint(w: WireWriter, point: HistogramDataPoint): void {
  const mark = beginMessage(w, 1);
  writeFixed64Field(w, 2, point.startTimeUnixNano);
  writeFixed64Field(w, 3, point.timeUnixNano);
  writeFixed64Field(w, 4, point.count);
  writeOptionalDouble(w, 5, point.sum);
  if (point.bucketCounts.length > 0) {
    const runMark = beginMessage(w, 6);
    for (const count of point.bucketCounts) writeFixed64(w, count);
    endMessage(w, runMark);
  }
  if (point.explicitBounds.length > 0) {
    const runMark = beginMessage(w, 7);
    for (const bound of point.explicitBounds) writeDouble(w, bound);
    endMessage(w, runMark);
  }
  encodeAttributes(w, 9, point.attributes);
  writeUint32Field(w, 10, point.flags);
  writeOptionalDouble(w, 11, point.min);
  writeOptionalDouble(w, 12, point.max);
  endMessage(w, mark);
}

function encodeBuckets(w: WireWriter, field: number, buckets: ExponentialHistogramBuckets): void {
  if (buckets.offset === 0 && buckets.bucketCounts.length === 0) return;
  const mark = beginMessage(w, field);
  if (buckets.offset !== 0) {
    writeTag(w, 1, 0);
    writeSint32(w, buckets.offset);
  }
  if (buckets.bucketCounts.length > 0) {
    const runMark = beginMessage(w, 2);
    for (const count of buckets.bucketCounts) writeVarint64Number(w, count);
    endMessage(w, runMark);
  }
  endMessage(w, mark);
}

function encodeExponentialPoint(w: WireWriter, point: ExponentialHistogramDataPoint): void {
  const mark = beginMessage(w, 1);
  encodeAttributes(w, 1, point.attributes);
  writeFixed64Field(w, 2, point.startTimeUnixNano);
  writeFixed64Field(w, 3, point.timeUnixNano);
  writeFixed64Field(w, 4, point.count);
  writeOptionalDouble(w, 5, point.sum);
  if (point.scale !== 0) {
    writeTag(w, 6, 0);
    writeSint32(w, point.scale);
  }
  writeFixed64Field(w, 7, point.zeroCount);
  encodeBuckets(w, 8, point.positive);
  encodeBuckets(w, 9, point.negative);
  writeUint32Field(w, 10, point.flags);
  writeOptionalDouble(w, 12, point.min);
  writeOptionalDouble(w, 13, point.max);
  writeDoubleField(w, 14, point.zeroThreshold);
  endMessage(w, mark);
}

function encodeSummaryPoint(w: WireWriter, point: SummaryDataPoint): void {
  const mark = beginMessage(w, 1);
  writeFixed64Field(w, 2, point.startTimeUnixNano);
  writeFixed64Field(w, 3, point.timeUnixNano);
  writeFixed64Field(w, 4, point.count);
  writeDoubleField(w, 5, point.sum);
  for (const q of point.quantileValues) {
    const qMark = beginMessage(w, 6);
    writeDoubleField(w, 1, q.quantile);
    writeDoubleField(w, 2, q.value);
    endMessage(w, qMark);
  }
  encodeAttributes(w, 7, point.attributes);
  writeUint32Field(w, 8, point.flags);
  endMessage(w, mark);
}
