import type { Entity, Relation, TwinReader } from '../../model';
import { fitCpuCost } from './cpu-fit';
import type { CpuFit } from './cpu-fit';
import { callersFirst } from './graph-order';
import { observeInstance, observeSpans } from './service-observations';
import type { InstanceObservation } from './service-observations';
import { windowPoints } from './signal-window';
import type { FitQuality, ServiceGraphPhysics, ServicePhysics } from './service-types';

/**
 * Calibrates the service model from the twin over [now − window, now]:
 * - rates from the instances' server histograms (complete counts); a service without them (a
 *   message consumer, a virtual database) gets what its callers send it, else its span rate;
 * - call ratios = edge span rate ÷ caller span rate (both from the same sampled traces);
 * - mean latency from the histograms (rate-weighted), else p50 / ln 2 from spans (exact for an
 *   exponential), at most the p95; p95 and error ratio from the span-derived service signals;
 * - own latency = mean − Σ perRequest · callee mean over synchronous edges (calls, database);
 * - CPU cost per request from each host's busy cores against its instances' rate (cpu-fit.ts);
 * - instance cores from an attribute when the twin knows one, else the host's cores ÷ the
 *   instances on it.
 */
export const CORE_ATTRIBUTES = ['cores', 'cpu.limit', 'container.cpu.limit', 'k8s.container.cpu.limit'];
const CALL_TYPES = new Set(['calls', 'database', 'messaging']);

export function calibrateServices(twin: TwinReader, options: { now: number; windowSeconds: number }): ServiceGraphPhysics {
  const window = { from: options.now - options.windowSeconds * 1000, to: options.now };
  const { nodes, edges } = twin.topology();
  const byId = new Map<string, Entity>(nodes.map((n) => [n.id, n]));
  const callEdges = edges.filter((e) => CALL_TYPES.has(e.type));
  const incoming = (id: string) => callEdges.filter((e) => e.to === id);
  const isSource = (id: string) => byId.get(id)?.attributes.virtual === true && incoming(id).length === 0;
  const ids = [...new Set([...nodes.filter((n) => n.type === 'service').map((n) => n.id), ...callEdges.flatMap((e) => [e.from, e.to])])].filter((id) => !isSource(id));
  const instancesOf = new Map<string, string[]>(ids.map((id) => [id, []]));
  const hostOf = new Map<string, string>();
  for (const e of edges) {
    if (e.type === 'contains' && instancesOf.has(e.from) && byId.get(e.to)?.type === 'instance') instancesOf.get(e.from)?.push(e.to);
    if (e.type === 'runs_on') hostOf.set(e.from, e.to);
  }
  const observed = new Map<string, InstanceObservation>();
  for (const list of instancesOf.values()) for (const i of list) observed.set(i, observeInstance(twin, i, window));

  const perHost = instancesOnHost(hostOf);
  const known = new Set(ids);
  const cpu = fitHosts(twin, window, instancesOf, hostOf, observed);
  const spans = new Map(ids.map((id) => [id, observeSpans(twin, id, window)]));
  const rates = new Map<string, number>();
  const ratios = new Map<Relation, number>();
  for (const id of callersFirst(ids, callEdges)) {
    const histogram = (instancesOf.get(id) ?? []).reduce((s, i) => s + (observed.get(i)?.requestsPerSecond ?? 0), 0);
    let fromCallers = 0;
    for (const e of incoming(id)) {
      const ratio = edgeRatio(twin, e, window);
      ratios.set(e, ratio);
      fromCallers += ratio * (rates.get(e.from) ?? 0);
    }
    rates.set(id, histogram > 0 ? histogram : fromCallers > 0 ? fromCallers : (spans.get(id)?.requestsPerSecond ?? 0));
  }
  // Callee latencies first: a caller's own latency is what its callees do not explain.
  const means = new Map<string, number>();
  const services = new Map<string, ServicePhysics>();
  for (const id of callersFirst(ids, callEdges).reverse()) {
    const span = spans.get(id) ?? { requestsPerSecond: undefined, latencyP50Seconds: undefined, latencyP95Seconds: undefined, errorRatio: undefined };
    const instances = instancesOf.get(id) ?? [];
    const rate = rates.get(id) ?? 0;
    const weighted = (pick: (o: InstanceObservation) => number | undefined) => weightedMean(instances.map((i) => [observed.get(i), pick] as const));
    const p95FromSpans = span.latencyP95Seconds;
    const mean = weighted((o) => o.latencyMeanSeconds) ?? Math.min(p95FromSpans ?? Infinity, (span.latencyP50Seconds ?? 0) / Math.LN2);
    means.set(id, mean);
    const calls = callEdges.filter((e) => e.from === id && known.has(e.to)).map((e) => ({ to: e.to, perRequest: ratios.get(e) ?? 0, type: e.type as 'calls' | 'database' | 'messaging' }));
    const calleeShare = calls.filter((c) => c.type !== 'messaging').reduce((s, c) => s + c.perRequest * (means.get(c.to) ?? 0), 0);
    const callers = incoming(id);
    const modelledInflow = callers.filter((e) => !isSource(e.from)).reduce((s, e) => s + (ratios.get(e) ?? 0) * (rates.get(e.from) ?? 0), 0);
    const entry = callers.length === 0 || callers.some((e) => isSource(e.from));
    const cost = serviceCost(instances, hostOf, cpu, observed);
    services.set(id, {
      id,
      instances: instances.map((i) => ({ id: i, hostId: hostOf.get(i) ?? '', cores: coresOf(byId, i, hostOf, perHost), up: isUp(observed.get(i), rate) })),
      requestsPerSecond: rate,
      ownServiceSeconds: cost.seconds,
      serviceFit: cost.fit,
      calls,
      latencyMeanSeconds: mean,
      latencyP95Seconds: p95FromSpans ?? weighted((o) => o.latencyP95Seconds) ?? mean * 3,
      errorRatio: span.errorRatio ?? weighted((o) => o.errorRatio) ?? 0,
      entry,
      externalRequestsPerSecond: entry ? Math.max(0, rate - modelledInflow) : 0,
      ownLatencySeconds: Math.max(0, mean - calleeShare),
      queued: instances.length > 0 && cost.seconds > 0,
    });
  }
  const hostBusyCores: Record<string, number> = {};
  for (const [host, fit] of cpu) hostBusyCores[host] = fit.baseBusyCores;
  return { at: options.now, services: ids.map((id) => services.get(id) as ServicePhysics), hostBusyCores };
}

/**
 * Calls per request of an edge: calls ÷ requests of the caller over the window (sums of the
 * per-window rates, both counted from the same sampled spans); a caller without its own span
 * rate (a virtual source) sends one call per request of the callee.
 */
function edgeRatio(twin: TwinReader, e: Relation, window: { from: number; to: number }): number {
  const sum = (name: string) => windowPoints(twin, e.from, name, window).reduce((s, p) => s + p.v, 0);
  const requests = sum('service.requests_per_second');
  if (!(requests > 0)) return 1;
  return sum(`edge.requests_per_second{to=${JSON.stringify(e.to)},type=${JSON.stringify(e.type)}}`) / requests;
}

function weightedMean(items: readonly (readonly [InstanceObservation | undefined, (o: InstanceObservation) => number | undefined])[]): number | undefined {
  let sum = 0;
  let weight = 0;
  for (const [o, pick] of items) {
    const v = o ? pick(o) : undefined;
    if (o === undefined || v === undefined || !(o.requestsPerSecond > 0)) continue;
    sum += v * o.requestsPerSecond;
    weight += o.requestsPerSecond;
  }
  return weight > 0 ? sum / weight : undefined;
}

/** Per host with instances: the CPU fit of its busy cores on its instances' total rate; hosts without instances: all base. */
function fitHosts(twin: TwinReader, window: { from: number; to: number }, instancesOf: Map<string, string[]>, hostOf: Map<string, string>, observed: Map<string, InstanceObservation>): Map<string, CpuFit> {
  const onHost = new Map<string, string[]>();
  for (const list of instancesOf.values()) for (const i of list) onHost.set(hostOf.get(i) ?? '', [...(onHost.get(hostOf.get(i) ?? '') ?? []), i]);
  const fits = new Map<string, CpuFit>();
  for (const host of twin.listEntities({ type: 'host', limit: 1_000_000 }).items) {
    const cores = Number(host.attributes.cores);
    if (!(cores > 0)) continue;
    const busy = windowPoints(twin, host.id, 'system.cpu.utilization', window).map((p) => ({ t: p.t, v: p.v * cores }));
    if (busy.length === 0) continue;
    const rate = new Map<number, number>();
    for (const i of onHost.get(host.id) ?? []) for (const p of observed.get(i)?.rateSeries ?? []) rate.set(p.t, (rate.get(p.t) ?? 0) + p.v);
    fits.set(host.id, fitCpuCost(busy, [...rate].map(([t, v]) => ({ t, v }))));
  }
  return fits;
}

function serviceCost(instances: string[], hostOf: Map<string, string>, cpu: Map<string, CpuFit>, observed: Map<string, InstanceObservation>): { seconds: number; fit: FitQuality } {
  let cost = 0;
  let rate = 0;
  let samples = 0;
  const r2s: number[] = [];
  const rmses: number[] = [];
  let fitted = instances.length > 0;
  for (const i of instances) {
    const fit = cpu.get(hostOf.get(i) ?? '');
    const r = observed.get(i)?.requestsPerSecond ?? 0;
    if (!fit || !(r > 0)) continue;
    cost += fit.coreSecondsPerRequest * r;
    rate += r;
    samples += fit.fit.samples;
    if (fit.fit.r2 !== null) r2s.push(fit.fit.r2);
    if (fit.fit.rmse !== null) rmses.push(fit.fit.rmse);
    fitted &&= fit.fit.source === 'fitted';
  }
  const avg = (v: number[]) => (v.length > 0 ? v.reduce((s, x) => s + x, 0) / v.length : null);
  return { seconds: rate > 0 ? cost / rate : 0, fit: { samples, r2: avg(r2s), rmse: avg(rmses), source: fitted && rate > 0 ? 'fitted' : 'prior' } };
}

function instancesOnHost(hostOf: Map<string, string>): Map<string, number> {
  const count = new Map<string, number>();
  for (const host of hostOf.values()) count.set(host, (count.get(host) ?? 0) + 1);
  return count;
}

function coresOf(byId: Map<string, Entity>, instance: string, hostOf: Map<string, string>, perHost: Map<string, number>): number {
  const attributes = byId.get(instance)?.attributes ?? {};
  for (const key of CORE_ATTRIBUTES) if (Number(attributes[key]) > 0) return Number(attributes[key]);
  const host = hostOf.get(instance);
  const hostCores = Number(host ? byId.get(host)?.attributes.cores : undefined);
  return hostCores > 0 ? hostCores / (perHost.get(host ?? '') ?? 1) : 1;
}

/** Down: it served in the window but nothing in its last tenth while its service still had traffic (crashed, host down). */
function isUp(o: InstanceObservation | undefined, serviceRate: number): boolean {
  return !(o !== undefined && o.requestsPerSecond > 0 && o.recentRequestsPerSecond === 0 && serviceRate > 0);
}
