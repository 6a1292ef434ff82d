/**
 * Logging of bad input at most once per interval: a client sending garbage at 1000 requests per
 * second must not turn into 1000 log lines per second. Suppressed lines are counted and the count
 * rides on the next line that gets through.
 */

import type { Logger } from '../model';

export interface RateLimitedLog {
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}

/** `now` returns milliseconds; each level has its own window. */
export function createRateLimitedLog(logger: Logger, intervalMs: number, now: () => number): RateLimitedLog {
  const limited = (level: 'warn' | 'error') => {
    let last = -Infinity;
    let suppressed = 0;
    return (message: string, fields: Record<string, unknown> = {}) => {
      const t = now();
      if (t - last < intervalMs) {
        suppressed++;
        return;
      }
      last = t;
      logger[level](message, suppressed > 0 ? { ...fields, suppressed } : fields);
      suppressed = 0;
    };
  };
  return { warn: limited('warn'), error: limited('error') };
}
