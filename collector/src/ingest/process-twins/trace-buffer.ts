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
  traceId: string;
  spans: SpanRecord[];
  lastMs: number;
  /** The number of the add that last touched the trace (adds are numbered across all traces). */
  lastAdd: number;
}

export const DROPPED_METRIC = 'twinops_process_twins_dropped_total';

/**
 * Assembles spans by trace id and hands traces on in order of last activity, stopping at the
 * first one still active. The order is a queue of adds (trace, add number), one per span kept:
 * an entry whose trace was touched again later is stale and skipped, so the live entries are the
 * traces in order of their last span, as if each span moved its trace to the end of a list, at
 * the cost of an array push rather than a Map delete and insert. Stale entries belong to traces
 * still held (a trace is handed on only when its last entry reaches the head, after all its
 * earlier ones), so the queue never holds more entries than spans held.
 * It owns no timer: its owner calls `expire(now)`. Both caps turn spans away rather than
 * completing traces early, because a trace cut short would give a wrong entry operation.
 */
class MapTraceBuffer implements TraceBuffer {
  private readonly traces = new Map<string, PendingTrace>();
  private readonly waitMs: number;
  private spans = 0;
  private adds = 0;
  /** The queue of adds from `head` on: the trace touched and the add's number. */
  private queuedTraces: PendingTrace[] = [];
  private queuedAdds: number[] = [];
  private head = 0;
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
      this.traces.set(traceId, (trace = { traceId, spans: [], lastMs: now, lastAdd: 0 }));
    } else if (trace.spans.length >= this.config.maxSpansPerTrace) {
      return this.drop('max_spans_per_trace');
    }
    trace.spans.push(span);
    trace.lastMs = now;
    trace.lastAdd = ++this.adds;
    this.queuedTraces.push(trace);
    this.queuedAdds.push(trace.lastAdd);
    this.spans++;
    return true;
  }

  expire(nowMs: number): number {
    let completed = 0;
    const traces = this.queuedTraces;
    const adds = this.queuedAdds;
    let head = this.head;
    for (; head < traces.length; head++) {
      const trace = traces[head];
      if (trace.lastAdd !== adds[head]) continue;
      if (nowMs - trace.lastMs < this.waitMs) break;
      this.traces.delete(trace.traceId);
      this.spans -= trace.spans.length;
      completed++;
      this.settings.onComplete(trace.traceId, trace.spans);
    }
    this.compact(head);
    return completed;
  }

  /** Drops the queue's consumed part once it is most of the arrays (amortised O(1) per add). */
  private compact(head: number): void {
    if (head === this.queuedTraces.length) {
      this.queuedTraces = [];
      this.queuedAdds = [];
      this.head = 0;
    } else if (head > 1024 && head * 2 > this.queuedTraces.length) {
      this.queuedTraces = this.queuedTraces.slice(head);
      this.queuedAdds = this.queuedAdds.slice(head);
      this.head = 0;
    } else {
      this.head = head;
    }
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
