import { labelSuffix } from './attribute-values';
import { HW_LABELS_SKIPPED, createComponentRouter } from './hardware-components';
import { ingestExponentialPoint, ingestHistogramPoint, ingestNumberPoint, ingestSummaryPoint } from './metric-points';
import { applyResource, resolveResource } from './resource-entities';
import { createSeriesState } from './series-state';
import type { Attributes, Metric, MetricsConsumer, MetricsData } from '../otlp';
import type { Twin } from '../model';
import type { TwinConfig } from './config';
import type { IngestContext } from './ingest-context';
import type { PointTarget } from './metric-points';
import type { ComponentRouter } from './hardware-components';
import type { ResolvedResource } from './resource-entities';

/**
 * Metrics -> entity signals. Each data point lands on the most specific entity it describes: a
 * hardware component when the point has `hw.id`; otherwise the resource's primary entity (a
 * service instance, else process, container, pod, Kubernetes node, host, then the service; see
 * identity-rules.ts). The signal name is the metric name, a statistic suffix (`.rate`,
 * `.count.rate`, `.mean`, `.p50`, `.p95`, `.p99`) and `{k="v",...}` of the point's attributes
 * (sorted; hw.* keys that describe a component left out). Units come from the metric.
 * Previous cumulative points are kept per series in a bounded map (`twin.limits.max_series_state`).
 */
export function createMetricsIngest(twin: Twin, config: TwinConfig, settings: IngestContext): MetricsConsumer {
  const maxValueLength = config.limits.maxAttributeValueLength;
  // One bounded map for every kind of point. Keys include the data type, so each handler only
  // ever reads back its own shape; `never` lets the one map serve all of them.
  const state = createSeriesState<never>(config.limits.maxSeriesState, () => twin.recordDrop('series_state_evicted'));

  function ingestMetric(resource: ResolvedResource, metric: Metric, route: ComponentRouter): void {
    const data = metric.data;
    if (!data) return twin.recordDrop('metric_without_data');
    const each = <P extends { attributes: Attributes; timeUnixNano: number }>(
      points: P[],
      ingest: (target: PointTarget, point: P) => void,
    ) => {
      for (const point of points) {
        const target = targetOf(resource, metric, data.type, point, route);
        if (target) ingest(target, point);
        else twin.recordDrop('point_without_entity');
      }
    };
    switch (data.type) {
      case 'gauge':
      case 'sum':
        return each(data.dataPoints, (target, point) => ingestNumberPoint(target, data, point, state));
      case 'histogram':
        return each(data.dataPoints, (target, point) =>
          ingestHistogramPoint(target, data.aggregationTemporality, point, state),
        );
      case 'exponentialHistogram':
        return each(data.dataPoints, (target, point) =>
          ingestExponentialPoint(target, data.aggregationTemporality, point, state),
        );
      case 'summary':
        return each(data.dataPoints, (target, point) => ingestSummaryPoint(target, point, state));
    }
  }

  function targetOf(
    resource: ResolvedResource,
    metric: Metric,
    dataType: string,
    { attributes, timeUnixNano }: { attributes: Attributes; timeUnixNano: number },
    route: ComponentRouter,
  ): PointTarget | undefined {
    const component = route(resource, attributes);
    const entity = component ?? resource.primary;
    if (entity === undefined) return undefined;
    const labels = labelSuffix(attributes, component ? HW_LABELS_SKIPPED : undefined);
    const timeMs = timeUnixNano > 0 ? timeUnixNano / 1e6 : settings.clock.now();
    return {
      unit: metric.unit,
      key: `${entity}\u0000${dataType}\u0000${metric.name}${labels}`,
      emit: (suffix, unit, kind, value) => twin.recordSignal(entity, `${metric.name}${suffix}${labels}`, unit, kind, timeMs, value),
    };
  }

  return {
    consumeMetrics(data: MetricsData) {
      const route = createComponentRouter(twin, config.identity, maxValueLength);
      for (const rm of data.resourceMetrics) {
        const resource = resolveResource(rm.resource.attributes, config.identity, maxValueLength, settings.hostAliases);
        applyResource(twin, resource);
        for (const sm of rm.scopeMetrics) for (const metric of sm.metrics) ingestMetric(resource, metric, route);
      }
      return undefined;
    },
  };
}
