import { activeFaults, applyWorldEvent } from '../world';
import type { WorldState } from '../world';
import type { ServiceName, Shop } from '../shop';
import { FAULT_CATALOG, FAULT_DEFAULTS, resolveFaultTarget, rootCauseOf } from './fault-catalog';
import type { FaultName } from './fault-catalog';
import { simulationError } from './simulation-types';
import type { FaultRecord } from './simulation-types';

/** What the book needs from the running simulation. */
export interface FaultBookContext {
  world(): WorldState;
  setWorld(state: WorldState): void;
  shop: Shop;
  services: ReadonlySet<string>;
  nowSeconds(): number;
  startEpochSeconds: number;
}

export interface FaultBook {
  /** Throws (invalid_argument / not_found) unless the fault and target exist. */
  check(fault: string, target?: string): { fault: FaultName; target: string };
  inject(fault: string, target?: string): FaultRecord;
  clear(id: string): FaultRecord;
  /** Ends the faults a command repaired (a restart ends its service's memory leak). */
  endWhere(match: (record: FaultRecord) => boolean): void;
  active(): FaultRecord[];
}

interface Entry extends FaultRecord {
  sinceSeconds: number;
  ended: boolean;
}

const WORLD_FAULTS: ReadonlySet<FaultName> = new Set<FaultName>(['crac_failure', 'fan_failure', 'host_crash']);

/**
 * The faults in force. Physical faults live in the world state (an actuator such as host power-on
 * ends a crash there), so their activity is read back from it; shop faults are rebuilt into the
 * shop from this book whenever one ends, since the shop can only clear all at once.
 */
export function createFaultBook(ctx: FaultBookContext): FaultBook {
  let entries: Entry[] = [];
  let nextId = 1;

  const isActive = (e: Entry): boolean => {
    if (e.ended) return false;
    if (WORLD_FAULTS.has(e.fault)) return activeFaults(ctx.world()).includes(`${e.fault}:${e.target}`);
    if (e.fault === 'traffic_spike') return ctx.nowSeconds() < e.sinceSeconds + FAULT_DEFAULTS.trafficSpikeSeconds;
    return true;
  };
  const live = (): Entry[] => (entries = entries.filter(isActive));
  const record = (e: Entry): FaultRecord => ({ id: e.id, fault: e.fault, target: e.target, rootCause: e.rootCause, since: e.since });

  function checkTarget(fault: FaultName, target: string): void {
    const { model } = ctx.world();
    const kind = FAULT_CATALOG[fault].target;
    const known =
      kind === 'crac' ? model.cracIndex.has(target)
        : kind === 'host' ? model.hostIndex.has(target)
          : kind === 'rack' ? model.layout.racks.some((r) => r.id === target)
            : kind === 'service' ? ctx.services.has(target)
              : true;
    if (!known) throw simulationError('not_found', `fault '${fault}': unknown ${kind} '${target}'`);
  }

  function rebuildShopFaults(): void {
    const { shop } = ctx;
    shop.clearFaults();
    for (const e of live()) {
      const service = e.target as ServiceName;
      switch (e.fault) {
        case 'hot_spot': shop.hotSpot(e.target, FAULT_DEFAULTS.hotSpotUtilization); break;
        case 'memory_leak': shop.memoryLeak(service, FAULT_DEFAULTS.memoryLeakBytesPerSecond); break;
        case 'latency_regression': shop.latencyRegression(service, FAULT_DEFAULTS.latencyRegressionFactor); break;
        case 'slow_database': shop.slowDatabase(FAULT_DEFAULTS.slowDatabaseFactor); break;
        case 'traffic_spike':
          shop.trafficSpike(FAULT_DEFAULTS.trafficSpikeFactor, e.sinceSeconds + FAULT_DEFAULTS.trafficSpikeSeconds - ctx.nowSeconds());
          break;
        default: break;
      }
    }
  }

  function check(name: string, given?: string): { fault: FaultName; target: string } {
    let resolved: { fault: FaultName; target: string };
    try {
      resolved = resolveFaultTarget(name, given);
    } catch (error) {
      throw simulationError('invalid_argument', (error as Error).message);
    }
    checkTarget(resolved.fault, resolved.target);
    return resolved;
  }

  function inject(name: string, given?: string): FaultRecord {
    const { fault, target } = check(name, given);
    const existing = live().find((e) => e.fault === fault && e.target === target);
    if (existing) return record(existing);
    const now = ctx.nowSeconds();
    const entry: Entry = {
      id: `f${nextId++}`, fault, target, rootCause: rootCauseOf(fault, target),
      since: ctx.startEpochSeconds + now, sinceSeconds: now, ended: false,
    };
    if (fault === 'crac_failure') ctx.setWorld(applyWorldEvent(ctx.world(), { kind: 'crac_failure', crac: target }));
    if (fault === 'fan_failure') ctx.setWorld(applyWorldEvent(ctx.world(), { kind: 'fan_failure', host: target }));
    if (fault === 'host_crash') ctx.setWorld(applyWorldEvent(ctx.world(), { kind: 'host_crash', host: target }));
    entries.push(entry);
    if (!WORLD_FAULTS.has(fault)) rebuildShopFaults();
    return record(entry);
  }

  function clear(id: string): FaultRecord {
    const entry = live().find((e) => e.id === id);
    if (!entry) throw simulationError('not_found', `no fault in force with id '${id}'`);
    if (entry.fault === 'crac_failure') ctx.setWorld(applyWorldEvent(ctx.world(), { kind: 'crac_repair', crac: entry.target }));
    if (entry.fault === 'fan_failure') ctx.setWorld(applyWorldEvent(ctx.world(), { kind: 'fan_repair', host: entry.target }));
    if (entry.fault === 'host_crash') ctx.setWorld(applyWorldEvent(ctx.world(), { kind: 'host_power', host: entry.target, on: true }));
    entry.ended = true;
    if (!WORLD_FAULTS.has(entry.fault)) rebuildShopFaults();
    return record(entry);
  }

  return {
    check,
    inject,
    clear,
    endWhere(match) {
      const hit = live().filter((e) => match(record(e)));
      hit.forEach((e) => (e.ended = true));
      if (hit.some((e) => !WORLD_FAULTS.has(e.fault))) rebuildShopFaults();
    },
    active: () => live().map(record),
  };
}
