/**
 * When a forecast crosses a limit: the point forecast's crossing, and the range the interval
 * gives (for a limit above, the upper bound crosses first and the lower bound last). Steps are
 * counted from the last observation (step 1 is the first forecast point) and interpolated
 * linearly between forecast points, so a crossing between steps 3 and 4 can read 3.4.
 */
import type { Forecast } from './types';

export type ThresholdDirection = 'above' | 'below';

export interface TimeToThreshold {
  /** Step at which the point forecast reaches the limit, or undefined if not within the horizon. */
  steps: number | undefined;
  /** Earliest plausible crossing (the bound nearer the limit); undefined if even it does not cross. */
  earliestSteps: number | undefined;
  /** Latest plausible crossing (the bound further from the limit); undefined if it does not cross within the horizon. */
  latestSteps: number | undefined;
}

/** First (fractional) step where the path reaches the limit in the given direction. */
export function firstCrossing(path: readonly number[], limit: number, direction: ThresholdDirection): number | undefined {
  const reached = (v: number) => (direction === 'above' ? v >= limit : v <= limit);
  for (let i = 0; i < path.length; i++) {
    if (!reached(path[i])) continue;
    if (i === 0) return 1;
    const before = path[i - 1];
    return i + (limit - before) / (path[i] - before);
  }
  return undefined;
}

/** Time to threshold of a forecast with its interval. */
export function timeToThreshold(forecast: Forecast, limit: number, direction: ThresholdDirection): TimeToThreshold {
  const early = direction === 'above' ? forecast.upper : forecast.lower;
  const late = direction === 'above' ? forecast.lower : forecast.upper;
  return {
    steps: firstCrossing(forecast.mean, limit, direction),
    earliestSteps: firstCrossing(early, limit, direction),
    latestSteps: firstCrossing(late, limit, direction),
  };
}
