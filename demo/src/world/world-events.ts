import { indexOf } from './world-state';
import type { CracState, HostState, WorldState } from './world-state';

/**
 * Faults and actuator commands on the physical world. A hot spot is not here: the shop makes it
 * by moving workload, and the physics sees it through host utilization.
 */
export type WorldEvent =
  /** Compressor trip: the unit still moves air but removes no heat. */
  | { kind: 'crac_failure'; crac: string }
  | { kind: 'crac_repair'; crac: string }
  | { kind: 'fan_failure'; host: string }
  | { kind: 'fan_repair'; host: string }
  /** The host goes down (power to standby) until powered on. */
  | { kind: 'host_crash'; host: string }
  /** Actuator: power a host off or on (on also recovers a crashed host). */
  | { kind: 'host_power'; host: string; on: boolean }
  | { kind: 'crac_setpoint'; crac: string; celsius: number }
  /** Actuator: CRAC fan speed 0..1 (airflow and capacity scale with it). */
  | { kind: 'crac_fan_speed'; crac: string; ratio: number };

/** Applies one event; pure. Unknown ids and out-of-range values throw with a message naming them. */
export function applyWorldEvent(state: WorldState, event: WorldEvent): WorldState {
  switch (event.kind) {
    case 'crac_failure':
    case 'crac_repair':
      return withCrac(state, event.crac, { failed: event.kind === 'crac_failure' });
    case 'crac_setpoint':
      if (!Number.isFinite(event.celsius) || event.celsius < 10 || event.celsius > 35) {
        throw new Error(`crac_setpoint.celsius: must be between 10 and 35, got ${event.celsius}`);
      }
      return withCrac(state, event.crac, { setpointCelsius: event.celsius });
    case 'crac_fan_speed':
      if (!(event.ratio >= 0 && event.ratio <= 1)) throw new Error(`crac_fan_speed.ratio: must be between 0 and 1, got ${event.ratio}`);
      return withCrac(state, event.crac, { fanSpeedRatio: event.ratio });
    case 'fan_failure':
    case 'fan_repair':
      return withHost(state, event.host, { fanFailed: event.kind === 'fan_failure' });
    case 'host_crash':
      return withHost(state, event.host, { crashed: true });
    case 'host_power':
      return withHost(state, event.host, event.on ? { poweredOn: true, crashed: false } : { poweredOn: false });
  }
}

/** The faults in force, as `kind:target` strings (root causes for ground truth). */
export function activeFaults(state: WorldState): string[] {
  const { layout } = state.model;
  return [
    ...state.cracs.flatMap((c, i) => (c.failed ? [`crac_failure:${layout.cracs[i].id}`] : [])),
    ...state.hosts.flatMap((h, i) => [
      ...(h.fanFailed ? [`fan_failure:${layout.hosts[i].name}`] : []),
      ...(h.crashed ? [`host_crash:${layout.hosts[i].name}`] : []),
    ]),
  ];
}

function withCrac(state: WorldState, id: string, change: Partial<CracState>): WorldState {
  const i = indexOf(state.model.cracIndex, id, 'crac');
  return { ...state, cracs: state.cracs.map((c, j) => (j === i ? { ...c, ...change } : c)) };
}

function withHost(state: WorldState, name: string, change: Partial<HostState>): WorldState {
  const i = indexOf(state.model.hostIndex, name, 'host');
  return { ...state, hosts: state.hosts.map((h, j) => (j === i ? { ...h, ...change } : h)) };
}
