/** Small order statistics used by the anomaly evidence and the correlation; NaN values are skipped. */

/** Present (non-NaN) values only. */
export function present(values: readonly number[]): number[] {
  return values.filter((v) => !Number.isNaN(v));
}

/** Median of the present values; NaN when there are none. */
export function median(values: readonly number[]): number {
  const xs = present(values).sort((a, b) => a - b);
  if (xs.length === 0) return NaN;
  const mid = xs.length >> 1;
  return xs.length % 2 === 1 ? xs[mid] : (xs[mid - 1] + xs[mid]) / 2;
}

/** Level (median) and scale of a sample, the scale comparable to a standard deviation. */
export interface RobustLevel {
  level: number;
  scale: number;
}

/**
 * Median and a robust scale. The scale is 1.4826·MAD (a standard deviation under normality); when
 * more than half the samples are equal (an availability pinned at 100 %) the MAD is 0, so the mean
 * absolute deviation from the median (×1.2533, same calibration) takes over; when that is 0 too,
 * 0.1 % of the level (or 1e-9) stops a constant reference from making every change infinite.
 */
export function robustLevel(values: readonly number[]): RobustLevel {
  const xs = present(values);
  const level = median(xs);
  if (xs.length === 0) return { level: NaN, scale: NaN };
  const deviations = xs.map((x) => Math.abs(x - level));
  const mad = 1.4826 * median(deviations);
  if (mad > 0) return { level, scale: mad };
  const meanAbs = (1.2533 * deviations.reduce((s, d) => s + d, 0)) / xs.length;
  if (meanAbs > 0) return { level, scale: meanAbs };
  return { level, scale: Math.max(1e-3 * Math.abs(level), 1e-9) };
}

/** Pearson correlation of paired samples (pairs with a NaN dropped); NaN when fewer than 3 pairs or a side is constant. */
export function pearson(xs: readonly number[], ys: readonly number[]): number {
  const a: number[] = [];
  const b: number[] = [];
  for (let i = 0; i < Math.min(xs.length, ys.length); i++) {
    if (Number.isNaN(xs[i]) || Number.isNaN(ys[i])) continue;
    a.push(xs[i]);
    b.push(ys[i]);
  }
  if (a.length < 3) return NaN;
  const ma = a.reduce((s, v) => s + v, 0) / a.length;
  const mb = b.reduce((s, v) => s + v, 0) / b.length;
  let sab = 0;
  let saa = 0;
  let sbb = 0;
  for (let i = 0; i < a.length; i++) {
    sab += (a[i] - ma) * (b[i] - mb);
    saa += (a[i] - ma) ** 2;
    sbb += (b[i] - mb) ** 2;
  }
  if (saa === 0 || sbb === 0) return NaN;
  return sab / Math.sqrt(saa * sbb);
}
