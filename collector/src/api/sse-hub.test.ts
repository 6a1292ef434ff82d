import { EventEmitter } from 'node:events';
import type { ServerResponse } from 'node:http';
import type { TwinChange } from '../model';
import { createSseHub } from './sse-hub';
import { FakeTwin, ManualTimers } from './test-support/fake-twin';

/** A response whose socket is "full" whenever `accepting` is false. */
class FakeResponse extends EventEmitter {
  written: string[] = [];
  accepting = true;
  ended = false;
  destroyed = false;
  write(text: string): boolean {
    this.written.push(text);
    return this.accepting;
  }
  end(): void {
    this.ended = true;
    this.emit('close');
  }
  destroy(): void {
    this.destroyed = true;
    this.emit('close');
  }
}

const change = (at: number): TwinChange => ({ kind: 'signal.added', entity: 'host:a', signal: 's', at });
const frame = (at: number) => `event: signal.added\ndata: ${JSON.stringify(change(at))}\n\n`;

function setup(maxBufferedEvents = 2) {
  const twin = new FakeTwin();
  const timers = new ManualTimers();
  let slow = 0;
  const hub = createSseHub({ twin, timers, keepaliveMs: 15_000, maxBufferedEvents, onSlowClient: () => slow++ });
  const add = (kinds?: string[]) => {
    const res = new FakeResponse();
    hub.add(res as unknown as ServerResponse, kinds && new Set(kinds));
    return res;
  };
  return { twin, timers, hub, add, slow: () => slow };
}

describe('createSseHub', () => {
  it('queues while the socket is full and flushes in order on drain', () => {
    const { twin, add } = setup();
    const res = add();
    res.accepting = false;
    twin.publish(change(1));
    twin.publish(change(2));
    twin.publish(change(3));
    expect(res.written).toEqual([frame(1)]);
    res.accepting = true;
    res.emit('drain');
    expect(res.written).toEqual([frame(1), frame(2), frame(3)]);
  });

  it('stops flushing when the socket fills again mid-drain', () => {
    const { twin, add } = setup(5);
    const res = add();
    res.accepting = false;
    [1, 2, 3].forEach((at) => twin.publish(change(at)));
    res.emit('drain'); // still not accepting: writes frame 2, then waits again
    expect(res.written).toEqual([frame(1), frame(2)]);
    res.accepting = true;
    res.emit('drain');
    expect(res.written).toEqual([frame(1), frame(2), frame(3)]);
  });

  it('destroys a client whose queue passes the bound, counts it, and keeps serving others', () => {
    const { twin, add, hub, slow } = setup(2);
    const stuck = add();
    const healthy = add();
    stuck.accepting = false;
    [1, 2, 3, 4].forEach((at) => twin.publish(change(at)));
    expect(stuck.destroyed).toBe(true);
    expect(slow()).toBe(1);
    expect(hub.size()).toBe(1);
    expect(healthy.written).toEqual([frame(1), frame(2), frame(3), frame(4)]);
  });

  it('filters by kind and sends keepalives to every client', () => {
    const { twin, timers, add } = setup();
    const onlyEvents = add(['event.added']);
    twin.publish(change(1));
    timers.fire();
    expect(onlyEvents.written).toEqual([':keepalive\n\n']);
  });

  it('holds the twin subscription and timer only while clients are connected', () => {
    const { twin, timers, add, hub } = setup();
    expect(twin.listeners.size).toBe(0);
    const a = add();
    add();
    expect([twin.listeners.size, timers.active.size]).toEqual([1, 1]);
    a.emit('close');
    expect([twin.listeners.size, timers.active.size]).toEqual([1, 1]);
    hub.closeAll();
    expect([twin.listeners.size, timers.active.size, hub.size()]).toEqual([0, 0, 0]);
    add();
    expect([twin.listeners.size, timers.active.size]).toEqual([1, 1]);
  });

  it('never throws into the publisher for a change JSON cannot carry', () => {
    const { twin, add } = setup();
    const res = add();
    const bad = { kind: 'signal.added', entity: 'host:a', signal: 's', at: 10n } as unknown as TwinChange;
    expect(() => twin.publish(bad)).not.toThrow();
    expect(res.written).toEqual([]);
  });
});
