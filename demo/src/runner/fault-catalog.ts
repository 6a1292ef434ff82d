/**
 * The eight faults of the demo, their targets, default strengths and root-cause entity ids, and
 * the command-line spec `NAME[:TARGET]@TIME` (TIME a simulated offset such as 30s, 10m, 2h).
 * Pure: whether a target exists is checked by the simulation, which knows the layout.
 */

export const FAULT_NAMES = [
  'crac_failure',
  'fan_failure',
  'hot_spot',
  'memory_leak',
  'latency_regression',
  'slow_database',
  'traffic_spike',
  'host_crash',
] as const;

export type FaultName = (typeof FAULT_NAMES)[number];

/** What a fault's target names; `fixed` faults have one possible target, used when none is given. */
export type TargetKind = 'crac' | 'host' | 'rack' | 'service' | 'fixed';

export interface FaultKind {
  name: FaultName;
  target: TargetKind;
  /** The only target of a `fixed` fault. */
  fixedTarget?: string;
  description: string;
}

export const FAULT_CATALOG: Readonly<Record<FaultName, FaultKind>> = {
  crac_failure: { name: 'crac_failure', target: 'crac', description: 'compressor trip: the CRAC moves air but removes no heat' },
  fan_failure: { name: 'fan_failure', target: 'host', description: "a server's fans stop: its CPU heats and throttles" },
  hot_spot: { name: 'hot_spot', target: 'rack', description: "batch workload shifted onto one rack's servers" },
  memory_leak: { name: 'memory_leak', target: 'service', description: "a service's instances grow until killed for memory" },
  latency_regression: { name: 'latency_regression', target: 'service', description: 'a bad release: the service needs more CPU per request' },
  slow_database: { name: 'slow_database', target: 'fixed', fixedTarget: 'postgresql', description: 'PostgreSQL queries take longer' },
  traffic_spike: { name: 'traffic_spike', target: 'fixed', fixedTarget: 'frontend', description: 'a burst of shoppers for 15 simulated minutes' },
  host_crash: { name: 'host_crash', target: 'host', description: 'the host goes down until powered on' },
};

/** Strengths of the shop faults (chosen to show clearly within minutes of simulated time). */
export const FAULT_DEFAULTS = {
  /** CPU per request ×3: p95 latency rises without saturating at normal load. */
  latencyRegressionFactor: 3,
  slowDatabaseFactor: 5,
  trafficSpikeFactor: 2.5,
  trafficSpikeSeconds: 900,
  /** 512 KiB/s: a 192 MiB instance reaches its 4× limit in about 19 simulated minutes. */
  memoryLeakBytesPerSecond: 512 * 1024,
  hotSpotUtilization: 0.8,
};

export interface FaultSpec {
  fault: FaultName;
  target: string;
  /** Simulated seconds after the start. */
  atSeconds: number;
}

const UNIT_SECONDS: Record<string, number> = { s: 1, m: 60, h: 3600, d: 86_400 };

/** `30s`, `10m`, `1.5h`, `2d` or a bare number of seconds; throws naming the text. */
export function parseSimulatedDuration(text: string): number {
  const match = /^(\d+(?:\.\d+)?)([smhd]?)$/.exec(text.trim());
  if (!match) throw new Error(`invalid time '${text}': expected a number with unit s, m, h or d, e.g. 30s, 10m, 2h`);
  return Number(match[1]) * UNIT_SECONDS[match[2] || 's'];
}

export function isFaultName(name: string): name is FaultName {
  return (FAULT_NAMES as readonly string[]).includes(name);
}

/**
 * The target a fault acts on: given, or the fixed one. Throws for an unknown fault name, a
 * missing target, or a target a fixed-target fault does not accept.
 */
export function resolveFaultTarget(fault: string, target: string | undefined): { fault: FaultName; target: string } {
  if (!isFaultName(fault)) throw new Error(`unknown fault '${fault}': expected one of ${FAULT_NAMES.join(', ')}`);
  const kind = FAULT_CATALOG[fault];
  if (kind.target === 'fixed') {
    if (target !== undefined && target !== '' && target !== kind.fixedTarget) {
      throw new Error(`fault '${fault}' acts on '${kind.fixedTarget}' only, got target '${target}'`);
    }
    return { fault, target: kind.fixedTarget as string };
  }
  if (target === undefined || target === '') throw new Error(`fault '${fault}' needs a ${kind.target} target, e.g. ${fault}:${example(kind.target)}`);
  return { fault, target };
}

/** Parses `NAME[:TARGET]@TIME`, e.g. `crac_failure:crac-a1@10m`; errors name the spec. */
export function parseFaultSpec(spec: string): FaultSpec {
  const at = spec.lastIndexOf('@');
  if (at < 0) throw new Error(`fault spec '${spec}': missing '@TIME' (expected NAME[:TARGET]@TIME, e.g. crac_failure:crac-a1@10m)`);
  const head = spec.slice(0, at);
  const colon = head.indexOf(':');
  const name = colon < 0 ? head : head.slice(0, colon);
  const target = colon < 0 ? undefined : head.slice(colon + 1);
  try {
    return { ...resolveFaultTarget(name, target), atSeconds: parseSimulatedDuration(spec.slice(at + 1)) };
  } catch (error) {
    throw new Error(`fault spec '${spec}': ${(error as Error).message}`);
  }
}

/** The collector's entity id of what a fault breaks (the ground-truth root cause). */
export function rootCauseOf(fault: FaultName, target: string, siteId = 'dc1'): string {
  switch (FAULT_CATALOG[fault].target) {
    case 'crac':
      return `crac:${siteId}/${target}`;
    case 'host':
      return `host:${target}`;
    case 'rack':
      return `rack:${siteId}/${target}`;
    case 'service':
      return `service:shop/${target}`;
    case 'fixed':
      // PostgreSQL sends no spans: the collector names it from db.system.name / db.namespace.
      return fault === 'slow_database' ? 'database:postgresql/shop' : `service:shop/${target}`;
  }
}

function example(kind: TargetKind): string {
  return { crac: 'crac-a1', host: 'r01-s1', rack: 'r01', service: 'cart', fixed: '' }[kind];
}
