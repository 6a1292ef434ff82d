import { request } from 'node:http';
import type { IncomingMessage } from 'node:http';

/** A raw event-stream reader for tests: collects the text and waits for what it expects. */
export interface StreamReader {
  res: IncomingMessage;
  text(): string;
  /** Resolves once the text received so far satisfies `done`. */
  waitFor(done: (text: string) => boolean): Promise<string>;
  ended: Promise<void>;
}

export function openStream(address: string, path: string, headers: Record<string, string> = {}): Promise<StreamReader> {
  return new Promise((resolve, reject) => {
    const req = request(`http://${address}${path}`, { headers, agent: false }, (res) => {
      let text = '';
      const waiters: { done: (text: string) => boolean; resolve: (text: string) => void }[] = [];
      const check = () => {
        for (const waiter of [...waiters]) {
          if (waiter.done(text)) {
            waiters.splice(waiters.indexOf(waiter), 1);
            waiter.resolve(text);
          }
        }
      };
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        text += chunk;
        check();
      });
      const ended = new Promise<void>((done) => res.on('close', () => done()));
      resolve({
        res,
        text: () => text,
        waitFor: (done) => new Promise((resolveWait) => (waiters.push({ done, resolve: resolveWait }), check())),
        ended,
      });
    });
    req.on('error', reject);
    req.end();
  });
}

/** Yields to the event loop until `condition` holds (no fixed sleeps); fails after many turns. */
export async function until(condition: () => boolean, turns = 5000): Promise<void> {
  for (let i = 0; i < turns; i++) {
    if (condition()) return;
    await new Promise((resolve) => setImmediate(resolve));
  }
  throw new Error('condition not reached');
}
