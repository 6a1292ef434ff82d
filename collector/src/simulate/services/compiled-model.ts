import { queueStretch } from './erlang-c';
import { callersFirst } from './graph-order';
import type { ServiceGraphPhysics, ServiceInstancePhysics, ServiceState } from './service-types';

/**
 * A calibrated model in the form the solver walks: services by index in callers-first order,
 * edges as index pairs, and the calibration-time figures the solver anchors on. Compiled once
 * per model object (a scenario run solves the same model at every step).
 */
export interface CompiledService {
  id: string;
  rate: number;
  external: number;
  /** Modelled inflow at calibration: external + Σ callers' rate × calls per request. */
  inflow: number;
  callers: { from: number; perRequest: number; edge: string }[];
  callees: { to: number; perRequest: number; edge: string; async: boolean }[];
  instances: ServiceInstancePhysics[];
  /** Per observed instance: its slot in the model's instance list and its host's slot. */
  instanceSlots: number[];
  hostSlots: number[];
  queued: boolean;
  serviceSeconds: number;
  ownLatency: number;
  /** Errors of its own at calibration, its callees' taken out. */
  ownErrors: number;
  /** Queueing stretch (Wq + s)/s at the observed load, the anchor of the latency ratio. */
  stretchObserved: number;
  meanObserved: number;
  p95Observed: number;
  /** The model's own mean at calibration (own + callees'), which reported figures are scaled from. */
  meanModelled: number;
}

export interface CompiledModel {
  services: CompiledService[];
  order: number[];
  /**
   * Instances and hosts by slot: the solver sums busy cores into typed arrays and builds the
   * result records once at the end (keyed writes while solving cost more than the queues).
   */
  instanceIds: string[];
  hostIds: string[];
  hostBase: Float64Array;
  /** The services' result record with every key present, cloned and filled by the solver. */
  serviceTemplate: Record<string, ServiceState>;
}

/** Beyond this share of its capacity an instance's surplus requests fail (a queue at 1 never drains). */
export const MAX_UTILIZATION = 0.99;

/** Every entry of a cloned template is overwritten by the solver. */
const PLACEHOLDER: ServiceState = { requestsPerSecond: 0, utilization: 0, latencyMeanSeconds: 0, latencyP95Seconds: 0, errorRatio: 0, saturated: false };

const cache = new WeakMap<ServiceGraphPhysics, CompiledModel>();

export function compileModel(model: ServiceGraphPhysics): CompiledModel {
  const known = cache.get(model);
  if (known) return known;
  const index = new Map(model.services.map((s, i) => [s.id, i]));
  const edges = model.services.flatMap((s) => s.calls.filter((c) => index.has(c.to)).map((c) => ({ from: s.id, to: c.to })));
  const order = callersFirst(
    model.services.map((s) => s.id),
    edges,
  ).map((id) => index.get(id) as number);
  const instanceSlot = new Map<string, number>();
  const hostSlot = new Map<string, number>(Object.keys(model.hostBusyCores).map((h, i) => [h, i]));
  const services: CompiledService[] = model.services.map((s) => ({
    id: s.id,
    rate: s.requestsPerSecond,
    external: s.entry ? (s.externalRequestsPerSecond ?? s.requestsPerSecond) : 0,
    inflow: 0,
    callers: [],
    callees: s.calls.filter((c) => index.has(c.to) && c.to !== s.id).map((c) => ({ to: index.get(c.to) as number, perRequest: c.perRequest, edge: `${s.id}->${c.to}`, async: c.type === 'messaging' })),
    instances: s.instances,
    instanceSlots: s.instances.map((i) => slot(instanceSlot, i.id)),
    hostSlots: s.instances.map((i) => slot(hostSlot, i.hostId)),
    queued: s.queued ?? s.instances.length > 0,
    serviceSeconds: s.ownServiceSeconds,
    ownLatency: s.ownLatencySeconds ?? s.latencyMeanSeconds,
    ownErrors: 0,
    stretchObserved: observedStretch(s.instances, s.requestsPerSecond, s.ownServiceSeconds),
    meanObserved: s.latencyMeanSeconds,
    p95Observed: s.latencyP95Seconds,
    meanModelled: 0,
  }));
  services.forEach((s, k) => {
    s.inflow = s.external;
    for (const c of s.callees) services[c.to].callers.push({ from: k, perRequest: c.perRequest, edge: c.edge });
  });
  for (const s of services) for (const c of s.callers) s.inflow += c.perRequest * services[c.from].rate;
  model.services.forEach((s, k) => {
    let calleesOk = 1;
    for (const c of services[k].callees) if (!c.async) calleesOk *= Math.pow(1 - model.services[c.to].errorRatio, c.perRequest);
    services[k].ownErrors = calleesOk > 0 ? Math.min(1, Math.max(0, 1 - (1 - s.errorRatio) / calleesOk)) : 0;
  });
  for (let j = order.length - 1; j >= 0; j--) {
    const s = services[order[j]];
    s.meanModelled = s.callees.reduce((sum, c) => (c.async ? sum : sum + c.perRequest * services[c.to].meanModelled), s.ownLatency);
  }
  const hostIds = [...hostSlot.keys()];
  const hostBase = Float64Array.from(hostIds, (h) => model.hostBusyCores[h] ?? 0);
  const instanceIds = [...instanceSlot.keys()];
  const compiled: CompiledModel = {
    services,
    order,
    instanceIds,
    hostIds,
    hostBase,
    serviceTemplate: Object.fromEntries(services.map((s) => [s.id, PLACEHOLDER])),
  };
  cache.set(model, compiled);
  return compiled;
}

function slot(slots: Map<string, number>, id: string): number {
  let at = slots.get(id);
  if (at === undefined) slots.set(id, (at = slots.size));
  return at;
}

/** Served-rate-weighted stretch with the observed rate split evenly over the instances that were up. */
function observedStretch(instances: readonly ServiceInstancePhysics[], rate: number, serviceSeconds: number): number {
  const up = instances.filter((i) => i.up);
  if (up.length === 0 || !(serviceSeconds > 0) || !(rate > 0)) return 1;
  const share = rate / up.length;
  let sum = 0;
  for (const i of up) sum += queueStretch(i.cores, Math.min(MAX_UTILIZATION, (share * serviceSeconds) / i.cores));
  return sum / up.length;
}
