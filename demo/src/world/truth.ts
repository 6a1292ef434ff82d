import { activeFaults } from './world-events';
import { isUp } from './world-state';
import type { WorldState } from './world-state';

/** Plain JSON-serialisable ground truth of one instant (the demo writes it as JSONL). */
export interface WorldTruth {
  timeSeconds: number;
  hosts: {
    name: string;
    rack: string;
    up: boolean;
    utilization: number;
    powerWatts: number;
    fanSpeedRatio: number;
    throttleFactor: number;
    inletCelsius: number;
    /** What the inlet sensor reads before noise (it lags the air by its own τ). */
    sensedInletCelsius: number;
    cpuCelsius: number;
  }[];
  racks: { id: string; powerWatts: number; inletCelsius: number; maxInletCelsius: number }[];
  rooms: { id: string; supplyCelsius: number; returnCelsius: number; itPowerWatts: number }[];
  cracs: {
    id: string;
    room: string;
    failed: boolean;
    setpointCelsius: number;
    fanSpeedRatio: number;
    supplyCelsius: number;
    /** What the supply sensor reads before noise. */
    sensedSupplyCelsius: number;
    loadWatts: number;
    capacityWatts: number;
    powerWatts: number;
  }[];
  pdus: { id: string; loadWatts: number; capacityWatts: number; loadRatio: number }[];
  totals: { itPowerWatts: number; coolingPowerWatts: number; pue: number };
  /** `kind:target` of every fault in force. */
  faults: string[];
}

/** Snapshots the true state. Rack inlet = mean of its servers' inlets. PUE = (IT + cooling) / IT. */
export function worldTruth(state: WorldState): WorldTruth {
  const { layout } = state.model;
  const hosts = state.hosts.map((h, i) => ({
    name: layout.hosts[i].name,
    rack: layout.hosts[i].rackId,
    up: isUp(h),
    utilization: h.utilization,
    powerWatts: h.powerWatts,
    fanSpeedRatio: h.fanSpeedRatio,
    throttleFactor: h.throttleFactor,
    inletCelsius: h.inletCelsius,
    sensedInletCelsius: h.sensedInletCelsius,
    cpuCelsius: h.cpuCelsius,
  }));
  const racks = layout.racks.map((rack) => {
    const members = rack.hostIndexes.map((i) => hosts[i]);
    return {
      id: rack.id,
      powerWatts: sum(members.map((h) => h.powerWatts)),
      inletCelsius: sum(members.map((h) => h.inletCelsius)) / members.length,
      maxInletCelsius: Math.max(...members.map((h) => h.inletCelsius)),
    };
  });
  const rackPower = new Map(racks.map((r) => [r.id, r.powerWatts]));
  const itPowerWatts = sum(hosts.map((h) => h.powerWatts));
  const coolingPowerWatts = sum(state.cracs.map((c) => c.powerWatts));
  return {
    timeSeconds: state.timeSeconds,
    hosts,
    racks,
    rooms: layout.rooms.map((room, r) => ({ id: room.id, ...state.rooms[r] })),
    cracs: layout.cracs.map((crac, i) => {
      const c = state.cracs[i];
      return {
        id: crac.id,
        room: crac.roomId,
        failed: c.failed,
        setpointCelsius: c.setpointCelsius,
        fanSpeedRatio: c.fanSpeedRatio,
        supplyCelsius: c.supplyCelsius,
        sensedSupplyCelsius: c.sensedSupplyCelsius,
        loadWatts: c.loadWatts,
        capacityWatts: crac.capacityWatts,
        powerWatts: c.powerWatts,
      };
    }),
    pdus: layout.pdus.map((pdu) => {
      const load = sum(pdu.powers.map((id) => rackPower.get(id) ?? 0));
      return { id: pdu.id, loadWatts: load, capacityWatts: pdu.capacityWatts, loadRatio: load / pdu.capacityWatts };
    }),
    totals: { itPowerWatts, coolingPowerWatts, pue: itPowerWatts > 0 ? (itPowerWatts + coolingPowerWatts) / itPowerWatts : 0 },
    faults: activeFaults(state),
  };
}

const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
