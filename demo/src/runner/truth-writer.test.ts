import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { createSimulation } from './simulation';
import { createTruthWriter } from './truth-writer';

describe('createTruthWriter', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'truth-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('appends one { t, truth } line per interval of simulated time', async () => {
    const path = join(dir, 'truth.jsonl');
    const sim = createSimulation({ seed: 3, settleSeconds: 60, stepSeconds: 10 });
    sim.inject('crac_failure', 'crac-b1');
    const writer = createTruthWriter({ path, intervalSeconds: 30, maxQueuedLines: 10 });
    const written = sim.advanceTo(100).map((r) => writer.record(r.epochSeconds, sim.truth));
    expect(written).toEqual([true, false, false, true, false, false, true, false, false, true]);
    await writer.close();
    const lines = readFileSync(path, 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    expect(lines.map((l) => l.t)).toEqual([1_704_067_210, 1_704_067_240, 1_704_067_270, 1_704_067_300]);
    expect(lines[0].truth.faults).toEqual([{ id: 'f1', fault: 'crac_failure', target: 'crac-b1', rootCause: 'crac:dc1/crac-b1', since: 1_704_067_200 }]);
    expect(lines[3].truth.world.hosts).toHaveLength(84);
    expect(writer.stats()).toEqual({ written: 4, dropped: 0, queued: 0 });

    // A second writer appends to the same file.
    const again = createTruthWriter({ path, intervalSeconds: 30, maxQueuedLines: 10 });
    again.record(1, () => sim.truth());
    await again.close();
    expect(readFileSync(path, 'utf8').trim().split('\n')).toHaveLength(5);
  });

  it('drops lines rather than queue more than maxQueuedLines', async () => {
    const pending: Array<() => void> = [];
    const slow = new Writable({ highWaterMark: 1, write: (_chunk, _enc, done) => void pending.push(done) });
    const writer = createTruthWriter({ path: 'unused', intervalSeconds: 1, maxQueuedLines: 2 }, { open: () => slow });
    const sim = createSimulation({ seed: 1, settleSeconds: 0 });
    expect([0, 1, 2, 3].map((t) => writer.record(t, sim.truth))).toEqual([true, true, false, false]);
    expect(writer.stats()).toEqual({ written: 2, dropped: 2, queued: 2 });
    pending.shift()?.();
    await new Promise((resolve) => setImmediate(resolve));
    pending.shift()?.();
    await new Promise((resolve) => setImmediate(resolve));
    expect(writer.stats().queued).toBe(0);
    expect(writer.record(4, sim.truth)).toBe(true);
    pending.shift()?.();
  });
});
