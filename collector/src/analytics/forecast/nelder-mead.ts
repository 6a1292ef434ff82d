/**
 * A small derivative-free minimiser (Nelder–Mead simplex) for fitting smoothing parameters:
 * the one-step error of a smoothing model is not differentiable in closed form, has a handful of
 * parameters and is cheap to evaluate, which is the case this method suits.
 */

export interface MinimizeOptions {
  /** Stop after this many objective evaluations. */
  maxEvaluations?: number;
  /** Stop once the simplex's objective values span less than this (relative to their size). */
  tolerance?: number;
  /** Initial simplex edge along each axis. */
  step?: number;
}

export interface MinimizeResult {
  point: number[];
  value: number;
  evaluations: number;
}

/** Minimises `objective` from `start` with the standard coefficients (reflect 1, expand 2, contract ½, shrink ½). */
export function minimize(objective: (x: number[]) => number, start: number[], options: MinimizeOptions = {}): MinimizeResult {
  const maxEvaluations = options.maxEvaluations ?? 200 * start.length;
  const tolerance = options.tolerance ?? 1e-8;
  const step = options.step ?? 0.1;
  const n = start.length;
  let evaluations = 0;
  const evaluate = (x: number[]): number => {
    evaluations++;
    const v = objective(x);
    // A NaN would break the ordering; treat it as the worst possible value.
    return Number.isNaN(v) ? Infinity : v;
  };
  const simplex: number[][] = [start.slice()];
  for (let i = 0; i < n; i++) {
    const p = start.slice();
    p[i] += step;
    simplex.push(p);
  }
  const values = simplex.map(evaluate);
  while (evaluations < maxEvaluations) {
    order(simplex, values);
    const best = values[0];
    const worst = values[n];
    if (Math.abs(worst - best) <= tolerance * (Math.abs(best) + tolerance)) break;
    const centroid = new Array<number>(n).fill(0);
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) centroid[j] += simplex[i][j] / n;
    const along = (t: number) => centroid.map((c, j) => c + t * (simplex[n][j] - c));
    const reflected = along(-1);
    const fr = evaluate(reflected);
    if (fr < values[0]) {
      const expanded = along(-2);
      const fe = evaluate(expanded);
      replaceWorst(simplex, values, fe < fr ? expanded : reflected, Math.min(fe, fr));
    } else if (fr < values[n - 1]) {
      replaceWorst(simplex, values, reflected, fr);
    } else {
      const contracted = fr < worst ? along(-0.5) : along(0.5);
      const fc = evaluate(contracted);
      if (fc < Math.min(fr, worst)) {
        replaceWorst(simplex, values, contracted, fc);
      } else {
        for (let i = 1; i <= n; i++) {
          simplex[i] = simplex[i].map((v, j) => simplex[0][j] + 0.5 * (v - simplex[0][j]));
          values[i] = evaluate(simplex[i]);
        }
      }
    }
  }
  order(simplex, values);
  return { point: simplex[0], value: values[0], evaluations };
}

function replaceWorst(simplex: number[][], values: number[], point: number[], value: number): void {
  simplex[simplex.length - 1] = point;
  values[values.length - 1] = value;
}

function order(simplex: number[][], values: number[]): void {
  const idx = values.map((_, i) => i).sort((a, b) => values[a] - values[b]);
  const s = idx.map((i) => simplex[i]);
  const v = idx.map((i) => values[i]);
  for (let i = 0; i < idx.length; i++) {
    simplex[i] = s[i];
    values[i] = v[i];
  }
}
