/** What the global setup hands the tests: the addresses of the running stack. */
import { inject } from 'vitest';

declare module 'vitest' {
  export interface ProvidedContext {
    /** http://host:port of the collector with the demo (its /ui/ is the page under test). */
    apiUrl: string;
    /** http://host:port of the collector with the 2,000-node inventory. */
    bigApiUrl: string;
    /** The demo's fault API and its token. */
    demoUrl: string;
    demoToken: string;
  }
}

export function stackContext() {
  return { apiUrl: inject('apiUrl'), bigApiUrl: inject('bigApiUrl'), demoUrl: inject('demoUrl'), demoToken: inject('demoToken') };
}
