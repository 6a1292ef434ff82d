import { SpanKind, StatusCode } from '../../otlp';
import { analyseTrace, httpStatusOf } from './critical-path';
import { addTrace, newFlowWindow, summariseFlow } from './flow-window';
import { createTraceBuffer, DROPPED_METRIC } from './trace-buffer';
import type { Span } from '../../otlp';
import type { Clock, MetricsRegistry, Twin } from '../../model';
import type { SpanOrigin, SpanSink } from '../span-sink';
import type { ProcessesConfig } from './config';
import type { FlowWindow } from './flow-window';
import type { SpanRecord } from './trace-buffer';

export interface ProcessTwinsSettings {
  twin: Twin;
  clock: Clock;
  metrics: MetricsRegistry;
}

/** The process-twin span sink, with a few figures for tests and the API. */
export interface ProcessTwins extends SpanSink {
  /** Distinct flows admitted so far (at most max_flows). */
  readonly flows: number;
  /** Traces being assembled now. */
  readonly pendingTraces: number;
}

interface FlowIdentity {
  serviceId: string;
  name: string;
  operation: string;
}

const SERVICE_PREFIX = 'service:';

/** `flow:<service id without "service:">/<span name>` */
export function flowIdOf(serviceId: string, spanName: string): string {
  const service = serviceId.startsWith(SERVICE_PREFIX) ? serviceId.slice(SERVICE_PREFIX.length) : serviceId;
  return `flow:${service}/${spanName}`;
}

function spanRecordOf(span: Span, origin: SpanOrigin): SpanRecord {
  return {
    spanId: span.spanId,
    parentSpanId: span.parentSpanId,
    serviceId: origin.serviceId,
    serviceName: origin.serviceName,
    name: span.name,
    kind: span.kind,
    startNs: span.startTimeUnixNano,
    endNs: span.endTimeUnixNano,
    statusError: span.status.code === StatusCode.ERROR,
    // Only a root SERVER span's HTTP status matters, so other spans skip the attribute lookup.
    httpStatus: span.kind === SpanKind.SERVER ? httpStatusOf(span.attributes) : 0,
  };
}

/**
 * Business flows (process twins): spans are assembled into traces, each complete trace is
 * grouped by its entry operation (root service + root span name), and at each window end every
 * flow gets its entity (`flow:<service>/<span name>`, level `process`), its signals
 * (flow.requests_per_second, flow.error_ratio, flow.latency_p50/p95/p99_seconds) and `part_of`
 * relations from the services it touched, with each one's average critical path share and seconds.
 * Flow names come from span names, so instrumentations must name server spans by route
 * (`GET /users/:id`), not by URL; `max_flows` caps the damage when they do not.
 */
export function createProcessTwins(config: ProcessesConfig, settings: ProcessTwinsSettings): ProcessTwins {
  const { twin, clock, metrics } = settings;
  const dropped = metrics.counter(DROPPED_METRIC, 'Spans the process twins dropped, by reason.', ['reason']);
  const traces = metrics.counter('twinops_process_twins_traces_total', 'Complete traces counted into flows.');
  const admitted = new Map<string, FlowIdentity>();
  const windowMs = config.windowSeconds * 1000;
  let window = new Map<string, FlowWindow>();
  let windowStartMs = clock.now();

  const complete = (spans: SpanRecord[]) => {
    const analysis = analyseTrace(spans);
    const root = analysis?.root;
    if (analysis === undefined || root?.serviceId === undefined) return dropped.inc({ reason: 'no_service' }, spans.length);
    const flowId = flowIdOf(root.serviceId, root.name);
    if (!admitted.has(flowId)) {
      if (admitted.size >= config.maxFlows) return dropped.inc({ reason: 'max_flows' }, spans.length);
      const serviceName = root.serviceName ?? root.serviceId.slice(SERVICE_PREFIX.length);
      admitted.set(flowId, { serviceId: root.serviceId, name: `${serviceName} ${root.name}`, operation: root.name });
    }
    let flow = window.get(flowId);
    if (flow === undefined) window.set(flowId, (flow = newFlowWindow()));
    addTrace(flow, analysis);
    traces.inc();
  };
  const buffer = createTraceBuffer(config, { clock, metrics, onComplete: (_traceId, spans) => complete(spans) });
  metrics.observableGauge('twinops_process_twins_flows', 'Distinct flows the process twins track.', () => admitted.size);

  const writeFlow = (flowId: string, identity: FlowIdentity, flow: FlowWindow, nowMs: number, elapsedSeconds: number) => {
    const ok = twin.upsertEntity({
      id: flowId,
      type: 'flow',
      level: 'process',
      name: identity.name,
      attributes: { 'entry.service': identity.serviceId, 'entry.operation': identity.operation },
    });
    if (!ok) return;
    const summary = summariseFlow(flow, elapsedSeconds);
    const signal = (name: string, unit: string, kind: string, value: number | undefined) => {
      if (value !== undefined) twin.recordSignal(flowId, name, unit, kind, nowMs, value);
    };
    signal('flow.requests_per_second', '{request}/s', 'rate', summary.requestsPerSecond);
    signal('flow.error_ratio', '1', 'gauge', summary.errorRatio);
    signal('flow.latency_p50_seconds', 's', 'histogram', summary.latencyP50Seconds);
    signal('flow.latency_p95_seconds', 's', 'histogram', summary.latencyP95Seconds);
    signal('flow.latency_p99_seconds', 's', 'histogram', summary.latencyP99Seconds);
    for (const share of summary.services) {
      twin.upsertRelation(share.serviceId, flowId, 'part_of', {
        critical_path_share: share.criticalPathShare,
        critical_path_seconds: share.criticalPathSeconds,
      });
    }
  };

  const flush = (nowMs: number) => {
    const elapsedSeconds = (nowMs - windowStartMs) / 1000;
    for (const [flowId, identity] of admitted) {
      const flow = window.get(flowId);
      if (flow !== undefined) writeFlow(flowId, identity, flow, nowMs, elapsedSeconds);
      // An idle flow reads 0 requests per second rather than keeping its last rate.
      else if (twin.hasEntity(flowId)) twin.recordSignal(flowId, 'flow.requests_per_second', '{request}/s', 'rate', nowMs, 0);
    }
    window = new Map();
    windowStartMs = nowMs;
  };

  return {
    consumeSpan(span, origin) {
      buffer.add(span.traceId, spanRecordOf(span, origin));
    },
    tick(nowMs) {
      buffer.expire(nowMs);
      if (nowMs - windowStartMs >= windowMs) flush(nowMs);
    },
    get flows() {
      return admitted.size;
    },
    get pendingTraces() {
      return buffer.pendingTraces;
    },
  };
}
