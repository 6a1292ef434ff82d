import { Observable } from 'rxjs';

/** The part of the browser's EventSource the stream uses. */
export interface EventSourceLike {
  addEventListener(type: string, listener: (event: { data: string }) => void): void;
  close(): void;
}

/** Opens an EventSource; injected so tests need no server. */
export type EventSourceFactory = (url: string) => EventSourceLike;

export const browserEventSource: EventSourceFactory = (url) => new EventSource(url) as unknown as EventSourceLike;

/** Every change kind the collector streams (collector/src/api/stream-route.ts). */
export const CHANGE_KINDS = [
  'entity.added',
  'entity.updated',
  'entity.removed',
  'relation.added',
  'relation.removed',
  'signal.added',
  'event.added',
] as const;
export type ChangeKind = (typeof CHANGE_KINDS)[number];

/** A watched signal's new latest point, `{ entity, signal, t, v }`: sent only on a stream opened with `watch`. */
export const POINT_KIND = 'signal.point';

/** Every event name the stream listens for: the changes and the watched signals' points. */
export const STREAM_KINDS = [...CHANGE_KINDS, POINT_KIND] as const;
export type StreamKind = (typeof STREAM_KINDS)[number];

/** A streamed event: its kind (the SSE event name) and its data as sent (entity, signal, relation, point...). */
export interface TwinChangeEvent {
  kind: StreamKind;
  data: Record<string, unknown>;
}

/**
 * The collector's server-sent changes (and watched points) as an Observable: the EventSource opens on subscribe and closes
 * on unsubscribe. EventSource reconnects by itself after a dropped connection, so errors are not
 * passed on; a malformed event is skipped.
 */
export function changeStream(factory: EventSourceFactory, url: string): Observable<TwinChangeEvent> {
  return new Observable<TwinChangeEvent>((subscriber) => {
    const source = factory(url);
    for (const kind of STREAM_KINDS) {
      source.addEventListener(kind, (event) => {
        try {
          const data: unknown = JSON.parse(event.data);
          if (typeof data === 'object' && data !== null) {
            subscriber.next({ kind, data: data as Record<string, unknown> });
          }
        } catch {
          // Not JSON: nothing to act on; the next change re-runs the query anyway.
        }
      });
    }
    return () => source.close();
  });
}
