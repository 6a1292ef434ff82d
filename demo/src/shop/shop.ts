import type { Random } from '../random';
import type { DependencyName, ServiceName } from './catalog';
import { defaultShopCatalog } from './catalog';
import type { FlowInstance } from './flow';
import { computeFlow, operationOrder } from './flow';
import { createLoadModel, defaultLoadConfig } from './load';
import { chooseHost, defaultShopHosts, placeInstances, planMove } from './placement';
import type { ShopHost } from './placement';
import { binomial, poisson } from './sampling';
import type { ActiveFault, HostLoad, InstanceStep, LatencySample, ShopConfig, ShopEvent, ShopStep, ShopWorld, TracePlan } from './shop-types';
import { planRequest } from './trace-builder';

/** The running shop: advance it with `step`, inject faults, call actuators. */
export interface Shop {
  step(nowSeconds: number, dtSeconds: number, world: ShopWorld): ShopStep;
  /** Per host with shop instances or batch load: CPU utilization and memory, from the last step. */
  hostLoad(): Map<string, HostLoad>;
  instances(): Array<{ id: string; service: ServiceName; host: string; up: boolean; memoryBytes: number }>;
  faults(): ActiveFault[];
  latencyRegression(service: ServiceName, factor: number): void;
  slowDatabase(factor: number): void;
  trafficSpike(factor: number, durationSeconds: number): void;
  memoryLeak(service: ServiceName, bytesPerSecond: number): void;
  /** Batch jobs take `batchUtilization` of every host's cores in the rack. */
  hotSpot(rack: string, batchUtilization?: number): void;
  clearFaults(): void;
  migrate(instance: string, toHost: string): void;
  scale(service: ServiceName, instances: number): void;
  restart(service: ServiceName): void;
  hosts(): ShopHost[];
  /** A new host to place instances on (servers added to a rack); idle until something moves there. */
  addHost(host: ShopHost): void;
  /**
   * Multiplies the entry requests until set back to 1: the whole site without `service`, else the
   * entry operations of that entry service (the two multiply).
   */
  setLoadFactor(factor: number, service?: ServiceName): void;
  loadFactors(): { site: number; services: Partial<Record<ServiceName, number>> };
  /** Migrates `fraction` of the instances on `fromRack`'s hosts to `toRack`'s (see `planMove`); returns the moves. */
  moveLoad(fromRack: string, toRack: string, fraction: number): Array<{ instance: string; toHost: string }>;
}

/** The service whose operations take the requests from outside (the load model's entry operations). */
export const ENTRY_SERVICE: ServiceName = 'frontend';

export function defaultShopConfig(startEpochSeconds = 0): ShopConfig {
  return {
    catalog: defaultShopCatalog(),
    hosts: defaultShopHosts(),
    load: defaultLoadConfig(startEpochSeconds),
    requestTimeoutSeconds: 1,
    connectTimeoutSeconds: 1,
    serviceTimeSigma: 0.5,
    maxLatencySamples: 64,
    samplesPerEntryOperation: 32,
    tracesPerEntryOperation: 4,
    hostBaseMemoryBytes: 4 * 1024 ** 3,
    memoryLimitFactor: 4,
  };
}

interface Instance { id: string; service: ServiceName; host: string; crashed: boolean; leakedBytes: number }

export function createShop(config: ShopConfig, settings: { random: Random }): Shop {
  const { catalog } = config;
  // A copy: servers added at run time must not leak into the caller's config.
  const hosts = [...config.hosts];
  const random = settings.random;
  const load = createLoadModel(config.load, random.fork('load'));
  const order = operationOrder(catalog);
  const spec = (service: ServiceName) => {
    const s = catalog.services.find((x) => x.name === service);
    if (!s) throw new Error(`shop: unknown service '${service}'`);
    return s;
  };
  const hostOf = (name: string) => {
    const h = hosts.find((x) => x.name === name);
    if (!h) throw new Error(`shop: unknown host '${name}'`);
    return h;
  };
  const instances: Instance[] = placeInstances(catalog, hosts).map((p) => ({ ...p, crashed: false, leakedBytes: 0 }));
  const latency = new Map<ServiceName, number>();
  const leaks = new Map<ServiceName, number>();
  const hotRacks = new Map<string, number>();
  let dbFactor = 1;
  let siteLoadFactor = 1;
  const serviceLoadFactors = new Map<ServiceName, number>();
  let spike: { factor: number; remainingSeconds: number } | undefined;
  let clock = 0;
  let events: ShopEvent[] = [];
  let hostLoad = new Map<string, HostLoad>();
  const memoryOf = (i: Instance) => spec(i.service).baseMemoryBytes + i.leakedBytes;
  const event = (kind: ShopEvent['kind'], service: ServiceName, message: string, instance?: string) =>
    events.push({ timeSeconds: clock, kind, service, instance, message });

  function step(nowSeconds: number, dtSeconds: number, world: ShopWorld): ShopStep {
    clock = nowSeconds;
    load.step(dtSeconds);
    const spikeFactor = (spike ? spike.factor : 1) * siteLoadFactor * (serviceLoadFactors.get(ENTRY_SERVICE) ?? 1);
    const entryRequests: Record<string, number> = {};
    for (const op of catalog.entryOperations) entryRequests[op] = poisson(random, load.rate(op, nowSeconds) * spikeFactor * dtSeconds);
    if (spike && (spike.remainingSeconds -= dtSeconds) <= 0) spike = undefined;

    for (const inst of instances) {
      if (!inst.crashed && !world.hostUp(inst.host)) {
        inst.crashed = true;
        event('crash', inst.service, `${inst.id} down: host ${inst.host} crashed`, inst.id);
      }
      inst.leakedBytes += (leaks.get(inst.service) ?? 0) * dtSeconds;
      if (memoryOf(inst) > spec(inst.service).baseMemoryBytes * config.memoryLimitFactor) {
        inst.leakedBytes = 0;
        event('oom-restart', inst.service, `${inst.id} killed for memory and restarted`, inst.id);
      }
    }
    // Cores each host can give its instances: batch load first, then shares scaled down if over-committed.
    const allotted = new Map<string, number>();
    for (const inst of instances) allotted.set(inst.host, (allotted.get(inst.host) ?? 0) + spec(inst.service).coresPerInstance);
    const flowInstances: Array<FlowInstance & { host: string }> = instances.map((inst) => {
      const host = hostOf(inst.host);
      const free = host.cores * (1 - (hotRacks.get(host.rack) ?? 0));
      const scale = Math.min(1, free / (allotted.get(inst.host) ?? 1));
      const throttle = Math.max(world.throttle(inst.host), 1e-3);
      return {
        id: inst.id, service: inst.service, host: inst.host, up: !inst.crashed,
        shareCores: spec(inst.service).coresPerInstance * scale,
        serviceTimeFactor: (latency.get(inst.service) ?? 1) / throttle,
      };
    });
    const dependencyFactor = (name: DependencyName) => (name === 'postgresql' ? dbFactor : 1);
    const flow = computeFlow({ catalog, order, instances: flowInstances, entryRequests, dependencyFactor, dtSeconds, timeoutSeconds: config.requestTimeoutSeconds, random });

    const samples = new Map<string, LatencySample[]>();
    const traces: TracePlan[] = [];
    const ctx = {
      catalog, flow, instances: flowInstances, random, dependencyFactor,
      timeoutSeconds: config.requestTimeoutSeconds, connectTimeoutSeconds: config.connectTimeoutSeconds, serviceTimeSigma: config.serviceTimeSigma,
      record(instance: string, operation: string, sample: LatencySample) {
        const key = `${instance} ${operation}`;
        const list = samples.get(key) ?? [];
        if (list.length < config.maxLatencySamples) list.push(sample);
        samples.set(key, list);
      },
    };
    for (const op of catalog.entryOperations) {
      const trees = Math.min(entryRequests[op], config.samplesPerEntryOperation);
      // The first `picked` trees are traced: a uniform pick among the step's requests. A tree with
      // no root (its frontend instance down) was still picked: its request left no span to count.
      const picked = Math.min(trees, config.tracesPerEntryOperation);
      const samplingProbability = picked / entryRequests[op];
      for (let k = 0; k < trees; k++) {
        const startSeconds = nowSeconds + random.next() * dtSeconds;
        const root = planRequest(ctx, 'frontend', op, 0);
        if (root && k < picked) traces.push({ startSeconds, root, samplingProbability });
      }
    }

    const result: InstanceStep[] = flowInstances.map((inst) => {
      const f = flow.instances.get(inst.id);
      const operations = spec(inst.service).operations.map((op) => {
        const requests = f?.requests.get(op.name) ?? 0;
        return { operation: op.name, requests, errors: binomial(random, requests, f?.errorProbability.get(op.name) ?? 0), latencySamples: samples.get(`${inst.id} ${op.name}`) ?? [] };
      });
      const busy = f?.busyCores ?? 0;
      const memory = inst.up ? memoryOf(instances.find((i) => i.id === inst.id) as Instance) : 0;
      return { id: inst.id, service: inst.service, host: inst.host, up: inst.up, utilization: inst.shareCores > 0 ? busy / inst.shareCores : 0, busyCores: busy, memoryBytes: memory, operations };
    });

    hostLoad = new Map();
    const busyByHost = new Map<string, { cores: number; memory: number }>();
    for (const r of result) {
      const entry = busyByHost.get(r.host) ?? { cores: 0, memory: 0 };
      entry.cores += r.busyCores;
      entry.memory += r.memoryBytes;
      busyByHost.set(r.host, entry);
    }
    for (const h of hosts) {
      const batch = hotRacks.get(h.rack) ?? 0;
      const own = busyByHost.get(h.name);
      if (!own && batch === 0) continue;
      const cores = (own?.cores ?? 0) + batch * h.cores;
      hostLoad.set(h.name, { cpuUtilization: Math.min(1, cores / h.cores), memoryBytes: config.hostBaseMemoryBytes + (own?.memory ?? 0) });
    }
    const dependencies = catalog.dependencies.map((d) => {
      const state = flow.dependencies.get(d.name);
      const requests = state?.requests ?? 0;
      return { name: d.name, requests, errors: binomial(random, requests, state?.queue.errorProbability ?? 0), utilization: state?.queue.utilization ?? 0, meanWaitSeconds: state?.queue.meanWaitSeconds ?? 0 };
    });
    const stepEvents = events;
    events = [];
    return { entryRequests, instances: result, dependencies, traces, events: stepEvents };
  }

  function migrate(id: string, toHost: string): void {
    const inst = instances.find((i) => i.id === id);
    if (!inst) throw new Error(`shop: unknown instance '${id}'`);
    hostOf(toHost);
    event('migrate', inst.service, `${id} moved from ${inst.host} to ${toHost}`, id);
    Object.assign(inst, { host: toHost, crashed: false, leakedBytes: 0 });
  }

  return {
    step,
    hostLoad: () => new Map(hostLoad),
    instances: () => instances.map((i) => ({ id: i.id, service: i.service, host: i.host, up: !i.crashed, memoryBytes: memoryOf(i) })),
    faults() {
      const list: ActiveFault[] = [];
      for (const [s, f] of latency) list.push({ kind: 'latency-regression', target: s, value: f });
      if (dbFactor !== 1) list.push({ kind: 'slow-database', target: 'postgresql', value: dbFactor });
      if (spike) list.push({ kind: 'traffic-spike', target: 'frontend', value: spike.factor });
      for (const [s, b] of leaks) list.push({ kind: 'memory-leak', target: s, value: b });
      for (const [r, u] of hotRacks) list.push({ kind: 'hot-spot', target: r, value: u });
      return list;
    },
    latencyRegression: (service, factor) => void latency.set(spec(service).name, factor),
    slowDatabase: (factor) => void (dbFactor = factor),
    trafficSpike: (factor, durationSeconds) => void (spike = { factor, remainingSeconds: durationSeconds }),
    memoryLeak: (service, bytesPerSecond) => void leaks.set(spec(service).name, bytesPerSecond),
    hotSpot(rack, batchUtilization = 0.8) {
      if (!hosts.some((h) => h.rack === rack)) throw new Error(`shop: unknown rack '${rack}'`);
      hotRacks.set(rack, batchUtilization);
    },
    clearFaults() {
      latency.clear();
      leaks.clear();
      hotRacks.clear();
      dbFactor = 1;
      spike = undefined;
    },
    migrate,
    scale(service, count) {
      const s = spec(service);
      if (!Number.isInteger(count) || count < 1) throw new Error(`shop: instances must be a positive integer, got ${count}`);
      const mine = () => instances.filter((i) => i.service === service);
      event('scale', service, `${service} scaled from ${mine().length} to ${count} instances`);
      while (mine().length > count) instances.splice(instances.lastIndexOf(mine()[mine().length - 1]), 1);
      while (mine().length < count) {
        const n = Math.max(0, ...mine().map((i) => Number(i.id.slice(service.length + 1)))) + 1;
        const host = chooseHost(hosts, instances, service, (x) => spec(x).coresPerInstance);
        instances.push({ id: `${s.name}-${n}`, service, host, crashed: false, leakedBytes: 0 });
      }
    },
    restart(service) {
      spec(service);
      for (const inst of instances.filter((i) => i.service === service)) Object.assign(inst, { crashed: false, leakedBytes: 0 });
      event('restart', service, `${service} restarted`);
    },
    hosts: () => hosts.map((h) => ({ ...h })),
    addHost(host) {
      if (hosts.some((h) => h.name === host.name)) throw new Error(`shop: host '${host.name}' exists`);
      hosts.push({ ...host });
    },
    setLoadFactor(factor, service) {
      if (!(factor > 0 && Number.isFinite(factor))) throw new Error(`shop: load factor must be a positive number, got ${factor}`);
      if (service === undefined) return void (siteLoadFactor = factor);
      if (service !== ENTRY_SERVICE) throw new Error(`shop: '${service}' is not an entry service (${ENTRY_SERVICE})`);
      if (factor === 1) serviceLoadFactors.delete(service);
      else serviceLoadFactors.set(service, factor);
    },
    loadFactors: () => ({ site: siteLoadFactor, services: Object.fromEntries(serviceLoadFactors) }),
    moveLoad(fromRack, toRack, fraction) {
      const moves = planMove(hosts, instances, { fromRack, toRack, fraction }, (x) => spec(x).coresPerInstance);
      for (const m of moves) migrate(m.instance, m.toHost);
      return moves;
    },
  };
}
