import type { Random } from '../random';
import type { DependencyName, ShopCatalog, ServiceName } from './catalog';
import { findOperation } from './catalog';
import type { QueueState } from './queueing';
import { queueState } from './queueing';
import { fanOut, split } from './sampling';

/**
 * One step's aggregate flow: entry requests fan out down the call graph (callers before callees),
 * each instance becomes an M/M/c queue, and error probabilities cascade up from callees.
 */

/** An instance as the flow sees it in this step. */
export interface FlowInstance {
  id: string;
  service: ServiceName;
  up: boolean;
  /** Cores of its share (after batch load and over-commitment). */
  shareCores: number;
  /** Multiplies CPU demand into wall time: latency regression / throttle. */
  serviceTimeFactor: number;
}

export interface InstanceFlow {
  /** Requests received per operation (0 for an instance that is down). */
  requests: Map<string, number>;
  /** Requests sent to it while down: connection errors at the caller. */
  refused: number;
  queue: QueueState;
  /** Mean wall service time of one request at this instance (s). */
  meanServiceSeconds: number;
  /** Busy cores: served rate × wall service time. */
  busyCores: number;
  /** Error probability of a request per operation (own timeouts plus cascaded callee errors). */
  errorProbability: Map<string, number>;
}

export interface FlowResult {
  instances: Map<string, InstanceFlow>;
  dependencies: Map<DependencyName, { requests: number; queue: QueueState }>;
  /** Expected error probability of one call to a service operation (over its instances). */
  callErrorProbability: Map<string, number>;
}

export const opKey = (service: ServiceName, operation: string): string => `${service} ${operation}`;

/** Service operations ordered callers first (reverse post-order from the entry operations). */
export function operationOrder(catalog: ShopCatalog): Array<{ service: ServiceName; operation: string }> {
  const seen = new Set<string>();
  const post: Array<{ service: ServiceName; operation: string }> = [];
  const visit = (service: ServiceName, operation: string) => {
    if (seen.has(opKey(service, operation))) return;
    seen.add(opKey(service, operation));
    for (const call of findOperation(catalog, service, operation).calls) {
      if (call.kind === 'http') visit(call.service, call.operation);
      if (call.kind === 'publish') visit(call.consumer.service, call.consumer.operation);
    }
    post.push({ service, operation });
  };
  for (const entry of catalog.entryOperations) visit('frontend', entry);
  return post.reverse();
}

export interface FlowInput {
  catalog: ShopCatalog;
  order: Array<{ service: ServiceName; operation: string }>;
  instances: FlowInstance[];
  entryRequests: Record<string, number>;
  /** Service-time multiplier per dependency (slow database). */
  dependencyFactor: (name: DependencyName) => number;
  dtSeconds: number;
  timeoutSeconds: number;
  random: Random;
}

export function computeFlow(input: FlowInput): FlowResult {
  const { catalog, order, instances, dtSeconds, random } = input;
  const attempts = new Map<string, number>();
  const depCalls = new Map<DependencyName, number>(catalog.dependencies.map((d) => [d.name, 0]));
  const flows = new Map<string, InstanceFlow>();
  for (const inst of instances) {
    flows.set(inst.id, {
      requests: new Map(), refused: 0, queue: queueState(0, 1, 1, 1), meanServiceSeconds: 0, busyCores: 0, errorProbability: new Map(),
    });
  }
  for (const entry of catalog.entryOperations) attempts.set(opKey('frontend', entry), input.entryRequests[entry] ?? 0);
  const of = (service: ServiceName) => instances.filter((i) => i.service === service);

  // Counts, callers first; round-robin balancing sends an equal share to every instance, dead or alive.
  for (const { service, operation } of order) {
    const spec = findOperation(catalog, service, operation);
    const targets = of(service);
    const counts = split(random, attempts.get(opKey(service, operation)) ?? 0, targets.map(() => 1));
    targets.forEach((inst, i) => {
      const flow = flows.get(inst.id) as InstanceFlow;
      if (!inst.up) {
        flow.refused += counts[i];
        flow.requests.set(operation, 0);
        return;
      }
      flow.requests.set(operation, counts[i]);
      for (const call of spec.calls) {
        const n = fanOut(random, counts[i], call.ratio);
        if (call.kind === 'http') attempts.set(opKey(call.service, call.operation), (attempts.get(opKey(call.service, call.operation)) ?? 0) + n);
        else depCalls.set(call.dependency, (depCalls.get(call.dependency) ?? 0) + n);
        if (call.kind === 'publish') {
          const key = opKey(call.consumer.service, call.consumer.operation);
          attempts.set(key, (attempts.get(key) ?? 0) + n);
        }
      }
    });
  }

  // Queues per instance: mean service time weighted by the operation mix.
  for (const inst of instances) {
    const flow = flows.get(inst.id) as InstanceFlow;
    let requests = 0;
    let cpu = 0;
    for (const op of catalog.services.find((s) => s.name === inst.service)?.operations ?? []) {
      const n = flow.requests.get(op.name) ?? 0;
      requests += n;
      cpu += n * op.cpuSeconds;
    }
    const meanCpu = requests > 0 ? cpu / requests : averageCpu(catalog, inst.service);
    flow.meanServiceSeconds = meanCpu * inst.serviceTimeFactor;
    // Integer servers for Erlang C; each runs share / c as fast so capacity is exactly share / s.
    const servers = Math.max(1, Math.floor(inst.shareCores));
    const queueServiceSeconds = (flow.meanServiceSeconds * servers) / Math.max(inst.shareCores, 1e-9);
    flow.queue = queueState(requests / dtSeconds, servers, queueServiceSeconds, input.timeoutSeconds);
    flow.busyCores = inst.up ? flow.queue.servedRatePerSecond * flow.meanServiceSeconds : 0;
  }

  const dependencies = new Map<DependencyName, { requests: number; queue: QueueState }>();
  for (const dep of catalog.dependencies) {
    const requests = depCalls.get(dep.name) ?? 0;
    const queue = queueState(requests / dtSeconds, dep.servers, dep.serviceSeconds * input.dependencyFactor(dep.name), input.timeoutSeconds);
    dependencies.set(dep.name, { requests, queue });
  }

  // Error probabilities, callees first. Message consumers do not fail their producers.
  const callError = new Map<string, number>();
  for (const { service, operation } of [...order].reverse()) {
    const spec = findOperation(catalog, service, operation);
    let downstreamOk = 1;
    for (const call of spec.calls) {
      const p = call.kind === 'http' ? callError.get(opKey(call.service, call.operation)) ?? 0 : dependencies.get(call.dependency)?.queue.errorProbability ?? 0;
      downstreamOk *= Math.pow(1 - p, call.ratio);
    }
    const targets = of(service);
    let sum = 0;
    for (const inst of targets) {
      const flow = flows.get(inst.id) as InstanceFlow;
      const p = 1 - (1 - flow.queue.errorProbability) * downstreamOk;
      flow.errorProbability.set(operation, p);
      sum += inst.up ? p : 1;
    }
    callError.set(opKey(service, operation), targets.length > 0 ? sum / targets.length : 1);
  }
  return { instances: flows, dependencies, callErrorProbability: callError };
}

function averageCpu(catalog: ShopCatalog, service: ServiceName): number {
  const ops = catalog.services.find((s) => s.name === service)?.operations ?? [];
  return ops.length > 0 ? ops.reduce((sum, o) => sum + o.cpuSeconds, 0) / ops.length : 0;
}
