/** A bare HTTP client for receiver tests: exact bytes out, status, headers and bytes back. */
import { request } from 'node:http';
import type { ClientRequest, IncomingHttpHeaders } from 'node:http';

export interface Reply {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
  text: string;
}

export interface PostOptions {
  method?: string;
  headers?: Record<string, string>;
  /** Send the body in chunked encoding (no Content-Length). */
  chunked?: boolean;
}

/** Resolves with the answer; a write error after the answer arrived is ignored. */
export function post(address: string, path: string, body: Uint8Array, options: PostOptions = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = { ...options.headers };
    if (options.chunked) headers['Transfer-Encoding'] = 'chunked';
    else headers['Content-Length'] = String(body.length);
    const req = request(`http://${address}${path}`, { method: options.method ?? 'POST', headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const all = Buffer.concat(chunks);
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: all, text: all.toString('utf8') });
      });
    });
    req.on('error', reject);
    req.end(body);
  });
}

/** Starts a POST whose body never finishes; `finish()` sends the rest, `abort()` cuts the connection. */
export function stalledPost(
  address: string,
  path: string,
  headers: Record<string, string>,
): { req: ClientRequest; reply: Promise<Reply | undefined>; finish(rest: Uint8Array): void; abort(): void } {
  const req = request(`http://${address}${path}`, { method: 'POST', headers, agent: false });
  const reply = new Promise<Reply | undefined>((resolve) => {
    req.on('response', (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const all = Buffer.concat(chunks);
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: all, text: all.toString('utf8') });
      });
    });
    req.on('error', () => resolve(undefined));
  });
  req.flushHeaders();
  return { req, reply, finish: (rest) => req.end(rest), abort: () => req.destroy() };
}
