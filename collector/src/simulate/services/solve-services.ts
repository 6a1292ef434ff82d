import { queueStretch } from './erlang-c';
import { MAX_UTILIZATION, compileModel } from './compiled-model';
import type { CompiledService } from './compiled-model';
import type { ServiceGraphPhysics, ServiceInputs, ServiceState, SolvedServices } from './service-types';

/**
 * Steady state of the service graph under a scenario's inputs, anchored on what was observed:
 * with no change every service returns its observed rate, mean, p95 and error ratio exactly.
 *
 * - Flow (callers first): arrivals = observed rate × (modelled inflow now ÷ modelled inflow at
 *   calibration), inflow = external requests × load factors + Σ callers' served rate × calls
 *   per request (capped by an edge's capacity: the surplus calls fail). Requests are split evenly
 *   over the instances, as a round-robin balancer without health checks does: an instance the
 *   scenario takes down keeps receiving its share, and that share fails. One already down at
 *   calibration takes no share (the observed rates were served without it).
 * - Each up instance is an M/M/c queue (c its cores, service time ownServiceSeconds × factors);
 *   beyond MAX_UTILIZATION of its capacity the surplus fails and the rest is served at that
 *   utilization.
 * - Latency (callees first): own latency = observed own latency × stretch now ÷ stretch at
 *   calibration (stretch = (Wq + s)/s of M/M/c, a ratio, so the model only has to get the
 *   shape right); mean = own + Σ synchronous calls per request × (callee mean + added network
 *   latency). Reported: observed mean × model mean now ÷ model mean at calibration, and the
 *   same ratio on the observed p95 (the observed tail shape is kept). The model's own mean at
 *   calibration differs from the observed one only when callees explain more than a caller's
 *   mean (noisy call ratios); the ratio keeps the prediction on the observed value.
 * - Errors: 1 − (1 − own base errors)(1 − overflow and down share) × Π_sync (1 − call failure)^calls,
 *   the own base errors being what the observed ratio leaves once its callees' are taken out.
 *   Messages (messaging edges) carry load but neither latency nor errors back to the producer.
 */
export function solveServices(model: ServiceGraphPhysics, inputs: ServiceInputs): SolvedServices {
  const compiled = compileModel(model);
  const n = compiled.services.length;
  const arrivals = new Float64Array(n);
  const out: Scratch = {
    served: new Float64Array(n),
    ownLatency: new Float64Array(n),
    ownOk: new Float64Array(n),
    utilization: new Float64Array(n),
    saturated: new Uint8Array(n),
    instanceBusy: new Float64Array(compiled.instanceIds.length),
    hostBusy: Float64Array.from(compiled.hostBase),
    extraInstances: {},
    extraHosts: {},
  };
  // Most steps change nothing per instance: skip the look-ups then.
  const factors = inputs.serviceTimeFactor;
  const factorOf = Object.keys(factors).length === 0 ? () => 1 : (id: string) => factors[id] ?? 1;
  const checkUp = Object.keys(inputs.instanceUp).length > 0;
  // Keyed reads of absent keys walk the prototype chain; a Map (or nothing, when empty) is cheaper.
  const loadFactor = asMap(inputs.loadFactor);
  const capacity = asMap(inputs.edgeCapacityPerSecond);
  const extra = asMap(inputs.extraLatencySeconds);

  for (const k of compiled.order) {
    const s = compiled.services[k];
    const factor = loadFactor?.get(s.id);
    let inflow = s.external * inputs.siteLoadFactor * (factor ?? 1);
    for (const c of s.callers) {
      const calls = out.served[c.from] * c.perRequest;
      const cap = capacity?.get(c.edge);
      inflow += cap === undefined ? calls : Math.min(calls, Math.max(0, cap));
    }
    if (s.external === 0 && factor !== undefined) inflow *= factor;
    const rate = s.inflow > 0 ? (s.rate * inflow) / s.inflow : inflow;
    arrivals[k] = rate;
    solveQueue(s, rate, k, inputs, factorOf, checkUp, out);
  }

  const mean = new Float64Array(n);
  const errors = new Float64Array(n);
  const services: Record<string, ServiceState> = { ...compiled.serviceTemplate };
  for (let j = n - 1; j >= 0; j--) {
    const k = compiled.order[j];
    const s = compiled.services[k];
    let latency = out.ownLatency[k];
    let ok = out.ownOk[k];
    for (const c of s.callees) {
      if (c.async) continue;
      const callsPerSecond = out.served[k] * c.perRequest;
      const cap = capacity?.get(c.edge);
      const blocked = cap === undefined || !(callsPerSecond > 0) ? 0 : Math.max(0, 1 - Math.max(0, cap) / callsPerSecond);
      latency += c.perRequest * (mean[c.to] + (extra?.get(c.edge) ?? 0));
      ok *= Math.pow((1 - blocked) * (1 - errors[c.to]), c.perRequest);
    }
    mean[k] = latency;
    errors[k] = Math.min(1, Math.max(0, 1 - ok));
    const ratio = s.meanModelled > 0 ? latency / s.meanModelled : 1;
    services[s.id] = {
      requestsPerSecond: arrivals[k],
      utilization: out.utilization[k],
      latencyMeanSeconds: s.meanModelled > 0 ? s.meanObserved * ratio : latency,
      latencyP95Seconds: s.p95Observed * ratio,
      errorRatio: errors[k],
      saturated: out.saturated[k] === 1,
    };
  }
  const instanceBusyCores: Record<string, number> = {};
  for (let i = 0; i < compiled.instanceIds.length; i++) instanceBusyCores[compiled.instanceIds[i]] = out.instanceBusy[i];
  const hostBusyCores: Record<string, number> = {};
  for (let i = 0; i < compiled.hostIds.length; i++) hostBusyCores[compiled.hostIds[i]] = out.hostBusy[i];
  for (const [id, busy] of Object.entries(out.extraInstances)) instanceBusyCores[id] = busy;
  for (const [id, busy] of Object.entries(out.extraHosts)) hostBusyCores[id] += busy;
  return { services, instanceBusyCores, hostBusyCores };
}

function asMap(record: Record<string, number>): Map<string, number> | undefined {
  const entries = Object.entries(record);
  return entries.length === 0 ? undefined : new Map(entries);
}

interface Scratch {
  served: Float64Array;
  ownLatency: Float64Array;
  ownOk: Float64Array;
  utilization: Float64Array;
  saturated: Uint8Array;
  instanceBusy: Float64Array;
  hostBusy: Float64Array;
  /** Busy cores of instances a scenario added (beyond the observed ones), and on their hosts. */
  extraInstances: Record<string, number>;
  extraHosts: Record<string, number>;
}

function solveQueue(
  s: CompiledService,
  rate: number,
  k: number,
  inputs: ServiceInputs,
  factorOf: (id: string) => number,
  checkUp: boolean,
  out: Scratch,
): void {
  if (!s.queued && s.instances.length === 0) {
    out.served[k] = rate;
    out.ownLatency[k] = s.ownLatency;
    out.ownOk[k] = 1 - s.ownErrors;
    return;
  }
  const observed = s.instances.length;
  const count = inputs.instanceCount[s.id] ?? observed;
  // Instances beyond those observed copy them in turn, on the same hosts: `<id>+1`, `<id>+2`, …
  const idAt = (i: number) => (i < observed ? s.instances[i].id : `${s.instances[i % observed].id}+${Math.floor(i / observed)}`);
  const upAt = (i: number): boolean | undefined => {
    const given = checkUp ? inputs.instanceUp[idAt(i)] : undefined;
    if (given !== undefined) return given;
    // One down at calibration takes no share: the observed rates were served without it.
    return i < observed && !s.instances[i].up ? undefined : true;
  };
  let members = 0;
  for (let i = 0; i < count && observed > 0; i++) if (upAt(i) !== undefined) members++;
  const share = members > 0 ? rate / members : 0;
  const serviceFactor = factorOf(s.id);
  let servedTotal = 0;
  let stretchWeighted = 0;
  let busyTotal = 0;
  let coresUp = 0;
  let full = false;
  for (let i = 0; i < count && observed > 0; i++) {
    if (upAt(i) !== true) continue;
    const template = s.instances[i % observed];
    const factor = serviceFactor * factorOf(template.id) * factorOf(template.hostId);
    const seconds = s.serviceSeconds * factor;
    const capacity = seconds > 0 ? template.cores / seconds : Infinity;
    const offered = share / capacity;
    const servedHere = offered > MAX_UTILIZATION ? MAX_UTILIZATION * capacity : share;
    if (offered > MAX_UTILIZATION) full = true;
    const busy = servedHere * seconds;
    servedTotal += servedHere;
    stretchWeighted += servedHere * queueStretch(template.cores, capacity === Infinity ? 0 : servedHere / capacity) * factor;
    busyTotal += busy;
    coresUp += template.cores;
    if (i < observed) {
      out.instanceBusy[s.instanceSlots[i]] = busy;
      out.hostBusy[s.hostSlots[i]] += busy;
    } else {
      out.extraInstances[idAt(i)] = busy;
      out.extraHosts[template.hostId] = (out.extraHosts[template.hostId] ?? 0) + busy;
    }
  }
  const stretch = servedTotal > 0 ? stretchWeighted / servedTotal : serviceFactor;
  out.served[k] = servedTotal;
  out.ownLatency[k] = (s.ownLatency * stretch) / s.stretchObserved;
  out.ownOk[k] = (1 - s.ownErrors) * (rate > 0 ? servedTotal / rate : 1);
  out.utilization[k] = coresUp > 0 ? busyTotal / coresUp : 0;
  out.saturated[k] = full || (rate > 0 && coresUp === 0) ? 1 : 0;
}
