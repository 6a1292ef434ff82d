import { buildApiApp } from './build-app';
import type { ApiServerSettings } from './build-app';
import type { ApiConfig } from './config';
import { formatEndpoint, requireEndpoint } from '../config';

/** The HTTP API as a component: start listening, report the bound address, shut down. */
export interface ApiServer {
  start(): Promise<void>;
  /** Ends event streams, stops listening and waits for requests in flight; safe twice or without start. */
  shutdown(): Promise<void>;
  /** `host:port` actually bound (the real port when the config asked for 0); undefined until started. */
  address(): string | undefined;
}

export function createApiServer(config: ApiConfig, settings: ApiServerSettings): ApiServer {
  const endpoint = requireEndpoint(config.endpoint);
  const { app, hub } = buildApiApp(config, settings);
  let starting: Promise<void> | undefined;
  let stopping: Promise<void> | undefined;
  let bound: string | undefined;

  return {
    start() {
      if (stopping) return Promise.reject(new Error('the API server is shut down and cannot start again'));
      starting ??= app.listen({ host: endpoint.host, port: endpoint.port }).then(() => {
        const address = app.server.address();
        if (address && typeof address === 'object') {
          bound = formatEndpoint(address.address, address.port);
        }
      });
      return starting;
    },
    shutdown() {
      stopping ??= (async () => {
        await starting?.catch(() => undefined);
        // Event streams never end by themselves, and close() waits for open requests: end them first.
        hub.closeAll();
        await app.close();
        bound = undefined;
      })();
      return stopping;
    },
    address: () => bound,
  };
}
