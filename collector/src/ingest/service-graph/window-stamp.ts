/**
 * The time a service-graph window's statistics are stamped with: when its calls ended (the
 * latest end among them), not when the window closed. Spans reach the collector an export batch
 * and a pairing wait after they end; stamped on arrival, a slowdown would sit seconds after the
 * metrics of the same moment (which carry their own timestamps), and a root-cause ranking would
 * read the callee's slowdown as coming after its callers'. Stamps never go back and never pass
 * the clock (a span from a skewed clock); a window without calls steps on by its length.
 */
export interface WindowStamp {
  /** A call of the current window ended at `endMs`. */
  observe(endMs: number): void;
  /** The stamp of the window closing at `nowMs`; starts the next window. */
  close(nowMs: number): number;
}

export function createWindowStamp(startMs: number, windowMs: number): WindowStamp {
  let last = startMs;
  let latestEnd = -Infinity;
  return {
    observe(endMs) {
      if (endMs > latestEnd) latestEnd = endMs;
    },
    close(nowMs) {
      const wanted = latestEnd === -Infinity ? last + windowMs : latestEnd;
      last = Math.min(nowMs, Math.max(last + 1, wanted));
      latestEnd = -Infinity;
      return last;
    },
  };
}
