import { EventEmitter } from 'node:events';
import type { ServerResponse } from 'node:http';
import type { EntityDetail, TwinChange } from '../model';
import type { WatchedSignal } from './point-watch';
import { createSseHub } from './sse-hub';
import { FakeTwin, HOST, ManualTimers } from './test-support/fake-twin';

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

const CPU: WatchedSignal = { entity: 'host:web-3', signal: 'cpu.utilization' };
const point = (signal: string, t: number, v: number) =>
  `event: signal.point\ndata: ${JSON.stringify({ entity: 'host:web-3', signal, t, v })}\n\n`;

function setup(maxBufferedEvents = 2) {
  // A host of our own, so a test can move its latest points.
  const host: EntityDetail = {
    ...HOST,
    signals: [
      { name: 'cpu.utilization', unit: '1', kind: 'gauge', latest: { t: 1000, v: 0.5 } },
      { name: 'memory.usage', unit: 'By', kind: 'gauge', latest: undefined },
    ],
  };
  const twin = new FakeTwin([host]);
  const timers = new ManualTimers();
  let slow = 0;
  const hub = createSseHub({ twin, timers, keepaliveMs: 15_000, pointCheckMs: 1000, maxBufferedEvents, onSlowClient: () => slow++ });
  const add = (kinds?: string[], watch?: WatchedSignal[]) => {
    const res = new FakeResponse();
    hub.add(res as unknown as ServerResponse, kinds && new Set(kinds), watch);
    return res;
  };
  const move = (signal: string, t: number, v: number) => {
    const summary = host.signals.find((s) => s.name === signal);
    if (summary) summary.latest = { t, v };
  };
  const intervals = () => [...timers.active.values()].map((t) => t.ms);
  return { twin, timers, hub, add, move, intervals, slow: () => slow };
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

  it('sends each watched signal its newer latest points on the point timer, whatever kinds says', () => {
    const { timers, add, move } = setup();
    const plain = add();
    const watching = add(['event.added'], [CPU, { entity: 'host:web-3', signal: 'memory.usage' }, { entity: 'host:ghost', signal: 'cpu.utilization' }]);
    timers.fireEvery(1000);
    expect(watching.written).toEqual([point('cpu.utilization', 1000, 0.5)]);
    timers.fireEvery(1000);
    expect(watching.written).toEqual([point('cpu.utilization', 1000, 0.5)]);
    move('memory.usage', 1500, 2048);
    move('cpu.utilization', 2000, 0.75);
    timers.fireEvery(1000);
    expect(watching.written).toEqual([point('cpu.utilization', 1000, 0.5), point('cpu.utilization', 2000, 0.75), point('memory.usage', 1500, 2048)]);
    expect(plain.written).toEqual([]);
  });

  it('reads each watched entity from the twin once per check, however many clients watch it', () => {
    const { twin, timers, add } = setup();
    const reads: string[] = [];
    const getEntity = twin.getEntity.bind(twin);
    twin.getEntity = (id) => (reads.push(id), getEntity(id));
    const a = add(undefined, [CPU]);
    const b = add(undefined, [CPU, { entity: 'host:web-3', signal: 'memory.usage' }]);
    timers.fireEvery(1000);
    expect(reads).toEqual(['host:web-3']);
    expect([a.written, b.written]).toEqual([[point('cpu.utilization', 1000, 0.5)], [point('cpu.utilization', 1000, 0.5)]]);
  });

  it('holds the point timer only while a client watches signals', () => {
    const { add, intervals } = setup();
    const plain = add();
    expect(intervals()).toEqual([15_000]);
    const first = add(undefined, [CPU]);
    const second = add(undefined, [CPU]);
    add(undefined, []);
    expect(intervals()).toEqual([15_000, 1000]);
    first.emit('close');
    expect(intervals()).toEqual([15_000, 1000]);
    second.emit('close');
    expect(intervals()).toEqual([15_000]);
    plain.emit('close');
    expect(intervals()).toEqual([15_000]);
  });

  it('cuts a watching client that stops reading once, and sends it nothing more', () => {
    const { timers, add, move, hub, slow, intervals } = setup(1);
    move('memory.usage', 1000, 1);
    const stuck = add(undefined, [CPU, { entity: 'host:web-3', signal: 'memory.usage' }]);
    stuck.accepting = false;
    timers.fireEvery(1000); // the first write fills the socket, the second is queued
    expect([stuck.written.length, stuck.destroyed]).toEqual([1, false]);
    move('cpu.utilization', 2000, 0.1);
    timers.fireEvery(1000);
    expect([stuck.written.length, stuck.destroyed, slow(), hub.size()]).toEqual([1, true, 1, 0]);
    expect(intervals()).toEqual([]);
  });
});
