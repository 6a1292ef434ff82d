/**
 * The upper tail of the standard normal distribution on a log scale, accurate far into the tail
 * where Q(z) itself would underflow: log10 Q(z) from the complementary error function in the
 * Chebyshev-fitted form of Press et al. (fractional error below 1.2e-7 everywhere).
 */

const LN10 = Math.log(10);

/** ln erfc(x) for x >= 0. */
function logErfc(x: number): number {
  const t = 1 / (1 + 0.5 * x);
  const poly =
    -1.26551223 +
    t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277))))))));
  return Math.log(t) - x * x + poly;
}

/** log10 of P(Z > z) for a standard normal Z. */
export function log10NormalTail(z: number): number {
  if (z >= 0) return (logErfc(z / Math.SQRT2) - Math.LN2) / LN10;
  // Q(z) = 1 − Q(−z) for negative z, where it lies between 0.5 and 1.
  return Math.log10(1 - Math.exp(logErfc(-z / Math.SQRT2) - Math.LN2));
}
