import { ROOT_CONTEXT, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import type { Context, Tracer } from '@opentelemetry/api';
import type { SpanKindName, SpanPlan, TracePlan } from '../shop';
import { withSamplingProbability } from './planned-sampler';

const KINDS: Record<SpanKindName, SpanKind> = {
  SERVER: SpanKind.SERVER,
  CLIENT: SpanKind.CLIENT,
  PRODUCER: SpanKind.PRODUCER,
  CONSUMER: SpanKind.CONSUMER,
  INTERNAL: SpanKind.INTERNAL,
};

/** The latest end offset in a plan tree (a consumer can end after its trace's root). */
export function planEndSeconds(plan: SpanPlan): number {
  return plan.children.reduce((end, child) => Math.max(end, planEndSeconds(child)), plan.endOffsetSeconds);
}

/**
 * Plays a trace plan through the SDK: each span on its instance's tracer, a child of its plan
 * parent, with the plan's kind, attributes and error status. The offsets are real request
 * durations (not scaled by the simulation speed); the trace is placed so that its last span ends
 * at `nowMs`. The root's context carries the plan's sampling probability, which the tracers'
 * planned sampler (`createPlannedSampler`) turns into the trace's `ot=th:` tracestate. Returns
 * the number of spans.
 */
export function emitTrace(plan: TracePlan, tracerFor: (span: SpanPlan) => Tracer, nowMs: number): number {
  const baseMs = nowMs - planEndSeconds(plan.root) * 1000;
  return emitSpan(plan.root, withSamplingProbability(ROOT_CONTEXT, plan.samplingProbability), baseMs, tracerFor);
}

function emitSpan(plan: SpanPlan, parent: Context, baseMs: number, tracerFor: (span: SpanPlan) => Tracer): number {
  const span = tracerFor(plan).startSpan(
    plan.name,
    { kind: KINDS[plan.kind], startTime: baseMs + plan.startOffsetSeconds * 1000, attributes: plan.attributes },
    parent,
  );
  if (plan.error) span.setStatus({ code: SpanStatusCode.ERROR });
  const context = trace.setSpan(parent, span);
  let count = 1;
  for (const child of plan.children) count += emitSpan(child, context, baseMs, tracerFor);
  span.end(baseMs + plan.endOffsetSeconds * 1000);
  return count;
}
