import type { Random } from '../random';

/**
 * Discrete and continuous draws the shop needs, built on the seeded `Random`. Large counts use the
 * normal approximation: exact per-event loops would cost O(count) per step at thousands of
 * requests per second, and the approximation is indistinguishable at those sizes.
 */

/** Poisson count with the given mean (Knuth below 30, rounded normal above). */
export function poisson(random: Random, mean: number): number {
  if (!(mean > 0)) return 0;
  if (mean < 30) {
    const limit = Math.exp(-mean);
    let k = 0;
    let product = random.next();
    while (product > limit) {
      k++;
      product *= random.next();
    }
    return k;
  }
  return Math.max(0, Math.round(mean + Math.sqrt(mean) * random.normal()));
}

/** Binomial count of successes in `n` trials of probability `p` (loop below 30 trials, else normal). */
export function binomial(random: Random, n: number, p: number): number {
  if (n <= 0 || p <= 0) return 0;
  if (p >= 1) return n;
  if (n < 30) {
    let k = 0;
    for (let i = 0; i < n; i++) if (random.next() < p) k++;
    return k;
  }
  const mean = n * p;
  const draw = Math.round(mean + Math.sqrt(mean * (1 - p)) * random.normal());
  return Math.min(n, Math.max(0, draw));
}

/** Number of calls for one request at a call ratio: floor(ratio) plus one more with probability frac(ratio). */
export function callCount(random: Random, ratio: number): number {
  const whole = Math.floor(ratio);
  return whole + (random.next() < ratio - whole ? 1 : 0);
}

/** Calls made by `requests` requests at a call ratio: expectation requests × ratio. */
export function fanOut(random: Random, requests: number, ratio: number): number {
  const whole = Math.floor(ratio);
  return requests * whole + binomial(random, requests, ratio - whole);
}

/** Exponential with the given mean. */
export function exponential(random: Random, mean: number): number {
  return -Math.log(1 - random.next()) * mean;
}

/** Log-normal factor with mean 1 and the given sigma of the underlying normal. */
export function lognormalFactor(random: Random, sigma: number): number {
  return Math.exp(sigma * random.normal() - (sigma * sigma) / 2);
}

/** Splits `total` over weights (multinomial by successive binomials); weights need not sum to 1. */
export function split(random: Random, total: number, weights: readonly number[]): number[] {
  const result: number[] = [];
  let remaining = total;
  let weightLeft = weights.reduce((sum, w) => sum + w, 0);
  for (const w of weights) {
    const k = weightLeft > 0 ? binomial(random, remaining, w / weightLeft) : 0;
    result.push(k);
    remaining -= k;
    weightLeft -= w;
  }
  return result;
}

/** Index drawn with probability proportional to its weight (-1 when all weights are 0). */
export function pickWeighted(random: Random, weights: readonly number[]): number {
  const total = weights.reduce((sum, w) => sum + w, 0);
  if (!(total > 0)) return -1;
  let u = random.next() * total;
  for (let i = 0; i < weights.length; i++) {
    u -= weights[i];
    if (u < 0) return i;
  }
  return weights.length - 1;
}
