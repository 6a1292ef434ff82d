/** The span kinds that take part in edges, by the side of the edge they fill. */
export type SpanRole = 'client' | 'server' | 'producer' | 'consumer';
export const SPAN_ROLES: readonly SpanRole[] = ['client', 'server', 'producer', 'consumer'];

/** What the store keeps for one span: its role, and the deadline the store sets on it. */
export interface HalfEdge {
  readonly role: SpanRole;
  expiresAtMs: number;
}

/**
 * - paired: the partner was waiting; onComplete has run and the entry is gone.
 * - pending: stored, waiting for its partner.
 * - duplicate: a span of the same side already waits under this key (a repeated span, or a second
 *   consumer of one message); the first one stays, the new one is ignored.
 * - dropped: the store is full; the span is counted by role and not kept.
 */
export type AddResult = 'paired' | 'pending' | 'duplicate' | 'dropped';

export interface EdgeStoreCallbacks<H extends HalfEdge> {
  /** Both sides are known. Runs inside `add`. */
  onComplete(client: H, server: H): void;
  /** The span waited `wait` without its partner. Runs inside `expire`, oldest first. */
  onExpire(half: H): void;
}

export interface EdgeStore<H extends HalfEdge> {
  /**
   * Adds a span under its edge key: trace id + own span id for clients and producers, trace id +
   * parent span id for servers and consumers, so the two sides of a call meet under one key.
   */
  add(key: string, half: H, nowMs: number): AddResult;
  /** Expires every entry whose deadline is at or before `nowMs`; returns how many. */
  expire(nowMs: number): number;
  size(): number;
  readonly capacity: number;
  /** Spans turned away because the store was full, by role (a running total). */
  dropped(): Record<SpanRole, number>;
}

const isClientSide = (role: SpanRole) => role === 'client' || role === 'producer';

/**
 * A bounded store of half-edges. The Map keeps insertion order and every entry waits the same
 * time, so deadlines are in order too and expiry looks only at the head. No timer inside: the
 * owner calls `expire(now)` from its tick, so tests advance a clock instead of sleeping. When
 * full, the newcomer is dropped rather than evicting the oldest: the oldest is the closest to
 * pairing or expiring into a virtual edge, and dropping is counted so a user can raise the cap.
 */
export function createEdgeStore<H extends HalfEdge>(
  config: { waitMs: number; maxPending: number },
  callbacks: EdgeStoreCallbacks<H>,
): EdgeStore<H> {
  const pending = new Map<string, H>();
  const dropped: Record<SpanRole, number> = { client: 0, server: 0, producer: 0, consumer: 0 };
  return {
    capacity: config.maxPending,
    add(key, half, nowMs) {
      const waiting = pending.get(key);
      if (waiting !== undefined) {
        const clientSide = isClientSide(half.role);
        if (isClientSide(waiting.role) === clientSide) return 'duplicate';
        pending.delete(key);
        if (clientSide) callbacks.onComplete(half, waiting);
        else callbacks.onComplete(waiting, half);
        return 'paired';
      }
      if (pending.size >= config.maxPending) {
        dropped[half.role]++;
        return 'dropped';
      }
      half.expiresAtMs = nowMs + config.waitMs;
      pending.set(key, half);
      return 'pending';
    },
    expire(nowMs) {
      let expired = 0;
      for (const [key, half] of pending) {
        if (half.expiresAtMs > nowMs) break;
        pending.delete(key);
        expired++;
        callbacks.onExpire(half);
      }
      return expired;
    },
    size: () => pending.size,
    dropped: () => ({ ...dropped }),
  };
}
