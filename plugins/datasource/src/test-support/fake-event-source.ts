import type { EventSourceFactory, EventSourceLike } from '../live';

/** An EventSource stand-in: records its URL and listeners, emits on demand, and knows whether it was closed. */
export class FakeEventSource implements EventSourceLike {
  readonly listeners = new Map<string, Array<(event: { data: string }) => void>>();
  closed = false;
  constructor(readonly url: string) {}
  addEventListener(type: string, listener: (event: { data: string }) => void): void {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), listener]);
  }
  close(): void {
    this.closed = true;
  }
  /** Delivers a server-sent event named `kind` with `data` as its JSON. */
  emit(kind: string, data: unknown): void {
    for (const listener of this.listeners.get(kind) ?? []) {
      listener({ data: typeof data === 'string' ? data : JSON.stringify(data) });
    }
  }
}

export function fakeEventSources() {
  const opened: FakeEventSource[] = [];
  const factory: EventSourceFactory = (url) => {
    const source = new FakeEventSource(url);
    opened.push(source);
    return source;
  };
  return { opened, factory };
}
