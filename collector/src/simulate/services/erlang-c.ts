/**
 * M/M/c queue formulas: c servers each of rate μ = 1/s, Poisson arrivals of rate λ, offered load
 * a = λ/μ erlangs, utilization ρ = a/c. Erlang C is computed from Erlang B by its recurrence
 * B(0) = 1, B(k) = a·B(k−1) / (k + a·B(k−1)), then C = B / (1 − ρ·(1 − B)): no factorials or
 * powers, so it stays finite for hundreds of servers. Fractional server counts (a share of a
 * host) are rounded down, at least 1.
 */

/** Probability that an arrival has to wait (Erlang C); 1 at or beyond capacity, 0 with no load. */
export function erlangC(servers: number, offeredLoadErlangs: number): number {
  const c = Math.max(1, Math.floor(servers));
  const a = offeredLoadErlangs;
  if (!(a > 0)) return 0;
  if (a >= c) return 1;
  let blocking = 1;
  for (let k = 1; k <= c; k++) blocking = (a * blocking) / (k + a * blocking);
  return blocking / (1 - (a / c) * (1 - blocking));
}

/** Mean wait in the queue Wq = C / (c·μ − λ) (s); Infinity at or beyond capacity. */
export function mmcMeanWaitSeconds(servers: number, arrivalsPerSecond: number, serviceSeconds: number): number {
  const c = Math.max(1, Math.floor(servers));
  const headroom = c / serviceSeconds - arrivalsPerSecond;
  if (!(headroom > 0)) return Infinity;
  return erlangC(c, arrivalsPerSecond * serviceSeconds) / headroom;
}

/**
 * Mean time in the system over the service time, (Wq + s) / s = 1 + C / (c·(1 − ρ)): how much
 * queueing stretches a request at utilization ρ. Dimensionless, so it holds whatever the time
 * scale of the rates (the demo's rates are compressed 60×, its latencies are not).
 */
export function queueStretch(servers: number, utilization: number): number {
  const c = Math.max(1, Math.floor(servers));
  if (!(utilization > 0)) return 1;
  if (utilization >= 1) return Infinity;
  return 1 + erlangC(c, utilization * c) / (c * (1 - utilization));
}
