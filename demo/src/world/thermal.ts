import { SLOT_PITCH_U } from './layout';
import type { DataCenterLayout } from './layout';

/**
 * Air-side thermal laws: first-order lags and hot-air recirculation into server inlets.
 *
 * Recirculation into host h: L_h = height(h) · end(rack(h)) · Σ_j K(rack(h), j) · P_j, where P_j is
 * the power of rack j in kW and K a kernel over the racks of the same room; the inlet rise is
 * L_h + β · L_h² (the quadratic term: hot plumes spread further when strong). The twin fits a
 * linear matrix, so this term is what it cannot capture exactly.
 */

/** Kernel K in K per kW of rack power: itself, adjacent racks, further in the row, the other row. */
export const KERNEL_SELF = 0.7;
export const KERNEL_ADJACENT = 0.25;
export const KERNEL_SAME_ROW = 0.1;
export const KERNEL_FACING = 0.08;
export const KERNEL_OTHER_ROW = 0.03;
/** Row-end racks get hot air curling round the end of the row. */
export const ROW_END_FACTOR = 1.4;
/** Slot s (1 = bottom .. 7 = top): higher servers breathe more exhaust air. */
export const slotFactor = (slot: number): number => 0.5 + 0.15 * (slot - 1);
/** The slot-equivalent height of a server from its rack unit: s1..s7 keep their slot, added servers fall in between. */
export const heightLevel = (positionU: number): number => 1 + (positionU - 1) / SLOT_PITCH_U;
/** β of the quadratic recirculation term, per K. */
export const RECIRCULATION_QUADRATIC_PER_KELVIN = 0.04;

/** Per host, coefficients (K per W) on each rack's power. */
export type RecirculationKernel = Float64Array[];

export function buildRecirculationKernel(layout: DataCenterLayout): RecirculationKernel {
  return layout.hosts.map((host) => {
    const own = layout.racks[host.rackIndex];
    const weight = slotFactor(heightLevel(host.positionU)) * (own.rowEnd ? ROW_END_FACTOR : 1);
    const row = new Float64Array(layout.racks.length);
    for (const rack of layout.racks) {
      if (rack.roomId !== own.roomId) continue;
      let k = KERNEL_OTHER_ROW;
      const distance = Math.abs(rack.indexInRow - own.indexInRow);
      if (rack.rowId === own.rowId) k = distance === 0 ? KERNEL_SELF : distance === 1 ? KERNEL_ADJACENT : KERNEL_SAME_ROW;
      else if (distance === 0) k = KERNEL_FACING;
      row[rack.index] = (weight * k) / 1000;
    }
    return row;
  });
}

/** The inlet temperature rise of host `hostIndex` above the room supply, for rack powers in W. */
export function recirculationKelvin(kernel: RecirculationKernel, hostIndex: number, rackPowerWatts: ArrayLike<number>): number {
  const row = kernel[hostIndex];
  let linear = 0;
  for (let j = 0; j < row.length; j++) linear += row[j] * rackPowerWatts[j];
  return linear + RECIRCULATION_QUADRATIC_PER_KELVIN * linear * linear;
}

/**
 * One step of a first-order lag τ·dx/dt = target − x, discretised exactly for a target held over
 * the step: after τ of a step change, 1 − e^−1 of the change is done, whatever dt.
 */
export function lag(value: number, target: number, dtSeconds: number, timeConstantSeconds: number): number {
  if (timeConstantSeconds <= 0) return target;
  return target + (value - target) * Math.exp(-dtSeconds / timeConstantSeconds);
}
