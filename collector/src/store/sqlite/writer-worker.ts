import { parentPort, workerData } from 'node:worker_threads';
import type { MessagePort } from 'node:worker_threads';
import { openConnection } from './connection';
import { createDeltaUnpacker } from './delta-packing';
import { createDeltaWriter } from './delta-writer';
import { createMaintenance } from './maintenance';
import { createSignalPurge } from './signal-purge';
import type { WriterReply, WriterRequest, WriterWorkerData } from './writer-protocol';

/**
 * The writer thread's entry (loaded by `new Worker`, see writer-spawn.ts): its own connection
 * to the store file, applying deltas and running maintenance in the order requested, so the
 * collector's thread never blocks on them. Errors are answered, never thrown: a request that
 * fails leaves the thread serving the next one.
 */
function serve(port: MessagePort, data: WriterWorkerData): void {
  let db: ReturnType<typeof openConnection>;
  try {
    db = openConnection(data.path);
  } catch (error) {
    port.postMessage(failure(0, error));
    return;
  }
  // Removals are stamped with the caller's clock, sent with each delta.
  let at = 0;
  const purge = createSignalPurge(db);
  const writer = createDeltaWriter(db, { now: () => at }, purge);
  const maintenance = createMaintenance(db, { classes: data.classes, graceMs: data.graceMs }, purge);
  const unpacker = createDeltaUnpacker();

  function handle(request: WriterRequest): unknown {
    switch (request.op) {
      case 'delta': {
        at = request.at;
        try {
          writer.write(unpacker.unpack(request.packed));
          return undefined;
        } finally {
          unpacker.forget(request.packed);
        }
      }
      case 'maintain':
        return maintenance.maintain(request.nowMs);
      case 'close':
        db.close();
        return undefined;
    }
  }

  port.on('message', (request: WriterRequest) => {
    let reply: WriterReply;
    try {
      reply = { id: request.id, ok: true, value: handle(request) };
    } catch (error) {
      reply = failure(request.id, error);
    }
    port.postMessage(reply);
  });
  port.postMessage({ id: 0, ok: true } satisfies WriterReply);
}

function failure(id: number, error: unknown): WriterReply {
  const e = error as { message?: unknown; code?: unknown };
  const message = typeof e?.message === 'string' ? e.message : String(error);
  return typeof e?.code === 'string' ? { id, ok: false, message, code: e.code } : { id, ok: false, message };
}

if (parentPort) serve(parentPort, workerData as WriterWorkerData);
