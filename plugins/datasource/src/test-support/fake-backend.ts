import { defer, of, throwError, type Observable } from 'rxjs';
import type { BackendSrv, BackendSrvRequest, FetchResponse } from '@grafana/runtime';

/** What the fake answers: a status and body, or a failure before any response (network, DNS). */
export type Reply = { status?: number; statusText?: string; data: unknown } | { networkError: string };

/** The datasource's instance URL in tests (Grafana's data proxy base) and the route prefix under it. */
export const INSTANCE_URL = '/api/datasources/proxy/uid/twin-uid';
export const API = `${INSTANCE_URL}/twin/api/v1`;

/**
 * A BackendSrv whose fetch answers from `routes`, keyed `METHOD path` with the path after the API
 * prefix (`GET /entities`) or after the route (`GET /healthz`); unknown routes answer the collector's 404.
 */
export function fakeBackend(routes: Record<string, Reply | ((request: BackendSrvRequest) => Reply)>) {
  const requests: BackendSrvRequest[] = [];
  const fetch = <T>(request: BackendSrvRequest): Observable<FetchResponse<T>> =>
    defer(() => {
      requests.push(request);
      const path = request.url.startsWith(API)
        ? request.url.slice(API.length)
        : request.url.slice(`${INSTANCE_URL}/twin`.length);
      const key = `${request.method ?? 'GET'} ${path}`;
      const route = routes[key] ?? {
        status: 404,
        data: { error: { code: 'not_found', message: `no route for ${key}` } },
      };
      const reply = typeof route === 'function' ? route(request) : route;
      if ('networkError' in reply) {
        return throwError(() => new TypeError(reply.networkError));
      }
      const status = reply.status ?? 200;
      if (status >= 400) {
        return throwError(() => ({ status, statusText: reply.statusText ?? '', data: reply.data, config: request }));
      }
      return of({
        data: reply.data as T,
        status,
        statusText: 'OK',
        ok: true,
        headers: new Headers(),
        redirected: false,
        type: 'basic',
        url: request.url,
        config: request,
      } as FetchResponse<T>);
    });
  const unused = () => Promise.reject(new Error('not used by the datasource'));
  const srv = {
    fetch,
    get: unused,
    post: unused,
    put: unused,
    patch: unused,
    delete: unused,
    request: unused,
    datasourceRequest: unused,
    chunked: () => {
      throw new Error('not used');
    },
  } as unknown as BackendSrv;
  return { srv, requests };
}
