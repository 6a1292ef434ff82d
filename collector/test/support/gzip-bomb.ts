/** Builds a gzip bomb in constant memory: zeros streamed through zlib, only the output is kept. */
import { Readable } from 'node:stream';
import { createGzip } from 'node:zlib';

const CHUNK = Buffer.alloc(1024 * 1024);

/** `uncompressedBytes` of zeros (a multiple of 1 MiB) as one gzip member; 256 MiB gives ~255 KB. */
export async function gzipBomb(uncompressedBytes: number): Promise<Buffer> {
  if (uncompressedBytes % CHUNK.length !== 0) throw new Error('uncompressedBytes must be a multiple of 1 MiB');
  let left = uncompressedBytes / CHUNK.length;
  // The same zero chunk is pushed again and again, so the 256 MiB never exist at once.
  const zeros = new Readable({
    read() {
      this.push(left-- > 0 ? CHUNK : null);
    },
  });
  const out: Buffer[] = [];
  for await (const chunk of zeros.pipe(createGzip({ level: 9 }))) out.push(chunk as Buffer);
  return Buffer.concat(out);
}
