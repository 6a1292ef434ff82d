import { Worker } from 'node:worker_threads';
import { connectWriterThread } from './writer-thread';

/** A stand-in writer thread: answers `maintain` with its nowMs (an error when negative); `fail` decides how it dies. */
function fakeWorker(fail: 'exit' | 'throw' | 'refuse-open' | 'none'): Worker {
  return new Worker(
    `
    const { parentPort } = require('node:worker_threads');
    const fail = ${JSON.stringify(fail)};
    let last = Promise.resolve();
    if (fail === 'refuse-open') {
      parentPort.postMessage({ id: 0, ok: false, message: 'unable to open database file', code: 'SQLITE_CANTOPEN' });
    } else {
      parentPort.on('message', (m) => {
        if (m.op === 'delta' && fail === 'exit') process.exit(7);
        if (m.op === 'delta' && fail === 'throw') throw new Error('boom');
        // Answers in order, each a little later, like a real writer busy with its transaction.
        const reply = m.nowMs < 0 ? { id: m.id, ok: false, message: 'negative', code: 'E_TEST' } : { id: m.id, ok: true, value: m.nowMs };
        last = last.then(() => new Promise((r) => setTimeout(r, 10))).then(() => parentPort.postMessage(reply));
      });
      parentPort.postMessage({ id: 0, ok: true });
    }`,
    { eval: true },
  );
}

const packed = { entities: [], relations: [], events: [], removedEntities: [], removedRelations: [], defined: [], signals: new Uint32Array(0), points: new Float64Array(0), forgotten: [] };

describe('the writer thread', () => {
  it('answers requests, errors with their message and code', async () => {
    const thread = await connectWriterThread(fakeWorker('none'));
    await expect(Promise.all([thread.request({ op: 'maintain', nowMs: 1 }), thread.request({ op: 'maintain', nowMs: 2 })])).resolves.toEqual([1, 2]);
    await expect(thread.request({ op: 'maintain', nowMs: -1 })).rejects.toMatchObject({ message: 'negative', code: 'E_TEST' });
    await thread.close();
    await expect(thread.request({ op: 'maintain', nowMs: 1 })).rejects.toThrow('The database connection is not open');
  });

  it('waits for pending requests before closing', async () => {
    const thread = await connectWriterThread(fakeWorker('none'));
    const pending = thread.request({ op: 'maintain', nowMs: 0 });
    await thread.close();
    await expect(pending).resolves.toBe(0);
  });

  it('rejects with the open error when the worker cannot open the store', async () => {
    await expect(connectWriterThread(fakeWorker('refuse-open'))).rejects.toMatchObject({ message: 'unable to open database file', code: 'SQLITE_CANTOPEN' });
  });

  it.each([
    ['exits', 'exit', 'sqlite store: the writer thread exited unexpectedly (code 7)'],
    ['throws', 'throw', 'sqlite store: the writer thread failed: boom'],
  ] as const)('rejects pending and later calls when the worker %s, and still closes', async (_, fail, message) => {
    const thread = await connectWriterThread(fakeWorker(fail));
    const slow = thread.request({ op: 'maintain', nowMs: 0 });
    const crash = thread.request({ op: 'delta', packed, at: 0 });
    await expect(crash).rejects.toThrow(message);
    await expect(slow).rejects.toThrow(message);
    await expect(thread.request({ op: 'maintain', nowMs: 1 })).rejects.toThrow(message);
    await expect(thread.close()).resolves.toBeUndefined();
  });
});
