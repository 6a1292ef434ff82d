/**
 * Sends a request to an OTLP/HTTP next hop: the body goes out byte for byte with its content
 * type and encoding, to `<endpoint>/v1/<signal>`. Retryable answers follow the OTLP spec
 * (429, 502, 503, 504, and a connection that failed without an answer).
 */
import { Agent as HttpAgent, request as httpRequest } from 'node:http';
import type { IncomingMessage } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import { parseRetryAfter } from './send-result';
import type { ForwardTransport, OutgoingRequest, SendResult } from './send-result';

export interface HttpTransportOptions {
  endpoint: string;
  headers: Record<string, string>;
  timeoutMs: number;
  now: () => number;
}

const RETRYABLE = new Set([429, 502, 503, 504]);

/** `http://host:4318` or `http://host:4318/prefix/` → `http://host:4318/prefix/v1/traces`. */
export function signalUrl(endpoint: string, signal: string): URL {
  const url = new URL(endpoint);
  url.pathname = `${url.pathname.replace(/\/+$/, '')}/v1/${signal}`;
  return url;
}

export function createHttpTransport(options: HttpTransportOptions): ForwardTransport {
  const secure = new URL(options.endpoint).protocol === 'https:';
  const agent = secure ? new HttpsAgent({ keepAlive: true }) : new HttpAgent({ keepAlive: true });
  const send = secure ? httpsRequest : httpRequest;

  const classify = (res: IncomingMessage, text: string): SendResult => {
    const status = res.statusCode ?? 0;
    if (status >= 200 && status < 300) return { kind: 'success' };
    // Error bodies are google.rpc.Status; only a readable (JSON or text) one goes into the message.
    const readable = /json|text/.test(res.headers['content-type'] ?? '') && text !== '';
    const error = `next hop answered ${status}${readable ? `: ${text.slice(0, 200)}` : ''}`;
    if (!RETRYABLE.has(status)) return { kind: 'failure', error };
    const retryAfter = res.headers['retry-after'];
    return { kind: 'retryable', error, retryAfterMs: parseRetryAfter(retryAfter, options.now()) };
  };

  return {
    send(request: OutgoingRequest, signal: AbortSignal): Promise<SendResult> {
      return new Promise((resolve) => {
        const headers: Record<string, string> = {
          ...options.headers,
          'Content-Type': request.contentType,
          'Content-Length': String(request.body.length),
        };
        if (request.gzip) headers['Content-Encoding'] = 'gzip';
        const req = send(signalUrl(options.endpoint, request.signal), { method: 'POST', headers, agent, signal });
        req.setTimeout(options.timeoutMs, () => req.destroy(new Error(`no answer within ${options.timeoutMs} ms`)));
        req.on('response', (res) => {
          const chunks: Buffer[] = [];
          let size = 0;
          res.on('data', (chunk: Buffer) => {
            // Only the start of an error body is kept for the log line.
            if (size < 4096) chunks.push(chunk);
            size += chunk.length;
          });
          res.on('end', () => resolve(classify(res, Buffer.concat(chunks).toString('utf8'))));
          res.on('error', (err) => resolve({ kind: 'retryable', error: err.message }));
        });
        req.on('error', (err) => {
          if (signal.aborted) resolve({ kind: 'failure', error: 'aborted at shutdown' });
          else resolve({ kind: 'retryable', error: `cannot reach the next hop: ${err.message}` });
        });
        req.end(request.body);
      });
    },
    close() {
      agent.destroy();
    },
  };
}
