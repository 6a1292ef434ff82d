import { OTLPLogExporter } from '@opentelemetry/exporter-logs-otlp-proto';
import { OTLPMetricExporter } from '@opentelemetry/exporter-metrics-otlp-proto';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-proto';
import { BatchLogRecordProcessor, LoggerProvider } from '@opentelemetry/sdk-logs';
import { BasicTracerProvider, BatchSpanProcessor } from '@opentelemetry/sdk-trace-base';
import type { Logger } from '@opentelemetry/api-logs';
import type { Tracer } from '@opentelemetry/api';
import type { LogRecordExporter } from '@opentelemetry/sdk-logs';
import type { PushMetricExporter } from '@opentelemetry/sdk-metrics';
import type { SpanExporter } from '@opentelemetry/sdk-trace-base';
import type { Resource } from '@opentelemetry/resources';
import type { ResourceMetrics } from '@opentelemetry/sdk-metrics';
import type { HostLoad, ShopCatalog, ShopStep } from '../shop';
import type { DataCenterLayout, HostLayout, SensorReadings } from '../world';
import { CRAC_GAUGES, HOST_GAUGES, PDU_GAUGES, cracPoints, hostPoints, pduPoints } from './host-metrics';
import type { Points } from './host-metrics';
import { INSTANCE_GAUGES, INSTANCE_HISTOGRAMS, poolServerSamples, recordInstanceStep } from './http-metrics';
import { errorRecords, eventRecord } from './log-records';
import { createPlannedSampler } from './planned-sampler';
import { createResourceMeter } from './resource-meter';
import type { GaugeSpec, ResourceMeter } from './resource-meter';
import { deviceResource, hostResource, instanceResource, serviceResource } from './resources';
import { sharedLogProcessor, sharedSpanProcessor } from './shared-processors';
import { emitTrace } from './span-emitter';

export interface TelemetryEmitterConfig {
  /** Base URL of an OTLP/HTTP receiver; `/v1/traces`, `/v1/metrics`, `/v1/logs` are appended. */
  otlpEndpoint: string;
  headers?: Record<string, string>;
  layout: DataCenterLayout;
  catalog: ShopCatalog;
  /** Duration given to failed requests without a failed sample (the shop's request timeout). */
  requestTimeoutSeconds?: number;
  /** Failed-request log records per instance operation and step (a sample, not every failure). */
  errorLogsPerOperation?: number;
  /** Memory of a host without shop load (the shop's `hostBaseMemoryBytes`). */
  idleMemoryBytes?: number;
  /** Metric requests in flight at once (one request per resource: the JS exporter sends one resource per request). */
  exportConcurrency?: number;
  exportTimeoutMillis?: number;
  /** Spans and log records per export request. */
  maxExportBatchSize?: number;
}

/** The three exporters every resource shares. */
export interface TelemetryExporters {
  spans: SpanExporter;
  metrics: PushMetricExporter;
  logs: LogRecordExporter;
}

export interface TelemetryEmitterSettings {
  /** Defaults to the OTLP/HTTP protobuf exporters aimed at `otlpEndpoint`. */
  exporters?: TelemetryExporters;
}

/** What one step produced. */
export interface TelemetryStep {
  sensors: SensorReadings;
  shop: ShopStep;
  hostLoad: ReadonlyMap<string, HostLoad>;
  /** The layout the step ran on, when servers may have been added since the start (default the config's). */
  layout?: DataCenterLayout;
}

export interface EmitReport {
  metricRequests: number;
  failedMetricRequests: number;
  spans: number;
  logRecords: number;
  /** HTTP server requests recorded into duration histograms. */
  serverRequests: number;
}

/** Turns simulation steps into OTLP through the OpenTelemetry SDK. Await each `emit` before the next. */
export interface TelemetryEmitter {
  emit(step: TelemetryStep, nowMs: number): Promise<EmitReport>;
  /** Sends buffered spans and log records now. */
  flush(): Promise<void>;
  shutdown(): Promise<void>;
}

interface InstanceTelemetry {
  meter: ResourceMeter;
  tracer: Tracer;
  logger: Logger;
}

/** OTLP/HTTP with protobuf bodies; the metric exporter allows more requests in flight (one per resource). */
export function otlpExporters(config: Pick<TelemetryEmitterConfig, 'otlpEndpoint' | 'headers' | 'exportTimeoutMillis'>): TelemetryExporters {
  const base = config.otlpEndpoint.replace(/\/+$/, '');
  const options = (signal: string) => ({ url: `${base}/v1/${signal}`, headers: config.headers, timeoutMillis: config.exportTimeoutMillis ?? 10_000 });
  return {
    spans: new OTLPTraceExporter(options('traces')),
    metrics: new OTLPMetricExporter({ ...options('metrics'), concurrencyLimit: 64 }),
    logs: new OTLPLogExporter(options('logs')),
  };
}

export function createTelemetryEmitter(config: TelemetryEmitterConfig, settings: TelemetryEmitterSettings = {}): TelemetryEmitter {
  const exporters = settings.exporters ?? otlpExporters(config);
  // One timer per signal: spans and log records wait at most this long before they are sent.
  const batch = { maxExportBatchSize: config.maxExportBatchSize ?? 512, maxQueueSize: 65_536, scheduledDelayMillis: 2_000 };
  const metricExporter = exporters.metrics;
  const spanBatch = new BatchSpanProcessor(exporters.spans, batch);
  const logBatch = new BatchLogRecordProcessor({ exporter: exporters.logs, ...batch });
  const spanProcessor = sharedSpanProcessor(spanBatch);
  // One sampler for every instance's tracer: it only stamps roots with their planned probability.
  const sampler = createPlannedSampler();
  const logProcessor = sharedLogProcessor(logBatch);
  const timeoutSeconds = config.requestTimeoutSeconds ?? 1;
  const errorLogs = config.errorLogsPerOperation ?? 2;
  const idleMemory = config.idleMemoryBytes ?? 4 * 1024 ** 3;
  const { catalog } = config;

  // Servers added at run time get their meter at their first reading.
  const hostMeters = new Map(config.layout.hosts.map((h) => [h.name, createResourceMeter(hostResource(h), HOST_GAUGES, [])]));
  const hostMeter = (host: HostLayout): ResourceMeter => {
    let found = hostMeters.get(host.name);
    if (!found) hostMeters.set(host.name, (found = createResourceMeter(hostResource(host), HOST_GAUGES, [])));
    return found;
  };
  const cracMeters = new Map(config.layout.cracs.map((c) => [c.id, createResourceMeter(deviceResource(c.id, 'crac'), CRAC_GAUGES, [])]));
  const pduMeters = new Map(config.layout.pdus.map((p) => [p.id, createResourceMeter(deviceResource(p.id, 'pdu'), PDU_GAUGES, [])]));
  const instances = new Map<string, InstanceTelemetry>();
  const serviceLoggers = new Map<string, Logger>();
  const loggerFor = (resource: Resource) => new LoggerProvider({ resource, processors: [logProcessor] }).getLogger('twinops-demo');

  const instanceTelemetry = (id: string, service: string, host: string): InstanceTelemetry => {
    const key = `${id}@${host}`;
    let found = instances.get(key);
    if (!found) {
      const resource = instanceResource(service, id, host);
      found = {
        meter: createResourceMeter(resource, INSTANCE_GAUGES, INSTANCE_HISTOGRAMS),
        tracer: new BasicTracerProvider({ resource, spanProcessors: [spanProcessor], sampler }).getTracer('twinops-demo'),
        logger: loggerFor(resource),
      };
      instances.set(key, found);
    }
    return found;
  };
  const serviceLogger = (service: string): Logger => {
    let found = serviceLoggers.get(service);
    if (!found) serviceLoggers.set(service, (found = loggerFor(serviceResource(service))));
    return found;
  };
  const setAll = (meter: ResourceMeter | undefined, specs: readonly GaugeSpec[], points: Points) => {
    for (const spec of specs) meter?.set(spec.name, points[spec.name] ?? []);
  };

  async function exportAll(meters: ResourceMeter[]): Promise<{ requests: number; failed: number }> {
    const collected: ResourceMetrics[] = [];
    for (const meter of meters) {
      const rm = await meter.collect();
      if (rm.scopeMetrics.some((s) => s.metrics.length > 0)) collected.push(rm);
    }
    let failed = 0;
    const concurrency = Math.max(1, config.exportConcurrency ?? 8);
    for (let i = 0; i < collected.length; i += concurrency) {
      const results = await Promise.all(
        collected.slice(i, i + concurrency).map((rm) => new Promise<boolean>((resolve) => metricExporter.export(rm, (result) => resolve(result.code === 0)))),
      );
      failed += results.filter((ok) => !ok).length;
    }
    return { requests: collected.length, failed };
  }

  return {
    async emit(step, nowMs) {
      const { sensors, shop, hostLoad } = step;
      const layout = step.layout ?? config.layout;
      const hostByName = new Map(layout.hosts.map((h) => [h.name, h]));
      const powerByHost = new Map<string, number>();
      for (const reading of sensors.hosts) {
        const host = hostByName.get(reading.name);
        if (!host) continue;
        powerByHost.set(reading.name, reading.powerWatts);
        setAll(hostMeter(host), HOST_GAUGES, hostPoints(reading, hostLoad.get(reading.name), host.model, idleMemory));
      }
      for (const reading of sensors.cracs) setAll(cracMeters.get(reading.id), CRAC_GAUGES, cracPoints(reading));
      for (const pdu of layout.pdus) {
        const racks = layout.racks.filter((r) => pdu.powers.includes(r.id));
        const watts = racks.flatMap((r) => r.hostIndexes).reduce((sum, i) => sum + (powerByHost.get(layout.hosts[i].name) ?? 0), 0);
        setAll(pduMeters.get(pdu.id), PDU_GAUGES, pduPoints(pdu.id, watts, pdu.capacityWatts));
      }

      const pools = poolServerSamples(shop.instances);
      const seen = new Set<string>();
      let serverRequests = 0;
      let logRecords = 0;
      for (const inst of shop.instances) {
        const t = instanceTelemetry(inst.id, inst.service, inst.host);
        seen.add(`${inst.id}@${inst.host}`);
        serverRequests += recordInstanceStep(t.meter, inst, catalog, pools, timeoutSeconds);
        for (const record of errorRecords(inst, catalog, errorLogs)) {
          t.logger.emit({ ...record, timestamp: nowMs });
          logRecords++;
        }
      }
      let spans = 0;
      for (const plan of shop.traces) spans += emitTrace(plan, (s) => instanceTelemetry(s.instance, s.service, s.host).tracer, nowMs);
      const hostOfInstance = new Map(shop.instances.map((i) => [i.id, i.host]));
      for (const event of shop.events) {
        const host = event.instance === undefined ? undefined : hostOfInstance.get(event.instance);
        const logger = event.instance !== undefined && host !== undefined ? instanceTelemetry(event.instance, event.service, host).logger : serviceLogger(event.service);
        logger.emit({ ...eventRecord(event), timestamp: nowMs });
        logRecords++;
      }
      // Instances scaled away or moved to another host: their series end here.
      const gone = [...instances.keys()].filter((key) => !seen.has(key));
      const meters = [...hostMeters.values(), ...cracMeters.values(), ...pduMeters.values(), ...[...instances.entries()].filter(([k]) => seen.has(k)).map(([, t]) => t.meter)];
      for (const key of gone) {
        await instances.get(key)?.meter.shutdown();
        instances.delete(key);
      }
      const { requests, failed } = await exportAll(meters);
      return { metricRequests: requests, failedMetricRequests: failed, spans, logRecords, serverRequests };
    },
    async flush() {
      await Promise.all([spanBatch.forceFlush(), logBatch.forceFlush()]);
    },
    async shutdown() {
      await Promise.all([spanBatch.shutdown(), logBatch.shutdown()]);
      const meters = [...hostMeters.values(), ...cracMeters.values(), ...pduMeters.values(), ...[...instances.values()].map((t) => t.meter)];
      await Promise.all(meters.map((m) => m.shutdown()));
      await metricExporter.shutdown();
    },
  };
}
