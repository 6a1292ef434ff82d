import type { EntityViolation, FloorRack, FloorServer, Prediction } from '../model';

/** A simulation result laid over a view at the time slider's position. */
export interface Overlay {
  /** Entity → signal → baseline and predicted values at the chosen time. */
  prediction: Map<string, Map<string, Prediction>>;
  violations: Map<string, EntityViolation[]>;
  /** The simulation's start (epoch ms), so onsets read as "+N min". */
  start: number;
  /** true: the scenario's values (after); false: the baseline's (before). */
  after: boolean;
}

// The simulation's signal names (collector/src/simulate/engine): host inlet and power, rack power.
const INLET = 'inlet.temperature';
const HOST_POWER = 'hw.host.power';
const RACK_POWER = 'rack.power';

function valueOf(overlay: Overlay, entity: string, signal: string): number | undefined {
  const p = overlay.prediction.get(entity)?.get(signal);
  return p === undefined ? undefined : overlay.after ? p.predicted : p.baseline;
}

/** The rack as the overlay predicts it: servers' inlet and power, the rack's power and headroom. */
export function overlaidRack(rack: FloorRack, overlay: Overlay | undefined): FloorRack {
  if (!overlay) {
    return rack;
  }
  let powerDelta = 0;
  const servers: FloorServer[] = rack.servers.map((s) => {
    const inlet = valueOf(overlay, s.id, INLET);
    const power = valueOf(overlay, s.id, HOST_POWER);
    if (power !== undefined && s.powerWatts !== undefined) {
      powerDelta += power - s.powerWatts;
    }
    return { ...s, inletCelsius: inlet ?? s.inletCelsius, powerWatts: power ?? s.powerWatts };
  });
  const inlets = servers.map((s) => s.inletCelsius).filter((v): v is number => v !== undefined);
  const inletCelsius =
    inlets.length > 0 ? Math.max(...inlets) : (valueOf(overlay, rack.id, INLET) ?? rack.inletCelsius);
  const rackPower = valueOf(overlay, rack.id, RACK_POWER);
  const powerWatts = rackPower ?? (rack.powerWatts === undefined ? undefined : rack.powerWatts + powerDelta);
  const headroomWatts =
    rack.capacityWatts !== undefined && powerWatts !== undefined ? rack.capacityWatts - powerWatts : rack.headroomWatts;
  return { ...rack, servers, inletCelsius, powerWatts, headroomWatts };
}

/** The violations of the rack itself and of its servers, earliest first. */
export function rackViolations(rack: FloorRack, overlay: Overlay | undefined): EntityViolation[] {
  if (!overlay) {
    return [];
  }
  const ids = [rack.id, ...rack.servers.map((s) => s.id)];
  return ids.flatMap((id) => overlay.violations.get(id) ?? []).sort((a, b) => a.onset - b.onset);
}

/** An onset as minutes after the simulation's start. */
export function formatOnset(onset: number, start: number): string {
  return `+${Math.max(0, Math.round((onset - start) / 60000))} min`;
}
