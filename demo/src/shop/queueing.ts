import type { Random } from '../random';
import { exponential } from './sampling';

/**
 * Queueing on a host: each instance (or virtual dependency) is an M/M/c queue. `c` servers of rate
 * `mu` each (1 / service time), Poisson arrivals of rate `lambda`. Formulas: Erlang C through the
 * Erlang B recursion (numerically stable for large c), Wq = C / (c·mu − lambda), Lq = lambda·Wq
 * (Little), P(Wq > t) = C · exp(−(c·mu − lambda)·t).
 */

/** Probability that an arrival waits (Erlang C) for c servers and offered load a = lambda/mu erlangs; 1 when a ≥ c. */
export function erlangC(servers: number, offeredLoadErlangs: number): number {
  const c = servers;
  const a = offeredLoadErlangs;
  if (a <= 0) return 0;
  if (a >= c) return 1;
  let b = 1;
  for (let k = 1; k <= c; k++) b = (a * b) / (k + a * b);
  const rho = a / c;
  return b / (1 - rho * (1 - b));
}

export interface QueueState {
  /** Offered arrival rate (requests/s). */
  arrivalRatePerSecond: number;
  /** Arrival rate that is served (requests/s), at most `maxUtilization` of capacity. */
  servedRatePerSecond: number;
  /** Offered utilization λ / (c·μ), may exceed 1. */
  utilization: number;
  /** Probability of waiting (Erlang C) at the served rate. */
  waitProbability: number;
  /** Mean wait in queue (s) at the served rate. */
  meanWaitSeconds: number;
  /** Rate at which a waiting customer's wait decays: c·μ − λ served (1/s). */
  drainRatePerSecond: number;
  /** Fraction of arrivals that fail: beyond capacity, or waiting longer than the timeout. */
  errorProbability: number;
}

/**
 * Steady-state view of one M/M/c queue for a step. Beyond `maxUtilization` of capacity the queue
 * would grow without bound; the surplus arrivals time out (errors) and the served part runs at
 * `maxUtilization`, which keeps errors continuous in λ and rising sharply as ρ → 1.
 */
export function queueState(
  arrivalRatePerSecond: number,
  servers: number,
  serviceSeconds: number,
  timeoutSeconds: number,
  maxUtilization = 0.99,
): QueueState {
  const mu = 1 / serviceSeconds;
  const capacity = servers * mu;
  const utilization = arrivalRatePerSecond / capacity;
  const servedRate = Math.min(arrivalRatePerSecond, maxUtilization * capacity);
  const waitProbability = erlangC(servers, servedRate / mu);
  const drain = capacity - servedRate;
  const meanWait = servedRate > 0 ? waitProbability / drain : 0;
  const servedFraction = arrivalRatePerSecond > 0 ? servedRate / arrivalRatePerSecond : 1;
  const lateFraction = waitProbability * Math.exp(-drain * timeoutSeconds);
  return {
    arrivalRatePerSecond,
    servedRatePerSecond: servedRate,
    utilization,
    waitProbability,
    meanWaitSeconds: meanWait,
    drainRatePerSecond: drain,
    errorProbability: 1 - servedFraction + servedFraction * lateFraction,
  };
}

/** Fraction of arrivals beyond capacity (they time out without being served). */
export function overflowFraction(state: QueueState): number {
  return state.arrivalRatePerSecond > 0 ? 1 - state.servedRatePerSecond / state.arrivalRatePerSecond : 0;
}

/** One queueing wait: 0 with probability 1 − C, else exponential with rate c·μ − λ. */
export function sampleWait(random: Random, state: QueueState): number {
  if (random.next() >= state.waitProbability) return 0;
  return exponential(random, 1 / state.drainRatePerSecond);
}
