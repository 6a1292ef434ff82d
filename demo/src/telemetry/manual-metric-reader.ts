import { AggregationTemporality, MetricReader } from '@opentelemetry/sdk-metrics';

/**
 * A metric reader without a timer: the emitter collects every provider itself once per step
 * and hands the results to one shared exporter, instead of one periodic timer per resource.
 */
export class ManualMetricReader extends MetricReader {
  constructor() {
    super({ aggregationTemporalitySelector: () => AggregationTemporality.CUMULATIVE });
  }

  protected async onForceFlush(): Promise<void> {
    // Nothing buffered here: the emitter collects and exports.
  }

  protected async onShutdown(): Promise<void> {
    // No timer or connection of its own.
  }
}
