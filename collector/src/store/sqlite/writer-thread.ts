import type { Worker } from 'node:worker_threads';
import type { WriterReply, WriterRequestBody } from './writer-protocol';

/** better-sqlite3's own message, so a closed store reads the same on either thread. */
export const CLOSED_MESSAGE = 'The database connection is not open';

export interface WriterThread {
  /** Sends a request (the worker answers in order); resolves with its answer, rejects with its error. */
  request(body: WriterRequestBody, transfer?: ArrayBuffer[]): Promise<unknown>;
  /** Waits for the pending requests, closes the worker's connection and ends the thread. */
  close(): Promise<void>;
}

interface Pending {
  resolve(value: unknown): void;
  reject(error: Error): void;
}

function errorOf(reply: Extract<WriterReply, { ok: false }>): Error {
  const error = new Error(reply.message) as Error & { code?: string };
  if (reply.code !== undefined) error.code = reply.code;
  return error;
}

/**
 * Talks to a started writer worker (writer-worker.ts); resolves once its connection is open,
 * rejects with the worker's error when it could not open. A worker that dies (an uncaught error,
 * an exit nobody asked for) rejects every pending request and every later one with a message
 * saying so, instead of leaving them waiting forever. The worker is referenced (keeps the process
 * alive) only while a request is pending, as an idle database connection does not either.
 */
export function connectWriterThread(worker: Worker): Promise<WriterThread> {
  const pending = new Map<number, Pending>();
  let nextId = 1;
  let stopped: Error | undefined;
  let closing: Promise<void> | undefined;
  let started: Pending | undefined;

  function stop(error: Error): void {
    if (stopped) return;
    stopped = error;
    started?.reject(error);
    for (const p of pending.values()) p.reject(error);
    pending.clear();
    void worker.terminate();
  }

  worker.on('message', (reply: WriterReply) => {
    const p = reply.id === 0 ? started : pending.get(reply.id);
    if (!p) return;
    if (reply.id === 0) started = undefined;
    else pending.delete(reply.id);
    if (pending.size === 0 && !closing) worker.unref();
    if (reply.ok) p.resolve(reply.value);
    else p.reject(errorOf(reply));
  });
  worker.on('error', (error) => stop(new Error(`sqlite store: the writer thread failed: ${error.message}`)));
  worker.on('messageerror', (error) => stop(new Error(`sqlite store: the writer thread sent an unreadable message: ${error.message}`)));
  worker.on('exit', (code) => stop(new Error(closing ? CLOSED_MESSAGE : `sqlite store: the writer thread exited unexpectedly (code ${code})`)));

  function request(body: WriterRequestBody, transfer?: ArrayBuffer[]): Promise<unknown> {
    if (stopped) return Promise.reject(stopped);
    if (closing) return Promise.reject(new Error(CLOSED_MESSAGE));
    const id = nextId++;
    return new Promise((resolve, reject) => {
      pending.set(id, { resolve, reject });
      if (pending.size === 1) worker.ref();
      worker.postMessage({ ...body, id }, transfer);
    });
  }

  const thread: WriterThread = {
    request,
    close() {
      if (!closing) {
        const last = request({ op: 'close' });
        closing = last.then(
          () => worker.terminate().then(() => undefined),
          async (error: Error) => {
            await worker.terminate();
            // A thread that had already died has nothing left to close.
            if (error !== stopped) throw error;
          },
        );
      }
      return closing;
    },
  };
  return new Promise((resolve, reject) => {
    started = { resolve: () => (worker.unref(), resolve(thread)), reject };
  });
}
