import type { ServerResponse } from 'node:http';
import type { TwinChange, TwinReader } from '../model';
import { createPointWatch, latestPointLookup } from './point-watch';
import type { PointWatch, WatchedSignal } from './point-watch';

/** Repeating timers, injected so tests fire keepalives without waiting. */
export interface Timers {
  setInterval(callback: () => void, ms: number): unknown;
  clearInterval(handle: unknown): void;
}

export const systemTimers: Timers = {
  setInterval: (callback, ms) => setInterval(callback, ms).unref(),
  clearInterval: (handle) => clearInterval(handle as NodeJS.Timeout),
};

export interface SseHubOptions {
  twin: TwinReader;
  keepaliveMs: number;
  /** How often watched signals are checked for a newer latest point. */
  pointCheckMs: number;
  maxBufferedEvents: number;
  timers: Timers;
  /** Called when a client is disconnected because it stopped reading. */
  onSlowClient: () => void;
}

/** Fans twin changes out to event-stream clients. */
export interface SseHub {
  /**
   * Streams to `res` (headers already written) until it closes; `kinds` filters the changes,
   * undefined = all. Each signal in `watch` also gets a `signal.point` event whenever its latest
   * point is newer than the one last sent, whatever `kinds` says.
   */
  add(res: ServerResponse, kinds: ReadonlySet<string> | undefined, watch?: readonly WatchedSignal[]): void;
  size(): number;
  /** Ends every stream (on shutdown). */
  closeAll(): void;
}

interface Client {
  res: ServerResponse;
  kinds: ReadonlySet<string> | undefined;
  watch: PointWatch | undefined;
  /** Events waiting while the socket is full; bounded by maxBufferedEvents. */
  queue: string[];
  blocked: boolean;
}

/**
 * One twin subscription and one keepalive timer serve every client, both held only while a client
 * is connected. One point timer, held only while a client watches signals, reads the watched
 * signals' latest points from the twin: ingest is never asked to notify per point. A change is serialized once, then queued per client; a client whose socket stays
 * full for more than maxBufferedEvents events is disconnected, so ingest never waits for a reader.
 */
export function createSseHub(options: SseHubOptions): SseHub {
  const clients = new Set<Client>();
  let unsubscribe: (() => void) | undefined;
  let timer: unknown;
  let pointTimer: unknown;
  let watching = 0;

  function checkPoints(): void {
    const latest = latestPointLookup(options.twin);
    for (const client of [...clients]) {
      if (!client.watch) continue;
      for (const frame of client.watch.newFrames(latest)) {
        // A client cut for reading too slowly gets nothing more.
        if (!clients.has(client)) break;
        send(client, frame);
      }
    }
  }

  function publish(change: TwinChange): void {
    let frame: string;
    try {
      frame = `event: ${change.kind}\ndata: ${JSON.stringify(change)}\n\n`;
    } catch {
      return; // a change JSON cannot carry (a cycle, a bigint) must not throw into the twin's ingest
    }
    for (const client of clients) {
      if (!client.kinds || client.kinds.has(change.kind)) send(client, frame);
    }
  }

  function send(client: Client, frame: string): void {
    if (client.blocked) {
      client.queue.push(frame);
      if (client.queue.length > options.maxBufferedEvents) {
        remove(client);
        client.res.destroy();
        options.onSlowClient();
      }
      return;
    }
    if (!client.res.write(frame)) client.blocked = true;
  }

  function drain(client: Client): void {
    client.blocked = false;
    while (client.queue.length > 0 && !client.blocked) {
      if (!client.res.write(client.queue.shift() as string)) client.blocked = true;
    }
  }

  function remove(client: Client): void {
    if (!clients.delete(client)) return;
    if (client.watch && --watching === 0) {
      options.timers.clearInterval(pointTimer);
      pointTimer = undefined;
    }
    if (clients.size > 0) return;
    unsubscribe?.();
    unsubscribe = undefined;
    options.timers.clearInterval(timer);
    timer = undefined;
  }

  return {
    add(res, kinds, watch) {
      const client: Client = { res, kinds, watch: watch?.length ? createPointWatch(watch) : undefined, queue: [], blocked: false };
      if (clients.size === 0) {
        unsubscribe = options.twin.subscribe(publish);
        timer = options.timers.setInterval(() => clients.forEach((c) => send(c, ':keepalive\n\n')), options.keepaliveMs);
      }
      if (client.watch && watching++ === 0) pointTimer = options.timers.setInterval(checkPoints, options.pointCheckMs);
      clients.add(client);
      res.on('drain', () => drain(client));
      res.on('close', () => remove(client));
      // A reset connection must not become an uncaught error; 'close' follows and removes the client.
      res.on('error', () => undefined);
    },
    size: () => clients.size,
    closeAll() {
      for (const client of [...clients]) {
        remove(client);
        client.res.end();
      }
    },
  };
}
