/**
 * Reads an HTTP request body under a size limit, inflating gzip as the bytes arrive. The limit
 * holds for the raw body and for the inflated output (OTLP spec §1.8): inflation is a stream
 * whose output is counted chunk by chunk, so a gzip bomb stops one zlib chunk past the limit
 * instead of being inflated whole.
 */
import type { IncomingMessage } from 'node:http';
import { createGunzip } from 'node:zlib';
import type { Failure } from './errors';

export interface BodyRead {
  /** The body exactly as received (still gzipped when it came gzipped). */
  raw: Buffer;
  /** The body to decode (inflated). */
  body: Buffer;
}

export type BodyResult =
  | ({ ok: true; wireBytes: number; inflatedBytes: number } & BodyRead)
  | { ok: false; wireBytes: number; inflatedBytes: number; failure: Failure | undefined };

/** `failure` undefined means the client went away: there is nobody to answer. */
export function readBody(req: IncomingMessage, limit: number, gzip: boolean): Promise<BodyResult> {
  return new Promise((resolve) => {
    const rawChunks: Buffer[] = [];
    const outChunks: Buffer[] = [];
    let wireBytes = 0;
    let inflatedBytes = 0;
    let settled = false;
    const gunzip = gzip ? createGunzip() : undefined;

    const settle = (failure: Failure | undefined, ok = false): void => {
      if (settled) return;
      settled = true;
      req.off('data', onData);
      if (gunzip && !ok) gunzip.destroy();
      if (!gunzip) inflatedBytes = wireBytes; // no compression: the body is the wire bytes
      if (ok) {
        const raw = Buffer.concat(rawChunks, wireBytes);
        const body = gunzip ? Buffer.concat(outChunks, inflatedBytes) : raw;
        resolve({ ok: true, raw, body, wireBytes, inflatedBytes });
      } else {
        resolve({ ok: false, wireBytes, inflatedBytes, failure });
      }
    };
    const tooLarge = (what: string): Failure => ({
      kind: 'too_large',
      message: `request body${what} exceeds the limit of ${limit} bytes (receivers.otlp.http.max_request_body_bytes)`,
    });

    function onData(chunk: Buffer): void {
      wireBytes += chunk.length;
      if (wireBytes > limit) return settle(tooLarge(''));
      rawChunks.push(chunk);
      // Backpressure: stop reading the socket while zlib has work queued.
      if (gunzip && !gunzip.write(chunk)) req.pause();
    }
    req.on('data', onData);
    req.on('error', () => settle(undefined));
    req.on('close', () => {
      if (!req.complete) settle(undefined);
    });

    if (!gunzip) {
      req.on('end', () => settle(undefined, true));
      return;
    }
    req.on('end', () => gunzip.end());
    gunzip.on('drain', () => req.resume());
    gunzip.on('data', (chunk: Buffer) => {
      inflatedBytes += chunk.length;
      if (inflatedBytes > limit) return settle(tooLarge(' after gzip decompression'));
      outChunks.push(chunk);
    });
    gunzip.on('error', (err) => settle({ kind: 'bad_data', message: `corrupted gzip body: ${err.message}` }));
    gunzip.on('end', () => settle(undefined, true));
  });
}

/**
 * Reads and throws away the rest of a body that will not be used, so the client gets to read our
 * answer (closing a socket with unread input sends a reset, which can destroy the answer in
 * flight). Past `budget` bytes the client is not listening: the connection is closed.
 */
export function discardBody(req: IncomingMessage, budget: number): void {
  if (req.complete) return;
  let seen = 0;
  req.on('data', (chunk: Buffer) => {
    seen += chunk.length;
    if (seen > budget) req.socket.destroy();
  });
  req.on('error', () => undefined);
  req.resume();
}
