/**
 * Small dense least squares: Cholesky factorisation of a symmetric positive definite matrix
 * (row-major n×n) and the solve with it. Ridge terms keep the normal equations definite.
 */

/** The lower factor L (row-major) with A = L Lᵀ, or undefined when A is not positive definite. */
export function choleskyFactor(a: Float64Array, n: number): Float64Array | undefined {
  const l = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      let sum = a[i * n + j];
      for (let k = 0; k < j; k++) sum -= l[i * n + k] * l[j * n + k];
      if (i === j) {
        if (!(sum > 0)) return undefined;
        l[i * n + i] = Math.sqrt(sum);
      } else {
        l[i * n + j] = sum / l[j * n + j];
      }
    }
  }
  return l;
}

/** Solves L Lᵀ x = b. */
export function choleskySolve(l: Float64Array, n: number, b: ArrayLike<number>): Float64Array {
  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let sum = b[i];
    for (let k = 0; k < i; k++) sum -= l[i * n + k] * y[k];
    y[i] = sum / l[i * n + i];
  }
  const x = new Float64Array(n);
  for (let i = n - 1; i >= 0; i--) {
    let sum = y[i];
    for (let k = i + 1; k < n; k++) sum -= l[k * n + i] * x[k];
    x[i] = sum / l[i * n + i];
  }
  return x;
}

/**
 * Ridge regression toward a prior: minimises Σ (y − Xθ)² + Σ λ_j (θ_j − μ_j)². Rows of `x` are
 * samples (p features each); undefined when the system is singular.
 */
export function ridgeFit(x: readonly number[][], y: readonly number[], lambda: readonly number[], mu: readonly number[]): Float64Array | undefined {
  const p = lambda.length;
  const a = new Float64Array(p * p);
  const b = new Float64Array(p);
  for (let r = 0; r < x.length; r++) {
    const row = x[r];
    for (let i = 0; i < p; i++) {
      b[i] += row[i] * y[r];
      for (let j = 0; j <= i; j++) a[i * p + j] += row[i] * row[j];
    }
  }
  for (let i = 0; i < p; i++) {
    for (let j = 0; j < i; j++) a[j * p + i] = a[i * p + j];
    a[i * p + i] += lambda[i];
    b[i] += lambda[i] * mu[i];
  }
  const l = choleskyFactor(a, p);
  return l && choleskySolve(l, p, b);
}

/** r² and rmse of predictions against observations (r² null when the observations do not vary). */
export function fitStatistics(observed: readonly number[], predicted: readonly number[]): { r2: number | null; rmse: number | null } {
  const n = observed.length;
  if (n === 0) return { r2: null, rmse: null };
  const mean = observed.reduce((s, v) => s + v, 0) / n;
  let ssRes = 0;
  let ssTot = 0;
  for (let i = 0; i < n; i++) {
    ssRes += (observed[i] - predicted[i]) ** 2;
    ssTot += (observed[i] - mean) ** 2;
  }
  return { r2: ssTot > 0 ? 1 - ssRes / ssTot : null, rmse: Math.sqrt(ssRes / n) };
}
