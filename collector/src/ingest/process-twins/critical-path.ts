import { SpanKind } from '../../otlp';
import type { SpanRecord } from './trace-buffer';

/** What one trace tells about its flow. */
export interface TraceAnalysis {
  /** The root span: the earliest of the spans whose parent is empty or not in the trace. */
  root: SpanRecord;
  /** Root end minus root start (0 when the root ends before it starts). */
  durationSeconds: number;
  /** Root status ERROR, or a root SERVER span with an HTTP status of 500 or more. */
  error: boolean;
  /** Ids of the services of all the trace's spans, in order of first appearance. */
  services: string[];
  /** Seconds on the critical path, by service id (spans without a service are left out). */
  criticalPathSeconds: Map<string, number>;
}

interface Interval {
  span: SpanRecord;
  startNs: number;
  endNs: number;
}

/** The root span: parent empty or absent from the trace; the earliest start wins among several. */
export function findRoot(spans: readonly SpanRecord[]): SpanRecord | undefined {
  const ids = new Set<string>();
  for (const span of spans) ids.add(span.spanId);
  let root: SpanRecord | undefined;
  for (const span of spans) {
    const isRoot = span.parentSpanId === '' || !ids.has(span.parentSpanId);
    if (isRoot && (root === undefined || span.startNs < root.startNs)) root = span;
  }
  return root;
}

export function isErrorRoot(root: SpanRecord): boolean {
  return root.statusError || (root.kind === SpanKind.SERVER && root.httpStatus >= 500);
}

function childrenByParent(spans: readonly SpanRecord[]): Map<string, SpanRecord[]> {
  const children = new Map<string, SpanRecord[]>();
  for (const span of spans) {
    if (span.parentSpanId === '' || span.parentSpanId === span.spanId) continue;
    const list = children.get(span.parentSpanId);
    if (list) list.push(span);
    else children.set(span.parentSpanId, [span]);
  }
  return children;
}

/**
 * The critical path's self time of every span on it, in ns: within a span's interval, take the
 * child that finishes last, then the child that finishes last before that one started, and so on;
 * the span's time not covered by the chosen children is its own. Children are clipped to their
 * parent's interval first, which handles clock skew (a child starting before its parent) and
 * asynchronous children that outlive their parent; a child that overlaps the chosen one is not
 * on the path (the parent did not wait for it). A span met twice (a malformed trace) counts once.
 */
export function criticalPathSelfTimes(spans: readonly SpanRecord[], root: SpanRecord): Map<SpanRecord, number> {
  const children = childrenByParent(spans);
  const selfNs = new Map<SpanRecord, number>();
  const stack: Interval[] = [{ span: root, startNs: root.startNs, endNs: Math.max(root.startNs, root.endNs) }];
  while (stack.length > 0) {
    const { span, startNs, endNs } = stack.pop() as Interval;
    if (selfNs.has(span)) continue;
    const clipped: Interval[] = [];
    for (const child of children.get(span.spanId) ?? []) {
      const lo = Math.max(child.startNs, startNs);
      const hi = Math.min(child.endNs, endNs);
      if (hi > lo) clipped.push({ span: child, startNs: lo, endNs: hi });
    }
    clipped.sort((a, b) => b.endNs - a.endNs);
    let cursor = endNs;
    let own = 0;
    for (const child of clipped) {
      if (child.endNs > cursor) continue;
      own += cursor - child.endNs;
      stack.push(child);
      cursor = child.startNs;
    }
    own += cursor - startNs;
    selfNs.set(span, own);
  }
  return selfNs;
}

/** Root, duration, error, services touched and the critical path by service; undefined for no root. */
export function analyseTrace(spans: readonly SpanRecord[]): TraceAnalysis | undefined {
  const root = findRoot(spans);
  if (root === undefined) return undefined;
  const services: string[] = [];
  const seen = new Set<string>();
  for (const span of spans) {
    if (span.serviceId === undefined || seen.has(span.serviceId)) continue;
    seen.add(span.serviceId);
    services.push(span.serviceId);
  }
  const byServiceNs = new Map<string, number>();
  for (const [span, ns] of criticalPathSelfTimes(spans, root)) {
    if (span.serviceId === undefined) continue;
    byServiceNs.set(span.serviceId, (byServiceNs.get(span.serviceId) ?? 0) + ns);
  }
  const criticalPathSeconds = new Map<string, number>();
  for (const [service, ns] of byServiceNs) criticalPathSeconds.set(service, ns / 1e9);
  return {
    root,
    durationSeconds: Math.max(0, root.endNs - root.startNs) / 1e9,
    error: isErrorRoot(root),
    services,
    criticalPathSeconds,
  };
}

/** `http.response.status_code`, else the old `http.status_code`; 0 when neither is a number. */
export function httpStatusOf(attributes: Readonly<Record<string, unknown>>): number {
  const value = attributes['http.response.status_code'] ?? attributes['http.status_code'];
  const status = typeof value === 'string' ? Number(value) : value;
  return typeof status === 'number' && Number.isInteger(status) ? status : 0;
}
