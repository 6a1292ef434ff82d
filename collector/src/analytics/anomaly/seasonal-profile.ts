/**
 * One seasonal profile: the typical value at each phase of a cycle (a day or a week), learned
 * online per phase bin from the point's timestamp, so irregular sampling and gaps do not shift
 * the phase. The number of bins is capped, so a fine resolution shares bins rather than growing.
 */

export class SeasonalProfile {
  private readonly values: Float32Array;
  private readonly binMs: number;

  constructor(
    private readonly periodMs: number,
    bins: number,
    private readonly alpha: number,
  ) {
    this.values = new Float32Array(bins).fill(Number.NaN);
    this.binMs = periodMs / bins;
  }

  /** The profile's value at time t, or NaN until that phase has been seen. */
  predict(t: number): number {
    return this.values[this.bin(t)];
  }

  learn(t: number, v: number): void {
    const b = this.bin(t);
    const old = this.values[b];
    this.values[b] = Number.isNaN(old) ? v : old + this.alpha * (v - old);
  }

  get bytes(): number {
    return this.values.byteLength;
  }

  private bin(t: number): number {
    const phase = ((t % this.periodMs) + this.periodMs) % this.periodMs;
    return Math.min(this.values.length - 1, Math.floor(phase / this.binMs));
  }
}

/** Bins for a cycle of `periodMs` sampled every `stepMs`: one per sample, capped at `maxBins`; 0 when the cycle is too short to model. */
export function seasonalBins(periodMs: number, stepMs: number, maxBins: number): number {
  const perCycle = Math.round(periodMs / stepMs);
  return perCycle < 4 ? 0 : Math.min(perCycle, maxBins);
}
