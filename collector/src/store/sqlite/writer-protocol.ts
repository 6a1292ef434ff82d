import type { RetentionClass } from '../config';
import type { PackedDelta } from './delta-packing';

/** What the writer thread needs to open its connection and do its two jobs. */
export interface WriterWorkerData {
  path: string;
  classes: RetentionClass[];
  /** How long after its end a rollup bucket may still change (rollupGraceMs). */
  graceMs: number;
}

/** Requests to the writer thread, answered in the order they were sent. */
export type WriterRequestBody =
  | { op: 'delta'; packed: PackedDelta; /** The caller's clock at the call: removals are stamped with it. */ at: number }
  | { op: 'maintain'; nowMs: number }
  | { op: 'close' };

export type WriterRequest = WriterRequestBody & { id: number };

/** The answer to request `id`; id 0 answers the start (the connection is open, or why not). */
export type WriterReply = { id: number; ok: true; value?: unknown } | { id: number; ok: false; message: string; code?: string };
