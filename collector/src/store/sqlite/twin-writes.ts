import type { Clock, TwinDelta } from '../../model';
import type { MaintenanceReport } from '../twin-store';
import { createCallOrder } from './call-order';
import { createDeltaPacker } from './delta-packing';
import type { DeltaWriter } from './delta-writer';
import type { Maintenance } from './maintenance';
import { connectWriterThread } from './writer-thread';
import { spawnWriterWorker } from './writer-spawn';
import type { WriterWorkerData } from './writer-protocol';

/**
 * Where the store's bulk writes run: writeDelta and maintain, plus `foreground` for the calls
 * that must see them (reads and imports on this thread's connection).
 */
export interface TwinWrites {
  writeDelta(delta: TwinDelta): Promise<void>;
  maintain(nowMs: number): Promise<MaintenanceReport>;
  /** Runs `job` on this thread after every writeDelta and maintain called before it has settled. */
  foreground<T>(job: () => T): Promise<T>;
  /** Waits for pending calls, then stops the writer thread if there is one. */
  close(): Promise<void>;
}

/** On this thread, synchronously (better-sqlite3 blocks): each call is done when it returns. */
export function inlineWrites(writer: DeltaWriter, maintenance: Maintenance): TwinWrites {
  return {
    writeDelta: async (delta) => writer.write(delta),
    maintain: async (nowMs) => maintenance.maintain(nowMs),
    foreground: async (job) => job(),
    close: async () => undefined,
  };
}

/**
 * On a writer thread with its own connection to the file, so ingest and the API keep running
 * while a delta or a maintenance pass is written. Deltas are packed here at the call (the twin
 * may change the moment the call returns), stamped with this thread's clock, and applied there
 * in call order; each promise resolves once its transaction is committed.
 */
export async function threadWrites(data: WriterWorkerData, clock: Clock): Promise<TwinWrites> {
  const thread = await connectWriterThread(spawnWriterWorker(data));
  const order = createCallOrder();
  const packer = createDeltaPacker();
  let closed: Promise<void> | undefined;
  return {
    writeDelta(delta) {
      let message: ReturnType<typeof packer.pack>;
      try {
        message = packer.pack(delta);
      } catch (error) {
        return Promise.reject(error);
      }
      const body = { op: 'delta' as const, packed: message.packed, at: clock.now() };
      return order.background(() => thread.request(body, message.transfer)).then(() => undefined);
    },
    maintain: (nowMs) => order.background(() => thread.request({ op: 'maintain', nowMs }) as Promise<MaintenanceReport>),
    foreground: (job) => order.foreground(job),
    close() {
      closed ??= order.foreground(() => undefined).then(() => thread.close());
      return closed;
    },
  };
}
