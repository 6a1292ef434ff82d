/**
 * Protobuf decoding of the metrics/v1 data points. Exemplars are known fields that are skipped.
 * Case labels are whole tags: field number * 8 + wire type.
 */
import type {
  ExponentialHistogramBuckets,
  ExponentialHistogramDataPoint,
  HistogramDataPoint,
  NumberDataPoint,
  SummaryDataPoint,
} from '../telemetry';
import { newAttributes } from './attributes';
import { decodeKeyValue } from './proto-common';
import type { WireReader } from './wire-reader';
import {
  readDouble,
  readFixed64,
  readLength,
  readSfixed64,
  readSint32,
  readTag,
  readUint64,
  readVarint32,
} from './wire-reader';
import { readPackedDouble, readPackedFixed64, readPackedUint64 } from './wire-packed';
import { skipField, skipUnknown, wireTable } from './wire-skip';

const NUMBER = wireTable({ 2: 1, 3: 1, 4: 1, 5: 2, 6: 1, 7: 2, 8: 0 });
const HISTOGRAM = wireTable({ 2: 1, 3: 1, 4: 1, 5: 1, 6: 2, 7: 2, 8: 2, 9: 2, 10: 0, 11: 1, 12: 1 });
const EXPONENTIAL = wireTable({
  1: 2, 2: 1, 3: 1, 4: 1, 5: 1, 6: 0, 7: 1, 8: 2, 9: 2, 10: 0, 11: 2, 12: 1, 13: 1, 14: 1,
});
const BUCKETS = wireTable({ 1: 0, 2: 2 });
const SUMMARY = wireTable({ 2: 1, 3: 1, 4: 1, 5: 1, 6: 2, 7: 2, 8: 0 });
const QUANTILE = wireTable({ 1: 1, 2: 1 });

export function decodeNumberDataPoint(r: WireReader, end: number): NumberDataPoint {
  const point: NumberDataPoint = {
    attributes: newAttributes(),
    startTimeUnixNano: 0,
    timeUnixNano: 0,
    flags: 0,
    value: undefined,
  };
  while (r.pos < end) {
    const tag = readTag(r, end, 'NumberDataPoint');
    if (tag === 58) decodeKeyValue(r, readLength(r, end), point.attributes, 1); // attributes = 7
    else if (tag === 17) point.startTimeUnixNano = readFixed64(r, end); // start_time_unix_nano = 2
    else if (tag === 25) point.timeUnixNano = readFixed64(r, end); // time_unix_nano = 3
    else if (tag === 33) point.value = readDouble(r, end); // as_double = 4
    else if (tag === 49) point.value = readSfixed64(r, end); // as_int = 6
    else if (tag === 64) point.flags = readVarint32(r, end); // flags = 8
    else if (tag === 42) skipField(r, end, 2); // exemplars = 5
    else skipUnknown(r, end, tag, NUMBER);
  }
  return point;
}

export function decodeHistogramDataPoint(r: WireReader, end: number): HistogramDataPoint {
  const point: HistogramDataPoint = {
    attributes: newAttributes(),
    startTimeUnixNano: 0,
    timeUnixNano: 0,
    flags: 0,
    count: 0,
    sum: undefined,
    bucketCounts: [],
    explicitBounds: [],
    min: undefined,
    max: undefined,
  };
  while (r.pos < end) {
    const tag = readTag(r, end, 'HistogramDataPoint');
    switch (tag) {
      case 74: // attributes = 9
        decodeKeyValue(r, readLength(r, end), point.attributes, 1);
        break;
      case 17: // start_time_unix_nano = 2
        point.startTimeUnixNano = readFixed64(r, end);
        break;
      case 25: // time_unix_nano = 3
        point.timeUnixNano = readFixed64(r, end);
        break;
      case 33: // count = 4
        point.count = readFixed64(r, end);
        break;
      case 41: // sum = 5
        point.sum = readDouble(r, end);
        break;
      case 50: // bucket_counts = 6, packed
        readPackedFixed64(r, end, point.bucketCounts);
        break;
      case 49: // bucket_counts = 6, one value
        point.bucketCounts.push(readFixed64(r, end));
        break;
      case 58: // explicit_bounds = 7, packed
        readPackedDouble(r, end, point.explicitBounds);
        break;
      case 57: // explicit_bounds = 7, one value
        point.explicitBounds.push(readDouble(r, end));
        break;
      case 66: // exemplars = 8
        skipField(r, end, 2);
        break;
      case 80: // flags = 10
        point.flags = readVarint32(r, end);
        break;
      case 89: // min = 11
        point.min = readDouble(r, end);
        break;
      case 97: // max = 12
        point.max = readDouble(r, end);
        break;
      default:
        skipUnknown(r, end, tag, HISTOGRAM);
    }
  }
  return point;
}

export function decodeExponentialHistogramDataPoint(r: WireReader, end: number): ExponentialHistogramDataPoint {
  const point: ExponentialHistogramDataPoint = {
    attributes: newAttributes(),
    startTimeUnixNano: 0,
    timeUnixNano: 0,
    flags: 0,
    count: 0,
    sum: undefined,
    scale: 0,
    zeroCount: 0,
    positive: { offset: 0, bucketCounts: [] },
    negative: { offset: 0, bucketCounts: [] },
    min: undefined,
    max: undefined,
    zeroThreshold: 0,
  };
  while (r.pos < end) {
    const tag = readTag(r, end, 'ExponentialHistogramDataPoint');
    switch (tag) {
      case 10: // attributes = 1
        decodeKeyValue(r, readLength(r, end), point.attributes, 1);
        break;
      case 17: // start_time_unix_nano = 2
        point.startTimeUnixNano = readFixed64(r, end);
        break;
      case 25: // time_unix_nano = 3
        point.timeUnixNano = readFixed64(r, end);
        break;
      case 33: // count = 4
        point.count = readFixed64(r, end);
        break;
      case 41: // sum = 5
        point.sum = readDouble(r, end);
        break;
      case 48: // scale = 6 (sint32)
        point.scale = readSint32(r, end);
        break;
      case 57: // zero_count = 7
        point.zeroCount = readFixed64(r, end);
        break;
      case 66: // positive = 8
        point.positive = decodeBuckets(r, readLength(r, end));
        break;
      case 74: // negative = 9
        point.negative = decodeBuckets(r, readLength(r, end));
        break;
      case 80: // flags = 10
        point.flags = readVarint32(r, end);
        break;
      case 90: // exemplars = 11
        skipField(r, end, 2);
        break;
      case 97: // min = 12
        point.min = readDouble(r, end);
        break;
      case 105: // max = 13
        point.max = readDouble(r, end);
        break;
      case 113: // zero_threshold = 14
        point.zeroThreshold = readDouble(r, end);
        break;
      default:
        skipUnknown(r, end, tag, EXPONENTIAL);
    }
  }
  return point;
}

function decodeBuckets(r: WireReader, end: number): ExponentialHistogramBuckets {
  const buckets: ExponentialHistogramBuckets = { offset: 0, bucketCounts: [] };
  while (r.pos < end) {
    const tag = readTag(r, end, 'ExponentialHistogramDataPoint.Buckets');
    if (tag === 8) buckets.offset = readSint32(r, end); // offset = 1 (sint32)
    else if (tag === 18) readPackedUint64(r, end, buckets.bucketCounts); // bucket_counts = 2, packed
    else if (tag === 16) buckets.bucketCounts.push(readUint64(r, end)); // bucket_counts = 2, one value
    else skipUnknown(r, end, tag, BUCKETS);
  }
  return buckets;
}

export function decodeSummaryDataPoint(r: WireReader, end: number): SummaryDataPoint {
  const point: SummaryDataPoint = {
    attributes: newAttributes(),
    startTimeUnixNano: 0,
    timeUnixNano: 0,
    flags: 0,
    count: 0,
    sum: 0,
    quantileValues: [],
  };
  while (r.pos < end) {
    const tag = readTag(r, end, 'SummaryDataPoint');
    if (tag === 58) decodeKeyValue(r, readLength(r, end), point.attributes, 1); // attributes = 7
    else if (tag === 17) point.startTimeUnixNano = readFixed64(r, end); // start_time_unix_nano = 2
    else if (tag === 25) point.timeUnixNano = readFixed64(r, end); // time_unix_nano = 3
    else if (tag === 33) point.count = readFixed64(r, end); // count = 4
    else if (tag === 41) point.sum = readDouble(r, end); // sum = 5
    else if (tag === 50) point.quantileValues.push(decodeQuantile(r, readLength(r, end))); // = 6
    else if (tag === 64) point.flags = readVarint32(r, end); // flags = 8
    else skipUnknown(r, end, tag, SUMMARY);
  }
  return point;
}

function decodeQuantile(r: WireReader, end: number): { quantile: number; value: number } {
  const q = { quantile: 0, value: 0 };
  while (r.pos < end) {
    const tag = readTag(r, end, 'SummaryDataPoint.ValueAtQuantile');
    if (tag === 9) q.quantile = readDouble(r, end);
    else if (tag === 17) q.value = readDouble(r, end);
    else skipUnknown(r, end, tag, QUANTILE);
  }
  return q;
}
