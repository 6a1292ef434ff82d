import { isFetchError } from '@grafana/runtime';

/**
 * Where a failed request broke: the collector answered with its error body (`collector`), something
 * between Grafana and the collector answered instead — the data proxy, a wrong URL, a gateway
 * (`proxy`) — or no HTTP answer came back at all (`network`).
 */
export type TwinErrorKind = 'collector' | 'proxy' | 'network';

/** An API failure whose message is what the panel shows. */
export class TwinApiError extends Error {
  constructor(
    message: string,
    readonly kind: TwinErrorKind,
    /** The HTTP status, 0 when no response came back. */
    readonly status: number,
    /** The collector's machine-readable code (not_found, unauthenticated, ...), when it answered. */
    readonly code?: string
  ) {
    super(message);
    this.name = 'TwinApiError';
  }
}

const PREFIX = 'TwinOps collector';

/** Turns whatever getBackendSrv().fetch threw into a TwinApiError that names the cause. */
export function toTwinError(error: unknown): TwinApiError {
  if (error instanceof TwinApiError) {
    return error;
  }
  if (isFetchError(error) && error.status > 0) {
    const collector = collectorError(error.data);
    if (collector) {
      return new TwinApiError(
        `${PREFIX}: ${error.status} ${collector.message}`,
        'collector',
        error.status,
        collector.code
      );
    }
    // Grafana's own answers (data proxy errors) carry { message }; gateways send HTML or nothing.
    const detail = proxyMessage(error.data) ?? error.statusText ?? '';
    const text = detail === '' ? `${error.status}` : `${error.status} ${detail}`;
    return new TwinApiError(`${PREFIX} not reached through the Grafana data proxy: ${text}`, 'proxy', error.status);
  }
  return new TwinApiError(`${PREFIX} unreachable: network error: ${networkMessage(error)}`, 'network', 0);
}

function collectorError(data: unknown): { code: string; message: string } | undefined {
  if (typeof data !== 'object' || data === null || !('error' in data)) {
    return undefined;
  }
  const body = (data as { error: unknown }).error;
  if (typeof body !== 'object' || body === null) {
    return undefined;
  }
  const { code, message } = body as { code?: unknown; message?: unknown };
  return typeof message === 'string' ? { code: typeof code === 'string' ? code : 'unknown', message } : undefined;
}

function proxyMessage(data: unknown): string | undefined {
  if (typeof data === 'object' && data !== null && typeof (data as { message?: unknown }).message === 'string') {
    return (data as { message: string }).message;
  }
  // A short text body (a gateway's one-liner) says more than the status text; HTML pages do not.
  if (typeof data === 'string' && data.length > 0 && data.length <= 200 && !data.trimStart().startsWith('<')) {
    return data.trim();
  }
  return undefined;
}

function networkMessage(error: unknown): string {
  if (error instanceof Error) {
    return error.message;
  }
  if (typeof error === 'object' && error !== null) {
    const { message, statusText } = error as { message?: unknown; statusText?: unknown };
    if (typeof message === 'string' && message !== '') {
      return message;
    }
    if (typeof statusText === 'string' && statusText !== '') {
      return statusText;
    }
  }
  return String(error);
}
