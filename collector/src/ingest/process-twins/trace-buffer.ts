import type { Clock, MetricsRegistry } from '../../model';

/** What the flow analysis needs of one span; whole Span objects (attributes, events) are not kept. */
export interface SpanRecord {
  spanId: string;
  /** '' for a root span. */
  parentSpanId: string;
  /** Shared with every span of the same resource, so it costs a reference. */
  serviceId: string | undefined;
  serviceName: string | undefined;
  name: string;
  kind: number;
  startNs: number;
  endNs: number;
  /** Span status ERROR. */
  statusError: boolean;
  /** `http.response.status_code` (or the old `http.status_code`); 0 when absent. */
  httpStatus: number;
}

export interface TraceBufferConfig {
  traceWaitSeconds: number;
  maxTraces: number;
  maxSpansPerTrace: number;
  /** Spans held in all traces together: the real memory bound (max_traces x max_spans_per_trace is far larger). */
  maxSpans: number;
}

export interface TraceBufferSettings {
  clock: Clock;
  metrics: MetricsRegistry;
  /** Receives each trace once it has been quiet for the wait time (or at flush). */
  onComplete(traceId: string, spans: SpanRecord[]): void;
}

export interface TraceBuffer {
  /** Adds a span to its trace; false when a cap turned it away (counted). */
  add(traceId: string, span: SpanRecord): boolean;
  /** Hands on every trace quiet since `nowMs - trace_wait_seconds`; returns how many. */
  expire(nowMs: number): number;
  /** Traces waiting now. */
  readonly pendingTraces: number;
  /** Spans held now. */
  readonly pendingSpans: number;
}

interface PendingTrace {
  spans: SpanRecord[];
  lastMs: number;
}

export const DROPPED_METRIC = 'twinops_process_twins_dropped_total';

/**
 * Assembles spans by trace id in a Map kept in order of last activity: a span moves its trace to
 * the end, so expiry only ever looks at the head and stops at the first trace still active.
 * It owns no timer: its owner calls `expire(now)`. Both caps turn spans away rather than
 * completing traces early, because a trace cut short would give a wrong entry operation.
 */
class MapTraceBuffer implements TraceBuffer {
  private readonly traces = new Map<string, PendingTrace>();
  private readonly waitMs: number;
  private spans = 0;
  private readonly dropped;

  constructor(
    private readonly config: TraceBufferConfig,
    private readonly settings: TraceBufferSettings,
  ) {
    this.waitMs = config.traceWaitSeconds * 1000;
    this.dropped = settings.metrics.counter(DROPPED_METRIC, 'Spans the process twins dropped, by reason.', ['reason']);
    settings.metrics.observableGauge(
      'twinops_process_twins_pending_traces',
      'Traces the process twins are assembling now.',
      () => this.traces.size,
    );
    settings.metrics.observableGauge(
      'twinops_process_twins_pending_spans',
      'Spans the process twins hold in traces being assembled.',
      () => this.spans,
    );
  }

  get pendingTraces(): number {
    return this.traces.size;
  }

  get pendingSpans(): number {
    return this.spans;
  }

  add(traceId: string, span: SpanRecord): boolean {
    const now = this.settings.clock.now();
    if (this.spans >= this.config.maxSpans) return this.drop('max_spans');
    let trace = this.traces.get(traceId);
    if (trace === undefined) {
      if (this.traces.size >= this.config.maxTraces) return this.drop('max_traces');
      trace = { spans: [], lastMs: now };
    } else {
      if (trace.spans.length >= this.config.maxSpansPerTrace) return this.drop('max_spans_per_trace');
      // Re-inserting moves the trace to the end: the Map stays ordered by last activity.
      this.traces.delete(traceId);
    }
    trace.spans.push(span);
    trace.lastMs = now;
    this.traces.set(traceId, trace);
    this.spans++;
    return true;
  }

  expire(nowMs: number): number {
    let completed = 0;
    for (const [traceId, trace] of this.traces) {
      if (nowMs - trace.lastMs < this.waitMs) break;
      this.traces.delete(traceId);
      this.spans -= trace.spans.length;
      completed++;
      this.settings.onComplete(traceId, trace.spans);
    }
    return completed;
  }

  private drop(reason: string): false {
    this.dropped.inc({ reason });
    return false;
  }
}

/** A bounded buffer of traces being assembled; see MapTraceBuffer for the rules. */
export function createTraceBuffer(config: TraceBufferConfig, settings: TraceBufferSettings): TraceBuffer {
  return new MapTraceBuffer(config, settings);
}
