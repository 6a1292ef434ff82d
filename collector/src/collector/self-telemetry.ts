import { hostname } from 'node:os';
import { trace, metrics as metricsApi, SpanStatusCode } from '@opentelemetry/api';
import type { Tracer, Histogram } from '@opentelemetry/api';
import { NodeSDK, metrics, resources } from '@opentelemetry/sdk-node';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-proto';
import { OTLPMetricExporter } from '@opentelemetry/exporter-metrics-otlp-proto';
import type {
  ConsumeResult,
  LogsConsumer,
  LogsData,
  MetricsConsumer,
  MetricsData,
  TracesConsumer,
  TracesData,
} from '../otlp';
import { obj, bool, str, num } from '../config';
import type { ValueOf } from '../config';

export const selfTelemetryConfigSchema = obj(
  {
    enabled: bool(false, 'send the collector\'s own traces and metrics over OTLP/HTTP (protobuf)'),
    endpoint: str('http://127.0.0.1:4318', 'base URL of the OTLP/HTTP receiver (/v1/traces and /v1/metrics are appended); this collector\'s own receiver by default, so the twin shows the collector itself', {
      regex: /^https?:\/\/[^\s]+$/,
      rule: 'an http:// or https:// URL',
    }),
    service_name: str('twinops-collector', 'service.name of the collector\'s own telemetry'),
    export_interval_seconds: num(30, 'how often its own metrics are exported', { min: 1 }),
  },
  'the collector\'s own OpenTelemetry instrumentation (@opentelemetry/sdk-node)',
);
export type SelfTelemetryConfig = ValueOf<typeof selfTelemetryConfigSchema>;

export interface SelfTelemetry {
  /** Wraps the twin's consumers so each batch becomes a span and a duration measurement. */
  instrument<C extends Consumers>(consumers: C): C;
  shutdown(): Promise<void>;
}

interface Consumers {
  traces: TracesConsumer;
  metrics: MetricsConsumer;
  logs: LogsConsumer;
}

/** Starts the OpenTelemetry SDK when enabled; otherwise the API's no-op tracer keeps costs near zero. */
export function startSelfTelemetry(config: SelfTelemetryConfig, version: string): SelfTelemetry {
  let sdk: NodeSDK | undefined;
  if (config.enabled) {
    const base = config.endpoint.replace(/\/+$/, '');
    sdk = new NodeSDK({
      resource: resources.resourceFromAttributes({
        'service.name': config.serviceName,
        'service.version': version,
        'service.instance.id': `${hostname()}-${process.pid}`,
        'host.name': hostname(),
      }),
      traceExporter: new OTLPTraceExporter({ url: `${base}/v1/traces` }),
      metricReaders: [
        new metrics.PeriodicExportingMetricReader({
          exporter: new OTLPMetricExporter({ url: `${base}/v1/metrics` }),
          exportIntervalMillis: config.exportIntervalSeconds * 1000,
        }),
      ],
      instrumentations: [],
    });
    sdk.start();
  }
  const tracer = trace.getTracer('@twinops/collector', version);
  const duration = metricsApi
    .getMeter('@twinops/collector', version)
    .createHistogram('twinops.ingest.batch.duration', { unit: 's', description: 'Time to apply one OTLP request to the twin' });
  return {
    instrument: (consumers) => instrumentConsumers(consumers, tracer, duration),
    shutdown: async () => {
      await sdk?.shutdown();
      sdk = undefined;
    },
  };
}

function instrumentConsumers<C extends Consumers>(consumers: C, tracer: Tracer, duration: Histogram): C {
  const wrap = <D>(signal: string, consume: (data: D) => ConsumeResult | undefined) => (data: D) =>
    tracer.startActiveSpan(`ingest ${signal}`, (span) => {
      const started = performance.now();
      try {
        const result = consume(data);
        if (result && result.rejected > 0) span.setAttribute('twinops.items.rejected', result.rejected);
        return result;
      } catch (err) {
        span.recordException(err as Error);
        span.setStatus({ code: SpanStatusCode.ERROR, message: (err as Error).message });
        throw err;
      } finally {
        duration.record((performance.now() - started) / 1000, { 'twinops.signal': signal });
        span.end();
      }
    });
  return {
    ...consumers,
    traces: { consumeTraces: wrap<TracesData>('traces', (d) => consumers.traces.consumeTraces(d)) },
    metrics: { consumeMetrics: wrap<MetricsData>('metrics', (d) => consumers.metrics.consumeMetrics(d)) },
    logs: { consumeLogs: wrap<LogsData>('logs', (d) => consumers.logs.consumeLogs(d)) },
  };
}
