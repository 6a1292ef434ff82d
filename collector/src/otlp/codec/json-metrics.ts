/**
 * OTLP/JSON decoding of ExportMetricsServiceRequest into MetricsData.
 */
import type {
  ExponentialHistogramBuckets,
  ExponentialHistogramDataPoint,
  HistogramDataPoint,
  Metric,
  MetricData,
  MetricsData,
  NumberDataPoint,
  ResourceMetrics,
  ScopeMetrics,
  SummaryDataPoint,
} from '../telemetry';
import { readAttributes, readList, readResource, readScope } from './json-common';
import type { JsonObject } from './json-reader';
import {
  child,
  readArray,
  readBool,
  readDouble,
  readEnum,
  readInt32,
  readInt64,
  readObject,
  readOptionalDouble,
  readRoot,
  readString,
  readUint32,
} from './json-reader';

export function readMetricsJson(root: unknown): MetricsData {
  const obj = readRoot(root);
  return { resourceMetrics: readList(obj.resourceMetrics, 'resourceMetrics', readResourceMetrics) };
}

function readResourceMetrics(value: unknown, path: string): ResourceMetrics {
  const obj = readObject(value, path) as JsonObject;
  return {
    resource: readResource(obj.resource, child(path, 'resource')),
    scopeMetrics: readList(obj.scopeMetrics, child(path, 'scopeMetrics'), readScopeMetrics),
    schemaUrl: readString(obj.schemaUrl, child(path, 'schemaUrl')),
  };
}

function readScopeMetrics(value: unknown, path: string): ScopeMetrics {
  const obj = readObject(value, path) as JsonObject;
  return {
    scope: readScope(obj.scope, child(path, 'scope')),
    metrics: readList(obj.metrics, child(path, 'metrics'), readMetric),
    schemaUrl: readString(obj.schemaUrl, child(path, 'schemaUrl')),
  };
}

function readMetric(value: unknown, path: string): Metric {
  const o = readObject(value, path) as JsonObject;
  return {
    name: readString(o.name, child(path, 'name')),
    description: readString(o.description, child(path, 'description')),
    unit: readString(o.unit, child(path, 'unit')),
    metadata: readAttributes(o.metadata, child(path, 'metadata')),
    data: readData(o, path),
  };
}

/** The data oneof: the first member present, in proto field order. */
function readData(o: JsonObject, path: string): MetricData | undefined {
  if (o.gauge != null) {
    const g = readObject(o.gauge, child(path, 'gauge')) as JsonObject;
    return { type: 'gauge', dataPoints: readList(g.dataPoints, child(path, 'gauge.dataPoints'), readNumberPoint) };
  }
  if (o.sum != null) {
    const p = child(path, 'sum');
    const s = readObject(o.sum, p) as JsonObject;
    return {
      type: 'sum',
      aggregationTemporality: readEnum(s.aggregationTemporality, child(p, 'aggregationTemporality')),
      isMonotonic: readBool(s.isMonotonic, child(p, 'isMonotonic')),
      dataPoints: readList(s.dataPoints, child(p, 'dataPoints'), readNumberPoint),
    };
  }
  if (o.histogram != null) {
    const p = child(path, 'histogram');
    const h = readObject(o.histogram, p) as JsonObject;
    return {
      type: 'histogram',
      aggregationTemporality: readEnum(h.aggregationTemporality, child(p, 'aggregationTemporality')),
      dataPoints: readList(h.dataPoints, child(p, 'dataPoints'), readHistogramPoint),
    };
  }
  if (o.exponentialHistogram != null) {
    const p = child(path, 'exponentialHistogram');
    const h = readObject(o.exponentialHistogram, p) as JsonObject;
    return {
      type: 'exponentialHistogram',
      aggregationTemporality: readEnum(h.aggregationTemporality, child(p, 'aggregationTemporality')),
      dataPoints: readList(h.dataPoints, child(p, 'dataPoints'), readExponentialPoint),
    };
  }
  if (o.summary != null) {
    const s = readObject(o.summary, child(path, 'summary')) as JsonObject;
    return { type: 'summary', dataPoints: readList(s.dataPoints, child(path, 'summary.dataPoints'), readSummaryPoint) };
  }
  return undefined;
}

function readBase(o: JsonObject, path: string) {
  return {
    attributes: readAttributes(o.attributes, child(path, 'attributes')),
    startTimeUnixNano: readInt64(o.startTimeUnixNano, child(path, 'startTimeUnixNano'), true),
    timeUnixNano: readInt64(o.timeUnixNano, child(path, 'timeUnixNano'), true),
    flags: readUint32(o.flags, child(path, 'flags')),
  };
}

function readNumberPoint(value: unknown, path: string): NumberDataPoint {
  const o = readObject(value, path) as JsonObject;
  let v: number | undefined;
  if (o.asDouble != null) v = readDouble(o.asDouble, child(path, 'asDouble'));
  else if (o.asInt != null) v = readInt64(o.asInt, child(path, 'asInt'), false);
  return { ...readBase(o, path), value: v };
}

function readCounts(value: unknown, path: string): number[] {
  const items = readArray(value, path);
  return items.map((item, i) => readInt64(item, `${path}[${i}]`, true));
}

function readHistogramPoint(value: unknown, path: string): HistogramDataPoint {
  const o = readObject(value, path) as JsonObject;
  const boundsPath = child(path, 'explicitBounds');
  return {
    ...readBase(o, path),
    count: readInt64(o.count, child(path, 'count'), true),
    sum: readOptionalDouble(o.sum, child(path, 'sum')),
    bucketCounts: readCounts(o.bucketCounts, child(path, 'bucketCounts')),
    explicitBounds: readArray(o.explicitBounds, boundsPath).map((b, i) => readDouble(b, `${boundsPath}[${i}]`)),
    min: readOptionalDouble(o.min, child(path, 'min')),
    max: readOptionalDouble(o.max, child(path, 'max')),
  };
}

function readBuckets(value: unknown, path: string): ExponentialHistogramBuckets {
  const o = readObject(value, path);
  const offset = readInt32(o?.offset, child(path, 'offset'));
  return { offset, bucketCounts: readCounts(o?.bucketCounts, child(path, 'bucketCounts')) };
}

function readExponentialPoint(value: unknown, path: string): ExponentialHistogramDataPoint {
  const o = readObject(value, path) as JsonObject;
  return {
    ...readBase(o, path),
    count: readInt64(o.count, child(path, 'count'), true),
    sum: readOptionalDouble(o.sum, child(path, 'sum')),
    scale: readInt32(o.scale, child(path, 'scale')),
    zeroCount: readInt64(o.zeroCount, child(path, 'zeroCount'), true),
    positive: readBuckets(o.positive, child(path, 'positive')),
    negative: readBuckets(o.negative, child(path, 'negative')),
    min: readOptionalDouble(o.min, child(path, 'min')),
    max: readOptionalDouble(o.max, child(path, 'max')),
    zeroThreshold: readDouble(o.zeroThreshold, child(path, 'zeroThreshold')),
  };
}

function readSummaryPoint(value: unknown, path: string): SummaryDataPoint {
  const o = readObject(value, path) as JsonObject;
  const qPath = child(path, 'quantileValues');
  return {
    ...readBase(o, path),
    count: readInt64(o.count, child(path, 'count'), true),
    sum: readDouble(o.sum, child(path, 'sum')),
    quantileValues: readList(o.quantileValues, qPath, (item, itemPath) => {
      const q = readObject(item, itemPath) as JsonObject;
      return {
        quantile: readDouble(q.quantile, child(itemPath, 'quantile')),
        value: readDouble(q.value, child(itemPath, 'value')),
      };
    }),
  };
}
