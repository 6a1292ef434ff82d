/**
 * A BackendSrv for pages and tests that run the datasource outside Grafana. Grafana's data proxy
 * forwards `<proxyBase>/twin/…` to the collector and adds the token; this does the same with the
 * Fetch API, so the datasource runs unchanged against a real collector.
 */
import { Observable, lastValueFrom } from 'rxjs';
import type { BackendSrv, BackendSrvRequest, FetchError, FetchResponse } from '@grafana/runtime';
import { PROXY_ROUTE } from '../types';

export interface FetchBackendSrvOptions {
  /** What the datasource sees as its instance url (Grafana's `/api/datasources/proxy/uid/<uid>`). */
  proxyBase: string;
  /** The collector's base URL, as the route's `{{ .JsonData.apiUrl }}`. */
  apiUrl: string;
  /** Sent as a bearer token, as the route's Authorization header. */
  apiToken?: string;
  fetch?: typeof fetch;
}

export function createFetchBackendSrv(options: FetchBackendSrvOptions): BackendSrv {
  const doFetch = options.fetch ?? ((input, init) => fetch(input, init));
  const routePrefix = `${options.proxyBase.replace(/\/$/, '')}/${PROXY_ROUTE}`;

  /** The upstream URL of a request through the route; other URLs go out unchanged. */
  const upstreamUrl = (request: BackendSrvRequest): string => {
    const base = request.url.startsWith(routePrefix)
      ? options.apiUrl.replace(/\/$/, '') + request.url.slice(routePrefix.length)
      : request.url;
    const params = Object.entries(request.params ?? {}).filter(([, v]) => v !== undefined && v !== null);
    if (params.length === 0) {
      return base;
    }
    const query = new URLSearchParams(params.map(([k, v]) => [k, String(v)]));
    return `${base}${base.includes('?') ? '&' : '?'}${query.toString()}`;
  };

  async function send<T>(request: BackendSrvRequest): Promise<FetchResponse<T>> {
    const headers: Record<string, string> = { Accept: 'application/json', ...request.headers };
    if (request.url.startsWith(routePrefix) && options.apiToken) {
      headers.Authorization = `Bearer ${options.apiToken}`;
    }
    const hasBody = request.data !== undefined;
    if (hasBody) {
      headers['Content-Type'] ??= 'application/json';
    }
    const response = await doFetch(upstreamUrl(request), {
      method: request.method ?? 'GET',
      headers,
      body: hasBody ? (typeof request.data === 'string' ? request.data : JSON.stringify(request.data)) : undefined,
      signal: request.abortSignal,
    });
    const text = await response.text();
    const data = (request.responseType === 'text' ? text : parseJson(text)) as T;
    const answer: FetchResponse<T> = {
      data,
      status: response.status,
      statusText: response.statusText,
      ok: response.ok,
      headers: response.headers,
      redirected: response.redirected,
      type: response.type,
      url: response.url,
      config: request,
    };
    if (!response.ok) {
      const error: FetchError = { status: response.status, statusText: response.statusText, data, config: request };
      throw error;
    }
    return answer;
  }

  const fetchObservable = <T>(request: BackendSrvRequest) =>
    new Observable<FetchResponse<T>>((subscriber) => {
      const abort = new AbortController();
      send<T>({ ...request, abortSignal: abort.signal }).then(
        (response) => {
          subscriber.next(response);
          subscriber.complete();
        },
        (error: unknown) => subscriber.error(error)
      );
      return () => abort.abort();
    });
  const dataOf = async <T>(request: BackendSrvRequest) => (await lastValueFrom(fetchObservable<T>(request))).data;

  return {
    fetch: fetchObservable,
    // The interface still declares the deprecated two; they share fetch's path.
    // eslint-disable-next-line @typescript-eslint/no-deprecated
    request: dataOf,
    // eslint-disable-next-line @typescript-eslint/no-deprecated
    datasourceRequest: (request) => lastValueFrom(fetchObservable(request)),
    get: (url, params, _requestId, rest) => dataOf({ ...rest, url, params }),
    delete: (url, data, rest) => dataOf({ ...rest, url, data, method: 'DELETE' }),
    post: (url, data, rest) => dataOf({ ...rest, url, data, method: 'POST' }),
    put: (url, data, rest) => dataOf({ ...rest, url, data, method: 'PUT' }),
    patch: (url, data, rest) => dataOf({ ...rest, url, data, method: 'PATCH' }),
    chunked: () => {
      throw new Error('chunked requests are not supported outside Grafana');
    },
  };
}

/** An empty or non-JSON body (a proxy's HTML error page) is kept as text. */
function parseJson(text: string): unknown {
  if (text === '') {
    return undefined;
  }
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
