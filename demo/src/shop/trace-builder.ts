import type { Random } from '../random';
import type { Call, DependencyName, ShopCatalog, ServiceName } from './catalog';
import { findOperation } from './catalog';
import type { FlowInstance, FlowResult } from './flow';
import { overflowFraction, sampleWait } from './queueing';
import { callCount, exponential, lognormalFactor } from './sampling';
import type { LatencySample, SpanPlan } from './shop-types';

/**
 * Plays one request through the call graph as a tree of planned spans, drawing each instance's
 * queueing wait and service time from its queue state in this step. The same trees give the
 * per-instance latency samples (SERVER and CONSUMER spans) and the trace plans.
 */
export interface TraceContext {
  catalog: ShopCatalog;
  flow: FlowResult;
  instances: Array<FlowInstance & { host: string }>;
  random: Random;
  timeoutSeconds: number;
  connectTimeoutSeconds: number;
  serviceTimeSigma: number;
  /** Service-time multiplier per dependency (slow database). */
  dependencyFactor(name: DependencyName): number;
  /** Called for every SERVER / CONSUMER span: the instance's latency sample for an operation. */
  record(instance: string, operation: string, sample: LatencySample): void;
}

/** Mean delay between a message's publication and its consumption (s). */
const CONSUMER_LAG_SECONDS = 0.05;
const HTTP_PORT = 8080;

export function planRequest(ctx: TraceContext, service: ServiceName, operation: string, start: number, kind: 'SERVER' | 'CONSUMER' = 'SERVER'): SpanPlan | undefined {
  const candidates = ctx.instances.filter((i) => i.service === service);
  if (candidates.length === 0) return undefined;
  const inst = candidates[Math.floor(ctx.random.next() * candidates.length)];
  if (!inst.up) return undefined;
  const flow = ctx.flow.instances.get(inst.id);
  const spec = findOperation(ctx.catalog, service, operation);
  if (!flow) return undefined;
  const span: SpanPlan = {
    service, instance: inst.id, host: inst.host, name: spec.name, kind, startOffsetSeconds: start, endOffsetSeconds: start, error: false,
    attributes: spec.http ? { 'http.request.method': spec.http.method, 'http.route': spec.http.route } : { 'messaging.system': 'kafka', 'messaging.destination.name': 'orders', 'messaging.operation.type': 'process' },
    children: [],
  };
  const wait = sampleWait(ctx.random, flow.queue);
  const own = spec.cpuSeconds * inst.serviceTimeFactor * lognormalFactor(ctx.random, ctx.serviceTimeSigma);
  // Over capacity the surplus times out; under it the queue's own tail decides.
  const overloaded = ctx.random.next() < overflowFraction(flow.queue);
  if (overloaded || wait > ctx.timeoutSeconds) {
    span.error = true;
    span.endOffsetSeconds = start + ctx.timeoutSeconds;
  } else {
    let t = start + wait + own;
    for (const call of spec.calls) {
      for (let n = callCount(ctx.random, call.ratio); n > 0; n--) {
        const child = planCall(ctx, inst, call, t);
        span.children.push(child.span);
        if (child.consumer) span.children[span.children.length - 1].children.push(child.consumer);
        t = child.span.endOffsetSeconds;
        if (child.span.error && call.kind !== 'publish') span.error = true;
      }
    }
    span.endOffsetSeconds = t;
  }
  if (spec.http) span.attributes['http.response.status_code'] = span.error ? 503 : 200;
  ctx.record(inst.id, operation, { durationSeconds: span.endOffsetSeconds - start, error: span.error });
  return span;
}

function planCall(
  ctx: TraceContext,
  caller: FlowInstance & { host: string },
  call: Call,
  start: number,
): { span: SpanPlan; consumer?: SpanPlan } {
  const base = { service: caller.service, instance: caller.id, host: caller.host, startOffsetSeconds: start, children: [] as SpanPlan[] };
  if (call.kind === 'http') {
    const spec = findOperation(ctx.catalog, call.service, call.operation);
    const method = spec.http?.method ?? 'GET';
    const server = planRequest(ctx, call.service, call.operation, start);
    const error = !server || server.error;
    const end = server ? server.endOffsetSeconds : start + ctx.connectTimeoutSeconds;
    const attributes: Record<string, string | number> = { 'http.request.method': method, 'server.address': call.service, 'server.port': HTTP_PORT };
    if (server) attributes['http.response.status_code'] = server.error ? 503 : 200;
    else attributes['error.type'] = 'connect_timeout';
    return { span: { ...base, name: spec.name, kind: 'CLIENT', endOffsetSeconds: end, error, attributes, children: server ? [server] : [] } };
  }
  const dep = ctx.catalog.dependencies.find((d) => d.name === call.dependency);
  const state = ctx.flow.dependencies.get(call.dependency);
  const mean = (dep?.serviceSeconds ?? 0) * ctx.dependencyFactor(call.dependency);
  const duration = exponential(ctx.random, mean) + (state ? sampleWait(ctx.random, state.queue) : 0);
  const error = state ? ctx.random.next() < state.queue.errorProbability : false;
  const end = start + (error ? ctx.timeoutSeconds : duration);
  if (call.kind === 'publish') {
    const span: SpanPlan = { ...base, name: `send ${call.topic}`, kind: 'PRODUCER', endOffsetSeconds: end, error, attributes: { ...dep?.attributes, 'messaging.destination.name': call.topic, 'messaging.operation.type': 'send' } };
    const consumer = error ? undefined : planRequest(ctx, call.consumer.service, call.consumer.operation, end + exponential(ctx.random, CONSUMER_LAG_SECONDS), 'CONSUMER');
    return { span, consumer };
  }
  const attributes: Record<string, string | number> = { ...dep?.attributes, ...call.attributes };
  if (error && 'http.response.status_code' in attributes) attributes['http.response.status_code'] = 504;
  return { span: { ...base, name: call.name, kind: 'CLIENT', endOffsetSeconds: end, error, attributes } };
}
